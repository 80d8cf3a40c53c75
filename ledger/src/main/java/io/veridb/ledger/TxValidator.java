package io.veridb.ledger;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Ledger-level checks of one transaction's entries (limits, unique keys, header-version rules). Pure. */
final class TxValidator {

    /** Most value bytes in one transaction: a batch buffers them in memory. */
    static final long MAX_TX_VALUE_BYTES = 1L << 30;

    private TxValidator() {}

    /**
     * @throws LimitExceededException when a limit is broken (names the value, the limit and the entry)
     * @return the entries' keys as {@link ByteKey}s (hashed once here, reused by the key index)
     * @throws IllegalArgumentException on no entries, an empty or duplicate key, or metadata in header version 0
     */
    static ByteKey[] check(List<EntrySpec> entries, LedgerOptions o) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("entries=0, want at least 1 entry per transaction");
        }
        if (entries.size() > o.maxTxEntries()) {
            throw new LimitExceededException("entries", entries.size(), o.maxTxEntries(), "");
        }
        ByteKey[] out = new ByteKey[entries.size()];
        Set<ByteKey> keys = entries.size() == 1 ? Set.of() : new HashSet<>(entries.size() * 2);
        long valueBytes = 0;
        for (int i = 0; i < entries.size(); i++) {
            EntrySpec e = entries.get(i);
            if (e == null) {
                throw new IllegalArgumentException("entry " + i + " is null");
            }
            int kl = e.rawKey().length;
            if (kl == 0) {
                throw new IllegalArgumentException("keyLength=0 in entry " + i + ", want at least 1 byte");
            }
            if (kl > o.maxKeyLength()) {
                throw new LimitExceededException("keyLength", kl, o.maxKeyLength(), "entry " + i);
            }
            if (e.valueLength() > o.maxValueLength()) {
                throw new LimitExceededException("valueLength", e.valueLength(), o.maxValueLength(), "entry " + i);
            }
            valueBytes += e.valueLength();
            if (valueBytes > MAX_TX_VALUE_BYTES) {
                throw new LimitExceededException("txValueBytes", valueBytes, MAX_TX_VALUE_BYTES, "entry " + i);
            }
            if (o.headerVersion() == 0 && !e.metadata().isEmpty()) {
                throw new IllegalArgumentException("entry " + i + " has metadata " + e.metadata()
                        + " but header version 0 allows none");
            }
            out[i] = new ByteKey(e.rawKey());
            if (entries.size() > 1 && !keys.add(out[i])) {
                throw new IllegalArgumentException("duplicate key " + Kv.hex(e.rawKey()) + " in entry " + i
                        + ", keys must be unique within a transaction");
            }
        }
        return out;
    }
}
