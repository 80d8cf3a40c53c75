package io.veridb.server.immu.kv;

import com.google.protobuf.InvalidProtocolBufferException;
import io.veridb.kv.KvErrorCode;
import io.veridb.kv.KvErrors;
import io.veridb.kv.KvException;
import io.veridb.kv.KvWrite;
import io.veridb.kv.Op;
import io.veridb.protocol.immudb.ZAddRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the message sequences of the client-streaming RPCs (protocol spec §2.4).
 *
 * <pre>
 * streamSet           = (key value)*
 * streamVerifiableSet = u64(proveSinceTx) (key value)*
 * streamExecAll       = ( 0x01 key value | 0x02 ZAddRequest )*     ; each op type is a 1-byte message
 * </pre>
 */
final class StreamRequests {

    static final byte OP_KV = 1;
    static final byte OP_ZADD = 2;
    static final byte OP_REF = 3;

    private StreamRequests() {}

    /** Key/value pairs from {@code messages[from..]}. */
    static List<KvWrite> pairs(List<byte[]> messages, int from) {
        if ((messages.size() - from) % 2 != 0) {
            throw illegal("stream has a key without a value");
        }
        List<KvWrite> kvs = new ArrayList<>((messages.size() - from) / 2);
        for (int i = from; i < messages.size(); i += 2) {
            kvs.add(new KvWrite(messages.get(i), messages.get(i + 1)));
        }
        return kvs;
    }

    /** The leading 8-byte proveSinceTx of a streamVerifiableSet. */
    static long proveSinceTx(List<byte[]> messages) {
        if (messages.isEmpty() || messages.get(0).length != Long.BYTES) {
            throw illegal("stream must start with an 8-byte proveSinceTx");
        }
        return FromProto.limit(ByteBuffer.wrap(messages.get(0)).getLong());
    }

    /** The operations of a streamExecAll. */
    static List<Op> ops(List<byte[]> messages) {
        List<Op> ops = new ArrayList<>();
        int i = 0;
        while (i < messages.size()) {
            byte[] type = messages.get(i++);
            if (type.length != 1) {
                throw illegal("op type message has " + type.length + " bytes, want 1");
            }
            if (type[0] == OP_KV) {
                if (i + 2 > messages.size()) {
                    throw illegal("kv op without key and value");
                }
                ops.add(new KvWrite(messages.get(i), messages.get(i + 1)));
                i += 2;
            } else if (type[0] == OP_ZADD) {
                if (i + 1 > messages.size()) {
                    throw illegal("zAdd op without its request");
                }
                ops.add(FromProto.zAdd(parseZAdd(messages.get(i++))));
            } else {
                throw illegal("op type " + type[0] + " is not supported on streams (1 = kv, 2 = zAdd)");
            }
        }
        return ops;
    }

    private static ZAddRequest parseZAdd(byte[] bytes) {
        try {
            return ZAddRequest.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new KvException(KvErrorCode.INVALID_ARGUMENT,
                    KvErrors.ILLEGAL_ARGUMENTS + ": malformed ZAddRequest: " + e.getMessage(), e);
        }
    }

    private static KvException illegal(String detail) {
        return new KvException(KvErrorCode.INVALID_ARGUMENT, KvErrors.ILLEGAL_ARGUMENTS + ": " + detail);
    }
}
