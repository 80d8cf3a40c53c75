package io.veridb.kv;

import io.veridb.ledger.Tx;
import io.veridb.ledger.TxEntry;
import io.veridb.proofs.KvMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whole-transaction reads (TxById, TxScan) shaped per {@link EntriesSpec} as immudb does: raw entries for
 * ONLY_DIGEST, raw entries plus stored value for RAW_VALUE, decoded entries for RESOLVE. Deleted or expired
 * entries, and entries whose reference target is gone, are left out of RESOLVE (and expired ones out of
 * RAW_VALUE). Thread-safe.
 */
final class TxReads {

    private final LedgerAccess ledger;
    private final Resolver resolver;
    private final Reads reads;
    private final CommittedView view;
    private final int maxResultSize;

    TxReads(LedgerAccess ledger, Resolver resolver, Reads reads, int maxResultSize) {
        this.ledger = ledger;
        this.resolver = resolver;
        this.reads = reads;
        this.view = new CommittedView(ledger);
        this.maxResultSize = maxResultSize;
    }

    TxView txById(TxQuery q) {
        if (!q.keepReferencesUnresolved()) {
            reads.checkSinceTx(q.sinceTx());
        }
        return shape(ledger.tx(q.tx()), q.spec(), q.keepReferencesUnresolved());
    }

    List<TxView> txScan(TxScanQuery q) {
        if (q.limit() > maxResultSize) {
            throw KvErrors.resultSizeLimitExceeded(q.limit(), maxResultSize);
        }
        long limit = q.limit() == 0 ? maxResultSize : q.limit();
        reads.checkSinceTx(q.sinceTx());
        if (q.initialTx() < 1) {
            throw KvErrors.illegalArguments();
        }
        long last = ledger.lastTxId();
        List<TxView> out = new ArrayList<>();
        long step = q.desc() ? -1 : 1;
        for (long id = q.initialTx(); id >= 1 && id <= last && out.size() < limit; id += step) {
            out.add(shape(ledger.tx(id), q.spec(), false));
        }
        return out;
    }

    /** {@code tx} with its entries as {@code spec} asks. */
    TxView shape(Tx tx, EntriesSpec spec, boolean keepReferencesUnresolved) {
        long txId = tx.header().id();
        List<RawEntry> raw = new ArrayList<>();
        List<KvEntry> kvEntries = new ArrayList<>();
        List<ZEntry> zEntries = new ArrayList<>();
        List<TxEntry> entries = tx.entries();
        for (int i = 0; i < entries.size(); i++) {
            TxEntry e = entries.get(i);
            byte[] key = e.key();
            EntryAction action = action(spec, key);
            switch (action) {
                case EXCLUDE -> { }
                case ONLY_DIGEST -> raw.add(raw(e, Optional.empty()));
                case RAW_VALUE -> {
                    if (!resolver.expired(e.metadata())) {
                        raw.add(raw(e, Optional.of(ledger.value(txId, i))));
                    }
                }
                case RESOLVE -> {
                    if (key[0] == KvEncoding.KV_PREFIX) {
                        resolveKv(txId, e, i, keepReferencesUnresolved).ifPresent(kvEntries::add);
                    } else if (key[0] == KvEncoding.ZSET_PREFIX) {
                        resolveZset(e, keepReferencesUnresolved).ifPresent(zEntries::add);
                    } else {
                        throw KvErrors.illegalArguments("sql entry resolution is not supported");
                    }
                }
                default -> throw new IllegalStateException("unknown action " + action);
            }
        }
        return new TxView(tx.header(), raw, kvEntries, zEntries);
    }

    private Optional<KvEntry> resolveKv(long txId, TxEntry e, int index, boolean keepUnresolved) {
        if (!resolver.live(e.metadata())) {
            return Optional.empty();
        }
        byte[] value = ledger.value(txId, index);
        if (keepUnresolved && KvEncoding.isReference(value)) {
            KvEncoding.Reference ref = KvEncoding.decodeReference(value);
            KvRef by = new KvRef(txId, KvEncoding.strip(e.key()), ref.atTx(), e.metadata(), 0);
            return Optional.of(new KvEntry(ref.atTx(), ref.key(), new byte[0], KvMetadata.NONE,
                    false, 0, Optional.of(by)));
        }
        try {
            return Optional.of(resolver.atTx(view, e.key(), txId, 0));
        } catch (KvException ex) {
            if (ex.isKeyNotFound()) {
                return Optional.empty();
            }
            throw ex;
        }
    }

    private Optional<ZEntry> resolveZset(TxEntry e, boolean keepUnresolved) {
        KvEncoding.ZsetMember m = KvEncoding.decodeZsetKey(e.key());
        if (keepUnresolved) {
            return Optional.of(new ZEntry(m.set(), m.key(), Optional.empty(), m.score(), m.atTx()));
        }
        byte[] stored = KvEncoding.kvKey(m.key());
        try {
            KvEntry entry = m.atTx() == 0 ? resolver.latest(view, stored) : resolver.atTx(view, stored, m.atTx(), 0);
            return Optional.of(new ZEntry(m.set(), m.key(), Optional.of(entry), m.score(), m.atTx()));
        } catch (KvException ex) {
            if (ex.isKeyNotFound() || ex.getMessage().equals(KvErrors.KEY_RESOLUTION_LIMIT)) {
                return Optional.empty();
            }
            throw ex;
        }
    }

    private static EntryAction action(EntriesSpec spec, byte[] key) {
        if (key.length == 0) {
            return EntryAction.ONLY_DIGEST;
        }
        return switch (key[0]) {
            case KvEncoding.KV_PREFIX -> spec.kv();
            case KvEncoding.ZSET_PREFIX -> spec.zset();
            case KvEncoding.SQL_PREFIX -> spec.sql();
            default -> spec == EntriesSpec.ALL_DIGESTS ? EntryAction.ONLY_DIGEST : EntryAction.EXCLUDE;
        };
    }

    static RawEntry raw(TxEntry e, Optional<byte[]> value) {
        return new RawEntry(e.key(), e.metadata(), e.hValue(), e.vLen(), value);
    }
}
