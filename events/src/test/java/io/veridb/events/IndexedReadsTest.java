package io.veridb.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reads through the RocksDB index rows agree with a brute-force filter, for random data, queries and starts. */
class IndexedReadsTest extends EventStoreTestBase {
    private static final String[] TYPES = {"A", "B", "C"};
    private static final String[] TAGS = {"t1", "t2", "t3", "t4", "t5"};

    @Test
    void indexedReadsMatchBruteForce() {
        long seed = Long.getLong("test.seed", System.nanoTime());
        Random random = new Random(seed);
        List<EventKeys> all = new ArrayList<>();
        for (int tx = 0; tx < 60; tx++) {
            List<DcbEvent> events = new ArrayList<>();
            int n = random.nextInt(3) == 0 ? 1 + random.nextInt(40) : 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                List<String> tags = new ArrayList<>();
                for (String t : TAGS) {
                    if (random.nextInt(3) == 0) {
                        tags.add(t);
                    }
                }
                DcbEvent e = DcbEvent.of(TYPES[random.nextInt(3)], tags, new byte[0]);
                events.add(e);
                all.add(new EventKeys(e.type(), e.tags(), null));
            }
            append(events.toArray(DcbEvent[]::new));
        }
        long head = store.head();
        assertThat(head).isEqualTo(all.size());
        for (int q = 0; q < 300; q++) {
            Query query = randomQuery(random);
            boolean backwards = random.nextBoolean();
            long start = 1 + random.nextInt((int) head);
            List<Long> expected = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                long p = i + 1;
                boolean inRange = backwards ? p <= start : p >= start;
                if (inRange && query.matches(all.get(i).type(), all.get(i).tags())) {
                    expected.add(p);
                }
            }
            if (backwards) {
                java.util.Collections.reverse(expected);
            }
            assertThat(positions(query, start, backwards)).as("seed %d query %s start %d backwards %s", seed,
                    query, start, backwards).isEqualTo(expected);
            int runLength = 1 + random.nextInt(3);
            assertThat(matcherPositions(query, start, backwards, head, runLength)).as("seed %d query %s start %d"
                    + " backwards %s run %d", seed, query, start, backwards, runLength).isEqualTo(expected);
        }
    }

    /** The same read with tiny index runs, so every refetch boundary is crossed. */
    private List<Long> matcherPositions(Query query, long start, boolean backwards, long head, int runLength) {
        List<Long> out = new ArrayList<>();
        IndexPostings postings = new IndexPostings(ledger.secondaryIndex(EventIndex.NAME), head, runLength);
        try (QueryMatcher matcher = new QueryMatcher(query, postings, backwards)) {
            long from = start;
            while (from >= 1 && from <= head) {
                long p = matcher.next(from, 1, head);
                if (p == PostingCursor.NONE) {
                    break;
                }
                out.add(p);
                from = backwards ? p - 1 : p + 1;
            }
        }
        return out;
    }

    private static Query randomQuery(Random random) {
        List<QueryItem> items = new ArrayList<>();
        for (int i = 1 + random.nextInt(2); i > 0; i--) {
            List<String> types = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            if (random.nextBoolean()) {
                types.add(TYPES[random.nextInt(3)]);
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                tags.add(TAGS[random.nextInt(TAGS.length)]);
            }
            items.add(new QueryItem(types, tags));
        }
        return new Query(items);
    }
}
