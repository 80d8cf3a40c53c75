package io.veridb.events;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the positions matching a query by intersecting (tags) and uniting (types) posting lists, never by
 * scanning the log: a query that matches everything needs no index because positions are gapless.
 *
 * <p>One matcher per (query, direction), stateful (its cursors move monotonically): call {@link #next} with
 * non-decreasing (forward) or non-increasing (backward) {@code from}. Not thread-safe; close it.
 */
final class QueryMatcher implements AutoCloseable {
    private final boolean backwards;
    private final boolean matchesAll;
    private final List<ItemCursor> items = new ArrayList<>();

    QueryMatcher(Query query, PostingSource source, boolean backwards) {
        this.backwards = backwards;
        this.matchesAll = query.matchesAll();
        if (!matchesAll) {
            for (QueryItem item : query.items()) {
                items.add(new ItemCursor(item, source, backwards));
            }
        }
    }

    /**
     * The first matching position at or after {@code from} (at or before, backwards) and within
     * {@code [low, high]}, or {@link PostingCursor#NONE}.
     */
    long next(long from, long low, long high) {
        if (from < low || from > high) {
            return PostingCursor.NONE;
        }
        if (matchesAll) {
            return from;
        }
        long best = PostingCursor.NONE;
        for (ItemCursor item : items) {
            long p = item.next(from);
            if (p != PostingCursor.NONE && (best == PostingCursor.NONE || better(p, best))) {
                best = p;
            }
        }
        if (best == PostingCursor.NONE || best < low || best > high) {
            return PostingCursor.NONE;
        }
        return best;
    }

    private boolean better(long a, long b) {
        return backwards ? a > b : a < b;
    }

    @Override
    public void close() {
        for (ItemCursor item : items) {
            item.close();
        }
    }

    /** One query item: all of its tags and one of its types at the same position. */
    private static final class ItemCursor implements AutoCloseable {
        private final boolean backwards;
        private final List<PostingCursor> tags = new ArrayList<>();
        private final List<PostingCursor> types = new ArrayList<>();
        private long cached = Long.MIN_VALUE;
        private long cachedFrom = Long.MIN_VALUE;

        ItemCursor(QueryItem item, PostingSource source, boolean backwards) {
            this.backwards = backwards;
            for (String tag : item.tags()) {
                tags.add(source.open(PostingKind.TAG, tag, backwards));
            }
            for (String type : item.types()) {
                types.add(source.open(PostingKind.TYPE, type, backwards));
            }
        }

        long next(long from) {
            // A previous answer at or beyond from (in the direction of travel) is still the answer.
            if (cachedFrom != Long.MIN_VALUE && !before(from, cachedFrom)
                    && (cached == PostingCursor.NONE || !before(cached, from))) {
                return cached;
            }
            cachedFrom = from;
            cached = compute(from);
            return cached;
        }

        private long compute(long from) {
            long candidate = from;
            while (true) {
                boolean moved = false;
                for (PostingCursor tag : tags) {
                    long p = tag.advance(candidate);
                    if (p == PostingCursor.NONE) {
                        return PostingCursor.NONE;
                    }
                    if (p != candidate) {
                        candidate = p;
                        moved = true;
                    }
                }
                if (!types.isEmpty()) {
                    long p = firstOfTypes(candidate);
                    if (p == PostingCursor.NONE) {
                        return PostingCursor.NONE;
                    }
                    if (p != candidate) {
                        candidate = p;
                        moved = true;
                    }
                }
                if (!moved) {
                    return candidate;
                }
            }
        }

        private long firstOfTypes(long from) {
            long best = PostingCursor.NONE;
            for (PostingCursor type : types) {
                long p = type.advance(from);
                if (p != PostingCursor.NONE && (best == PostingCursor.NONE || before(p, best))) {
                    best = p;
                }
            }
            return best;
        }

        /** Whether a comes strictly before b in the direction of travel. */
        private boolean before(long a, long b) {
            return backwards ? a > b : a < b;
        }

        @Override
        public void close() {
            tags.forEach(PostingCursor::close);
            types.forEach(PostingCursor::close);
        }
    }
}
