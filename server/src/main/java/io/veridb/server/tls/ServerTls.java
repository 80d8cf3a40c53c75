package io.veridb.server.tls;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.veridb.server.signing.PemKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The server-side TLS context: a PEM certificate chain and private key (PKCS#8, SEC1 EC or PKCS#1 RSA), and for
 * mutual TLS the client CA certificates every client must present a certificate from.
 */
public final class ServerTls {
    private ServerTls() {}

    /**
     * Builds the context.
     *
     * @param certificate PEM certificate chain, leaf first
     * @param pkey PEM private key of the leaf
     * @param clientCas PEM CA certificates for client authentication, or null
     * @param requireClientCert true for mutual TLS (needs clientCas)
     */
    public static SslContext context(Path certificate, Path pkey, Path clientCas, boolean requireClientCert)
            throws IOException {
        List<X509Certificate> chain = PemKeys.readCertificates(certificate);
        PrivateKey key = PemKeys.readPrivateKey(pkey);
        SslContextBuilder builder =
                GrpcSslContexts.configure(SslContextBuilder.forServer(key, chain.toArray(new X509Certificate[0])));
        if (clientCas != null) {
            builder.trustManager(PemKeys.readCertificates(clientCas).toArray(new X509Certificate[0]));
            builder.clientAuth(requireClientCert ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL);
        } else if (requireClientCert) {
            throw new IllegalArgumentException("mutual TLS needs clientcas (CA certificates of the clients)");
        }
        return builder.build();
    }
}
