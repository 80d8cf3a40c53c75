package io.veridb.kv;

import io.veridb.ledger.KeyVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Point reads and key history. Thread-safe. */
final class Reads {

    private final LedgerAccess ledger;
    private final Resolver resolver;
    private final CommittedView view;
    private final int maxResultSize;

    Reads(LedgerAccess ledger, Resolver resolver, int maxResultSize) {
        this.ledger = ledger;
        this.resolver = resolver;
        this.view = new CommittedView(ledger);
        this.maxResultSize = maxResultSize;
    }

    KvEntry get(GetQuery q) {
        if (q.key().length == 0) {
            throw KvErrors.illegalArguments("empty key");
        }
        if (q.atTx() > 0 && q.sinceTx() > 0) {
            throw KvErrors.illegalArguments("SinceTx should not be specified when AtTx is used");
        }
        if (q.atTx() > 0 && q.atRevision() != 0) {
            throw KvErrors.illegalArguments("AtRevision should not be specified when AtTx is used");
        }
        if (q.atTx() < 0 || q.sinceTx() < 0) {
            throw KvErrors.illegalArguments("atTx=" + q.atTx() + " sinceTx=" + q.sinceTx() + ", want >= 0");
        }
        if (q.sinceTx() > ledger.lastTxId()) {
            throw KvErrors.illegalArguments("SinceTx must not be greater than the current transaction ID");
        }
        if (!q.noWait() && q.atTx() == 0) {
            ledger.awaitIndexed(q.sinceTx());
        }
        byte[] stored = KvEncoding.kvKey(q.key());
        if (q.atRevision() != 0) {
            return atRevision(stored, q.atRevision());
        }
        if (q.atTx() > 0) {
            return resolver.atTx(view, stored, q.atTx(), 0);
        }
        return resolver.latest(view, stored);
    }

    /** The live entries of {@code keys} that exist, in request order; missing keys are skipped. */
    List<KvEntry> getAll(List<byte[]> keys, long sinceTx) {
        checkSinceTx(sinceTx);
        List<KvEntry> out = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            try {
                out.add(resolver.latest(view, KvEncoding.kvKey(key)));
            } catch (KvException e) {
                if (!e.isKeyNotFound()) {
                    throw e;
                }
            }
        }
        return out;
    }

    List<KvEntry> history(HistoryQuery q) {
        if (q.limit() < 0 || q.limit() > maxResultSize) {
            throw KvErrors.resultSizeLimitExceeded(q.limit(), maxResultSize);
        }
        checkSinceTx(q.sinceTx());
        int limit = q.limit() == 0 ? maxResultSize : q.limit();
        byte[] stored = KvEncoding.kvKey(q.key());
        if (ledger.index().latest(stored).isEmpty()) {
            throw KvErrors.keyNotFound();
        }
        List<KeyVersion> versions = ledger.index().history(stored, q.offset(), limit, q.desc());
        List<KvEntry> out = new ArrayList<>(versions.size());
        for (KeyVersion v : versions) {
            boolean expired = resolver.expired(v.metadata());
            byte[] value = expired ? new byte[0] : KvEncoding.strip(ledger.value(v));
            out.add(new KvEntry(v.txId(), q.key(), value, v.metadata(), expired, v.revision(), Optional.empty()));
        }
        return out;
    }

    /** Refuses a sinceTx beyond the last committed transaction, else waits for the index to reach it. */
    void checkSinceTx(long sinceTx) {
        if (sinceTx < 0 || sinceTx > ledger.lastTxId()) {
            throw KvErrors.illegalArguments();
        }
        ledger.awaitIndexed(sinceTx);
    }

    private KvEntry atRevision(byte[] stored, long revision) {
        if (ledger.index().latest(stored).isEmpty()) {
            throw KvErrors.keyNotFound();
        }
        Optional<KeyVersion> v = ledger.index().atRevision(stored, revision);
        if (v.isEmpty()) {
            throw KvErrors.invalidRevision(revision);
        }
        long number = v.get().revision();
        return resolver.atTx(view, stored, v.get().txId(), number);
    }
}
