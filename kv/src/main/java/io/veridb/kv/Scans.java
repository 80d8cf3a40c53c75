package io.veridb.kv;

import io.veridb.ledger.KeyVersion;
import io.veridb.ledger.ScanSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Key-ordered reads: Scan, Count and ZScan. Deleted and expired versions are invisible; offsets count visible
 * versions only; references are followed one level and entries whose target is gone are skipped. Thread-safe.
 */
final class Scans {

    private static final int COUNT_PAGE = 10_000;

    private final LedgerAccess ledger;
    private final Resolver resolver;
    private final Reads reads;
    private final CommittedView view;
    private final int maxResultSize;

    Scans(LedgerAccess ledger, Resolver resolver, Reads reads, int maxResultSize) {
        this.ledger = ledger;
        this.resolver = resolver;
        this.reads = reads;
        this.view = new CommittedView(ledger);
        this.maxResultSize = maxResultSize;
    }

    List<KvEntry> scan(ScanQuery q) {
        int limit = limit(q.limit());
        reads.checkSinceTx(q.sinceTx());
        ScanSpec spec = ScanSpec.prefix(KvEncoding.kvKey(q.prefix()))
                .withSeek(q.seekKey().length == 0 ? new byte[0] : KvEncoding.kvKey(q.seekKey()), q.inclusiveSeek())
                .withEnd(q.endKey().length == 0 ? new byte[0] : KvEncoding.kvKey(q.endKey()), q.inclusiveEnd())
                .withDesc(q.desc())
                .withOffset(q.offset())
                .withLimit(limit);
        List<KvEntry> out = new ArrayList<>();
        for (KeyVersion v : ledger.index().scan(spec, visible())) {
            try {
                out.add(resolver.version(view, CommittedView.version(v)));
            } catch (KvException e) {
                if (!e.isKeyNotFound()) {
                    throw e;
                }
            }
        }
        return out;
    }

    /**
     * Number of visible keys (plain and references) whose user key starts with {@code prefix}, counted in pages so
     * memory stays bounded.
     */
    long count(byte[] prefix) {
        ScanSpec spec = ScanSpec.prefix(KvEncoding.kvKey(prefix)).withLimit(COUNT_PAGE);
        long count = 0;
        while (true) {
            List<KeyVersion> page = ledger.index().scan(spec, visible());
            count += page.size();
            if (page.size() < COUNT_PAGE) {
                return count;
            }
            spec = spec.withSeek(page.get(page.size() - 1).key(), false);
        }
    }

    /**
     * Members of one set in encoded-key order. As in immudb, offset and limit apply to the visible members in
     * range; members whose key is gone (deleted, expired, or now a reference) are then left out, so a page may
     * hold fewer than {@code limit} entries.
     */
    List<ZEntry> zScan(ZScanQuery q) {
        if (q.set().length == 0) {
            throw KvErrors.illegalArguments();
        }
        int limit = limit(q.limit());
        reads.checkSinceTx(q.sinceTx());
        byte[] seek = q.seekKey().length == 0
                ? new byte[0]
                : KvEncoding.zsetKey(q.set(), q.seekScore(), q.seekKey(), q.seekAtTx());
        ScanSpec spec = ScanSpec.prefix(KvEncoding.zsetPrefix(q.set()))
                .withSeek(seek, q.inclusiveSeek())
                .withDesc(q.desc())
                .withOffset(q.offset())
                .withLimit(limit);
        Predicate<KeyVersion> inRange = v -> inScoreRange(q, KvEncoding.decodeZsetKey(v.key()).score());
        List<ZEntry> out = new ArrayList<>();
        for (KeyVersion v : ledger.index().scan(spec, visible().and(inRange))) {
            KvEncoding.ZsetMember m = KvEncoding.decodeZsetKey(v.key());
            try {
                byte[] stored = KvEncoding.kvKey(m.key());
                KvEntry entry = m.atTx() == 0
                        ? resolver.latest(view, stored)
                        : resolver.atTx(view, stored, m.atTx(), 0);
                out.add(new ZEntry(m.set(), m.key(), Optional.of(entry), m.score(), m.atTx()));
            } catch (KvException e) {
                if (!e.isKeyNotFound() && !e.getMessage().equals(KvErrors.KEY_RESOLUTION_LIMIT)) {
                    throw e;
                }
            }
        }
        return out;
    }

    private static boolean inScoreRange(ZScanQuery q, double score) {
        return (q.minScore().isEmpty() || score >= q.minScore().getAsDouble())
                && (q.maxScore().isEmpty() || score <= q.maxScore().getAsDouble());
    }

    private Predicate<KeyVersion> visible() {
        return v -> resolver.live(v.metadata());
    }

    private int limit(long requested) {
        if (requested > maxResultSize) {
            throw KvErrors.resultSizeLimitExceeded(requested, maxResultSize);
        }
        return requested == 0 ? maxResultSize : (int) requested;
    }
}
