package io.veridb.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares every key-index query with a brute-force model of the committed transactions, over random keys
 * (short, prefix-sharing, with 0x00 and 0xFF bytes), before and after a reopen. Seeded; {@code -Dindex.seed=}.
 */
class KeyIndexModelTest {

    @TempDir
    Path dir;

    private static final Comparator<byte[]> UNSIGNED = Arrays::compareUnsigned;

    record Version(long txId, int idx) {}

    @Test
    void everyQueryMatchesTheModel() throws Exception {
        long seed = Long.getLong("index.seed", System.nanoTime());
        System.err.println("KeyIndexModelTest seed=" + seed);
        Random rnd = new Random(seed);
        byte[][] alphabet = new byte[40][];
        for (int i = 0; i < alphabet.length; i++) {
            byte[] k = new byte[1 + rnd.nextInt(3)];
            for (int j = 0; j < k.length; j++) {
                k[j] = (byte) new int[] {0x00, 0x01, 0x61, 0x62, 0xFF}[rnd.nextInt(5)];
            }
            alphabet[i] = k;
        }
        Map<byte[], List<Version>> model = new TreeMap<>(UNSIGNED);
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
            for (int t = 0; t < 150; t++) {
                List<EntrySpec> es = new ArrayList<>();
                java.util.Set<ByteKey> used = new java.util.HashSet<>();
                int n = 1 + rnd.nextInt(4);
                for (int j = 0; j < n; j++) {
                    byte[] k = alphabet[rnd.nextInt(alphabet.length)];
                    if (used.add(new ByteKey(k))) {
                        es.add(new EntrySpec(k, new byte[] {(byte) t}));
                    }
                }
                long id = l.commit(es).get().id();
                for (int j = 0; j < es.size(); j++) {
                    model.computeIfAbsent(es.get(j).key(), x -> new ArrayList<>()).add(new Version(id, j));
                }
            }
            check(l.index(), model, rnd, seed);
        }
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
            check(l.index(), model, rnd, seed);
        }
    }

    private static void check(KeyIndex ix, Map<byte[], List<Version>> model, Random rnd, long seed) {
        for (Map.Entry<byte[], List<Version>> e : model.entrySet()) {
            byte[] k = e.getKey();
            List<Version> vs = e.getValue();
            String what = "key " + Kv.hex(k) + " seed " + seed;
            KeyVersion latest = ix.latest(k).orElseThrow();
            assertThat(latest.revision()).as(what).isEqualTo(vs.size());
            assertThat(latest.txId()).as(what).isEqualTo(vs.get(vs.size() - 1).txId());
            for (int r = 1; r <= vs.size(); r++) {
                KeyVersion v = ix.atRevision(k, r).orElseThrow();
                assertThat(new Version(v.txId(), v.entryIndex())).as(what).isEqualTo(vs.get(r - 1));
                assertThat(ix.atRevision(k, r - vs.size()).orElseThrow().revision()).as(what).isEqualTo(r);
            }
            for (long tx = 0; tx <= 151; tx += 1 + rnd.nextInt(10)) {
                long t = tx;
                Optional<Version> want = vs.stream().filter(v -> v.txId() <= t).reduce((a, b) -> b);
                assertThat(ix.asOf(k, t).map(v -> new Version(v.txId(), v.entryIndex()))).as(what + " asOf " + t)
                        .isEqualTo(want);
            }
            int off = rnd.nextInt(vs.size() + 1);
            int lim = rnd.nextInt(4);
            boolean desc = rnd.nextBoolean();
            List<Version> all = new ArrayList<>(vs);
            if (desc) {
                java.util.Collections.reverse(all);
            }
            List<Version> want = all.subList(Math.min(off, all.size()), lim == 0 ? all.size()
                    : Math.min(all.size(), off + lim));
            assertThat(ix.history(k, off, lim, desc)).extracting(v -> new Version(v.txId(), v.entryIndex()))
                    .as(what + " history").containsExactlyElementsOf(want);
        }
        List<byte[]> keys = new ArrayList<>(model.keySet());
        for (int q = 0; q < 300; q++) {
            byte[] prefix = rnd.nextInt(3) == 0 ? new byte[0]
                    : Arrays.copyOf(keys.get(rnd.nextInt(keys.size())), 1);
            byte[] seek = rnd.nextBoolean() ? new byte[0] : keys.get(rnd.nextInt(keys.size()));
            byte[] end = rnd.nextBoolean() ? new byte[0] : keys.get(rnd.nextInt(keys.size()));
            ScanSpec spec = ScanSpec.prefix(prefix).withSeek(seek, rnd.nextBoolean()).withEnd(end, rnd.nextBoolean())
                    .withDesc(rnd.nextBoolean()).withOffset(rnd.nextInt(3)).withLimit(rnd.nextInt(5));
            List<byte[]> want = new ArrayList<>();
            for (byte[] k : keys) {
                if (IndexCodec.startsWith(k, prefix) && afterSeek(k, spec) && beforeEnd(k, spec)) {
                    want.add(k);
                }
            }
            if (spec.desc()) {
                java.util.Collections.reverse(want);
            }
            int from = (int) Math.min(spec.offset(), want.size());
            int to = spec.limit() == 0 ? want.size() : Math.min(want.size(), from + spec.limit());
            assertThat(ix.scan(spec)).extracting(v -> Kv.hex(v.key())).as(spec + " seed " + seed)
                    .containsExactlyElementsOf(want.subList(from, to).stream().map(Kv::hex).toList());
            long count = keys.stream().filter(k -> IndexCodec.startsWith(k, prefix)).count();
            assertThat(ix.count(prefix)).isEqualTo(count);
        }
    }

    private static boolean afterSeek(byte[] k, ScanSpec s) {
        byte[] seek = s.seekKey();
        if (seek.length == 0) {
            return true;
        }
        int c = Arrays.compareUnsigned(k, seek);
        return s.desc() ? c < 0 || c == 0 && s.inclusiveSeek() : c > 0 || c == 0 && s.inclusiveSeek();
    }

    private static boolean beforeEnd(byte[] k, ScanSpec s) {
        byte[] end = s.endKey();
        if (end.length == 0) {
            return true;
        }
        int c = Arrays.compareUnsigned(k, end);
        return s.desc() ? c > 0 || c == 0 && s.inclusiveEnd() : c < 0 || c == 0 && s.inclusiveEnd();
    }
}
