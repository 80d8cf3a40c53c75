package io.veridb.cli.support;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;

/** Builds the gRPC channel for {@link ClientSettings}: plaintext, TLS, or mutual TLS. */
final class Channels {

    /** immudb's largest message (the server's receive limit); values up to 32 MiB must fit in a reply. */
    static final int MAX_MESSAGE_BYTES = 33 << 20;

    private Channels() {}

    static ManagedChannel open(ClientSettings s) {
        return Grpc.newChannelBuilder(s.address(), credentials(s))
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .build();
    }

    private static ChannelCredentials credentials(ClientSettings s) {
        if (!s.tls()) {
            return InsecureChannelCredentials.create();
        }
        try {
            TlsChannelCredentials.Builder b = TlsChannelCredentials.newBuilder();
            if (s.ca() != null) {
                b.trustManager(s.ca().toFile());
            }
            if (s.cert() != null) {
                b.keyManager(s.cert().toFile(), s.key().toFile());
            }
            return b.build();
        } catch (IOException e) {
            throw new UsageException("cannot read TLS files ca=" + s.ca() + " cert=" + s.cert() + " key=" + s.key()
                    + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad TLS files ca=" + s.ca() + " cert=" + s.cert() + " key=" + s.key()
                    + ": " + e.getMessage(), e);
        }
    }
}
