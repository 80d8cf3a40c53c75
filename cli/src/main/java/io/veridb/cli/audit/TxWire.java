package io.veridb.cli.audit;

import io.veridb.cli.support.IntegrityFailure;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.TxHeader;
import io.veridb.proofs.TxMetadata;
import io.veridb.protocol.immudb.KVMetadata;
import io.veridb.protocol.immudb.Tx;
import io.veridb.protocol.immudb.TxEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads the immudb protobuf {@code Tx} into an {@link AuditTx}. Pure. */
final class TxWire {

    private TxWire() {}

    /**
     * The transaction in {@code withDigests} (every raw entry) with the values found in {@code withValues}
     * (matched by key; keys are unique within a transaction).
     *
     * @throws IntegrityFailure if the header is malformed
     */
    static AuditTx read(Tx withDigests, Tx withValues) {
        List<AuditEntry> entries = new ArrayList<>();
        for (TxEntry e : withDigests.getEntriesList()) {
            Optional<byte[]> value = withValues.getEntriesList().stream()
                    .filter(v -> v.getKey().equals(e.getKey()))
                    .findFirst()
                    .map(v -> v.getValue().toByteArray());
            entries.add(entry(e, value));
        }
        return new AuditTx(header(withDigests.getHeader()), entries);
    }

    /** The transaction in {@code tx}, whose raw entries all carry their values. */
    static AuditTx read(Tx tx) {
        List<AuditEntry> entries = new ArrayList<>();
        for (TxEntry e : tx.getEntriesList()) {
            entries.add(entry(e, Optional.of(e.getValue().toByteArray())));
        }
        return new AuditTx(header(tx.getHeader()), entries);
    }

    private static AuditEntry entry(TxEntry e, Optional<byte[]> value) {
        try {
            return new AuditEntry(e.getKey().toByteArray(), metadata(e.hasMetadata(), e.getMetadata()),
                    e.getHValue().toByteArray(), e.getVLen(), value);
        } catch (IllegalArgumentException ex) {
            throw new IntegrityFailure("malformed entry: " + ex.getMessage());
        }
    }

    static TxHeader header(io.veridb.protocol.immudb.TxHeader p) {
        try {
            TxMetadata md = p.hasMetadata()
                    ? new TxMetadata(p.getMetadata().getTruncatedTxID(), p.getMetadata().getExtra().toByteArray())
                    : TxMetadata.EMPTY;
            return new TxHeader(p.getId(), p.getPrevAlh().toByteArray(), p.getTs(), p.getVersion(), md,
                    p.getNentries(), p.getEH().toByteArray(), p.getBlTxId(), p.getBlRoot().toByteArray());
        } catch (IllegalArgumentException ex) {
            throw new IntegrityFailure("malformed header of tx " + p.getId() + ": " + ex.getMessage());
        }
    }

    private static KvMetadata metadata(boolean present, KVMetadata p) {
        if (!present) {
            return KvMetadata.NONE;
        }
        return new KvMetadata(p.getDeleted(),
                p.hasExpiration() ? OptionalLong.of(p.getExpiration().getExpiresAt()) : OptionalLong.empty(),
                p.getNonIndexable());
    }
}
