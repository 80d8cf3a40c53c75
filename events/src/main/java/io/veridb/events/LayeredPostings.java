package io.veridb.events;

/**
 * The writer's view of posting lists: committed positions up to {@code committedHead} from the index, then the
 * pending positions of the batch being prepared. Forward cursors only (conditions look forward).
 */
final class LayeredPostings implements PostingSource {
    private final PostingSource committed;
    private final PostingSource pending;
    private final long committedHead;

    LayeredPostings(PostingSource committed, PostingSource pending, long committedHead) {
        this.committed = committed;
        this.pending = pending;
        this.committedHead = committedHead;
    }

    @Override
    public PostingCursor open(PostingKind kind, String name, boolean backwards) {
        if (backwards) {
            throw new IllegalArgumentException("layered postings are forward only");
        }
        PostingCursor low = committed.open(kind, name, false);
        PostingCursor high = pending.open(kind, name, false);
        return new PostingCursor() {
            @Override
            public long advance(long from) {
                if (from <= committedHead) {
                    long p = low.advance(from);
                    if (p != NONE && p <= committedHead) {
                        return p;
                    }
                }
                return high.advance(Math.max(from, committedHead + 1));
            }

            @Override
            public void close() {
                low.close();
                high.close();
            }
        };
    }
}
