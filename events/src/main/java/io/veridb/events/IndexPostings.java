package io.veridb.events;

import io.veridb.ledger.SecondaryIndexReader;
import java.util.Arrays;

/**
 * Posting lists of committed events, read from the {@link EventIndex} through the ledger. Each cursor fetches
 * positions in runs of {@code runLength} records per RocksDB seek and answers from that run while it can.
 */
final class IndexPostings implements PostingSource {
    private final SecondaryIndexReader reader;
    private final long maxPosition;
    private final int runLength;

    /**
     * @param maxPosition positions above this are never returned (the head the caller works against)
     * @param runLength records fetched per seek: 1 for point checks in the writer, more for reads
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
        private final boolean backwards;
        private long[] run = new long[0];
        private int size;
        private long coveredFrom = Long.MIN_VALUE;
        private long coveredTo = Long.MIN_VALUE;
        private boolean exhausted;

        RunCursor(byte[] prefix, boolean backwards) {
            this.prefix = prefix;
            this.backwards = backwards;
        }

        @Override
        public long advance(long from) {
            if (!backwards && from > maxPosition) {
                return NONE;
            }
            long at = backwards ? Math.min(from, maxPosition) : from;
            if (!covers(at)) {
                fetch(at);
            }
            return answer(at);
        }

        private boolean covers(long at) {
            if (coveredFrom == Long.MIN_VALUE) {
                return false;
            }
            if (backwards) {
                return at <= coveredFrom && (exhausted || at >= coveredTo);
            }
            return at >= coveredFrom && (exhausted || at <= coveredTo);
        }

        private long answer(long at) {
            // forward runs ascend, backward runs descend
            int i = backwards ? descendingFloor(at) : ascendingCeiling(at);
            return i < 0 ? NONE : run[i];
        }

        private int ascendingCeiling(long at) {
            int i = Arrays.binarySearch(run, 0, size, at);
            int idx = i >= 0 ? i : -i - 1;
            return idx < size ? idx : -1;
        }

        private int descendingFloor(long at) {
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
            return found;
        }

        private void fetch(long at) {
            if (run.length < runLength) {
                run = new long[runLength];
            }
            size = 0;
            byte[] low = backwards ? IndexKeys.posting(prefix, 0) : IndexKeys.posting(prefix, at);
            byte[] high = backwards ? IndexKeys.posting(prefix, at + 1)
                    : IndexKeys.posting(prefix, Math.min(maxPosition, Long.MAX_VALUE - 1) + 1);
            exhausted = reader.forEach(low, high, backwards, r -> {
                run[size++] = IndexKeys.postingPosition(r.key());
                return size < runLength;
            });
            if (size == runLength) {
                exhausted = false;
            }
            coveredFrom = at;
            coveredTo = size > 0 ? run[size - 1] : at;
        }
    }
}
