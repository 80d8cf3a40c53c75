package io.veridb.server.signing;

import com.google.protobuf.ByteString;
import io.veridb.proofs.StateSignatures;
import io.veridb.protocol.immudb.Signature;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Optional;

/**
 * Signs database states {@code (db, txId, Alh)} with the server's ECDSA P-256 key (immudb's {@code signingKey}),
 * producing immudb's {@code Signature{publicKey = 0x04‖X‖Y, signature = DER}}. Thread-safe.
 */
public final class EcdsaStateSigner implements io.veridb.server.immu.kv.StateSigner {
    private final KeyPair keys;
    private final ByteString publicKey;

    private EcdsaStateSigner(KeyPair keys) {
        this.keys = keys;
        this.publicKey = ByteString.copyFrom(StateSignatures.uncompressedPoint((ECPublicKey) keys.getPublic()));
    }

    /** Loads the PEM key at {@code file} (SEC1 or PKCS#8, curve P-256). */
    public static EcdsaStateSigner load(Path file) throws IOException {
        return new EcdsaStateSigner(PemKeys.readP256KeyPair(file));
    }

    @Override
    public Optional<Signature> sign(String db, long txId, byte[] alh) {
        byte[] der = StateSignatures.sign(keys.getPrivate(), db, txId, alh);
        return Optional.of(Signature.newBuilder().setPublicKey(publicKey).setSignature(ByteString.copyFrom(der))
                .build());
    }

    /** The public half, for verification by tests and tools. */
    public PublicKey publicKey() {
        return keys.getPublic();
    }
}
