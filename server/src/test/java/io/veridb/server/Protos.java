package io.veridb.server;

import com.google.protobuf.ByteString;
import io.veridb.protocol.immudb.KeyRequest;
import io.veridb.protocol.immudb.KeyValue;
import io.veridb.protocol.immudb.SetRequest;
import java.nio.charset.StandardCharsets;

/** Short builders for the request messages tests send most. */
public final class Protos {
    private Protos() {}

    public static ByteString bytes(String s) {
        return ByteString.copyFrom(s, StandardCharsets.UTF_8);
    }

    public static SetRequest set(String key, String value) {
        return SetRequest.newBuilder()
                .addKVs(KeyValue.newBuilder().setKey(bytes(key)).setValue(bytes(value)))
                .build();
    }

    public static KeyRequest get(String key) {
        return KeyRequest.newBuilder().setKey(bytes(key)).build();
    }
}
