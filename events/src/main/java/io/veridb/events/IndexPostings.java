package io.veridb.events;

import io.veridb.ledger.SecondaryIndexReader;
import java.util.Arrays;

/**
 * Posting lists of committed events, read from the {@link EventIndex} rows through the ledger. Each cursor
 * fetches at least {@code runLength} positions (whole rows) per RocksDB seek and answers from them while it can.
 */
final class IndexPostings implements PostingSource {
    private final SecondaryIndexReader reader;
    private final long maxPosition;
    private final int runLength;

    /**
     * @param maxPosition positions above this are never returned (the head the caller works against)
     * @param runLength positions fetched per seek: 1 for point checks in the writer, more for reads
     */
    IndexPostings(SecondaryIndexReader reader, long maxPosition, int runLength) {
        this.reader = reader;
        this.maxPosition = maxPosition;
        this.runLength = runLength;
    }

    @Override
    public PostingCursor open(PostingKind kind, String name, boolean backwards) {
        return new RunCursor(IndexKeys.postingPrefix(kind, name), backwards);
    }

    private final class RunCursor implements PostingCursor {
        private final byte[] prefix;
        private final byte[] prefixEnd;
        private final boolean backwards;
        private long[] run = new long[16];
        private int size;
        private boolean fetched;
        private long coveredFrom;
        private long coveredTo;
        private boolean exhausted;

        RunCursor(byte[] prefix, boolean backwards) {
            this.prefix = prefix;
            this.prefixEnd = IndexKeys.posting(prefix, -1L);
            this.backwards = backwards;
        }

        @Override
        public long advance(long from) {
            if (backwards) {
                long at = Math.min(from, maxPosition);
                if (at < 1) {
                    return NONE;
                }
                if (!fetched || at > coveredFrom || (!exhausted && at < coveredTo)) {
                    fetchBackward(at);
                }
                return floor(at);
            }
            if (from > maxPosition) {
                return NONE;
            }
            if (!fetched || from < coveredFrom || (!exhausted && from > coveredTo)) {
                fetchForward(from);
            }
            return ceiling(from);
        }

        /** Run ascending: smallest value >= at. */
        private long ceiling(long at) {
            int i = Arrays.binarySearch(run, 0, size, at);
            int idx = i >= 0 ? i : -i - 1;
            return idx < size ? run[idx] : NONE;
        }

        /** Run descending: largest value <= at. */
        private long floor(long at) {
            int lo = 0;
            int hi = size - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (run[mid] <= at) {
                    found = mid;
                    hi = mid - 1;
                } else {
                    lo = mid + 1;
                }
            }
            return found < 0 ? NONE : run[found];
        }

        private void fetchForward(long at) {
            size = 0;
            fetched = true;
            coveredFrom = at;
            long[] lastRow = {-1};
            boolean[] bounded = {false};
            boolean ranToEnd = reader.forEach(IndexKeys.posting(prefix, at), prefixEnd, false, r -> {
                long[] positions = PostingRow.decode(r.value());
                for (long p : positions) {
                    if (p >= at && p <= maxPosition) {
                        append(p);
                    }
                }
                lastRow[0] = IndexKeys.lastPosition(r.key());
                if (lastRow[0] >= maxPosition) {
                    bounded[0] = true;
                    return false;
                }
                return size < runLength;
            });
            exhausted = ranToEnd || bounded[0];
            coveredTo = lastRow[0];
        }

        private void fetchBackward(long at) {
            size = 0;
            fetched = true;
            coveredFrom = at;
            long[] lowest = {at};
            // The row holding `at` is keyed by its last position, which may be above `at`.
            reader.forEach(IndexKeys.posting(prefix, at), prefixEnd, false, r -> {
                long[] positions = PostingRow.decode(r.value());
                for (int i = positions.length - 1; i >= 0; i--) {
                    if (positions[i] <= at) {
                        append(positions[i]);
                    }
                }
                lowest[0] = Math.min(lowest[0], positions.length > 0 ? positions[0] : at);
                return false;
            });
            boolean ranToEnd = reader.forEach(IndexKeys.posting(prefix, 0), IndexKeys.posting(prefix, at), true,
                    r -> {
                        long[] positions = PostingRow.decode(r.value());
                        for (int i = positions.length - 1; i >= 0; i--) {
                            append(positions[i]);
                        }
                        lowest[0] = positions.length > 0 ? positions[0] : lowest[0];
                        return size < runLength;
                    });
            exhausted = ranToEnd;
            coveredTo = lowest[0];
        }

        private void append(long p) {
            if (size == run.length) {
                run = Arrays.copyOf(run, size * 2);
            }
            run[size++] = p;
        }
    }
}
