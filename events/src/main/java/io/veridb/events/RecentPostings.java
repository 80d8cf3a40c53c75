package io.veridb.events;

/**
 * Forward committed postings that consult {@link LastPositions} first: a cursor whose name is known to end
 * before {@code from} answers NONE without touching the index; otherwise it opens the index cursor lazily.
 */
final class RecentPostings implements PostingSource {
    private final PostingSource index;
    private final LastPositions last;

    RecentPostings(PostingSource index, LastPositions last) {
        this.index = index;
        this.last = last;
    }

    @Override
    public PostingCursor open(PostingKind kind, String name, boolean backwards) {
        long known = last.last(kind, name);
        return new PostingCursor() {
            private PostingCursor delegate;

            @Override
            public long advance(long from) {
                if (!backwards && known >= 0 && known < from) {
                    return NONE;
                }
                if (delegate == null) {
                    delegate = index.open(kind, name, backwards);
                }
                return delegate.advance(from);
            }

            @Override
            public void close() {
                if (delegate != null) {
                    delegate.close();
                }
            }
        };
    }
}
