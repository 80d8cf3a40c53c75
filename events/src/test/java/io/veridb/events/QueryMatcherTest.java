package io.veridb.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QueryMatcherTest {
    private final MemoryPostings postings = new MemoryPostings();
    private final List<EventKeys> events = new ArrayList<>();

    private void add(String type, String... tags) {
        events.add(new EventKeys(type, List.of(tags), null));
        postings.add(events.size(), type, List.of(tags));
    }

    private List<Long> all(Query query, boolean backwards) {
        List<Long> out = new ArrayList<>();
        try (QueryMatcher matcher = new QueryMatcher(query, postings, backwards)) {
            long from = backwards ? events.size() : 1;
            while (true) {
                long p = matcher.next(from, 1, events.size());
                if (p == PostingCursor.NONE) {
                    return out;
                }
                out.add(p);
                from = backwards ? p - 1 : p + 1;
            }
        }
    }

    private List<Long> brute(Query query, boolean backwards) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            EventKeys e = events.get(i);
            if (query.matches(e.type(), e.tags())) {
                out.add((long) i + 1);
            }
        }
        if (backwards) {
            java.util.Collections.reverse(out);
        }
        return out;
    }

    @Test
    void intersectsTagsAndUnitesTypes() {
        add("A", "x", "y");
        add("B", "x");
        add("A", "y");
        add("C", "y", "x");
        Query query = new Query(List.of(new QueryItem(List.of("A", "C"), List.of("x", "y"))));
        assertThat(all(query, false)).containsExactly(1L, 4L);
        assertThat(all(query, true)).containsExactly(4L, 1L);
    }

    @Test
    void matchAllNeedsNoPostings() {
        add("A");
        add("B");
        assertThat(all(Query.ALL, false)).containsExactly(1L, 2L);
        assertThat(all(new Query(List.of(new QueryItem(List.of(), List.of()))), true)).containsExactly(2L, 1L);
    }

    @Test
    void respectsBounds() {
        for (int i = 0; i < 10; i++) {
            add("A", "t");
        }
        try (QueryMatcher m = new QueryMatcher(new Query(List.of(new QueryItem(List.of(), List.of("t")))),
                postings, false)) {
            assertThat(m.next(3, 3, 5)).isEqualTo(3);
            assertThat(m.next(6, 3, 5)).isEqualTo(PostingCursor.NONE);
        }
    }

    @Test
    void agreesWithBruteForceOnRandomQueries() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String[] types = {"A", "B", "C"};
        String[] tags = {"t1", "t2", "t3", "t4"};
        for (int i = 0; i < 300; i++) {
            List<String> eventTags = new ArrayList<>();
            for (String t : tags) {
                if (random.nextInt(3) == 0) {
                    eventTags.add(t);
                }
            }
            add(types[random.nextInt(3)], eventTags.toArray(String[]::new));
        }
        for (int q = 0; q < 200; q++) {
            List<QueryItem> items = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                List<String> itemTypes = new ArrayList<>();
                List<String> itemTags = new ArrayList<>();
                if (random.nextBoolean()) {
                    itemTypes.add(types[random.nextInt(3)]);
                }
                for (int k = random.nextInt(3); k > 0; k--) {
                    itemTags.add(tags[random.nextInt(4)]);
                }
                if (itemTypes.isEmpty() && itemTags.isEmpty()) {
                    itemTags.add(tags[random.nextInt(4)]);
                }
                items.add(new QueryItem(itemTypes, itemTags));
            }
            Query query = new Query(items);
            boolean backwards = random.nextBoolean();
            assertThat(all(query, backwards)).as("seed %d query %s", seed, query).isEqualTo(brute(query, backwards));
        }
    }
}
