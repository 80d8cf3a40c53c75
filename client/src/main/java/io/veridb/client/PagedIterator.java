package io.veridb.client;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Lazily pages through a server-side listing whose calls return at most {@code pageSize} items. A page shorter
 * than asked ends the listing, as does reaching {@code limit}. Not thread-safe.
 */
final class PagedIterator<T> implements Iterator<T> {

    /** Fetches the next page after {@code last} (null for the first page); {@code fetched} items came before. */
    @FunctionalInterface
    interface PageFetcher<T> {
        List<T> fetch(T last, long fetched, int want);
    }

    private final PageFetcher<T> fetcher;
    private final int pageSize;
    private final ArrayDeque<T> buffer = new ArrayDeque<>();
    private long remaining;
    private long fetched;
    private T last;
    private boolean exhausted;

    /** @param limit total items, 0 = no limit */
    PagedIterator(PageFetcher<T> fetcher, long limit, int pageSize) {
        this.fetcher = fetcher;
        this.pageSize = pageSize;
        this.remaining = limit == 0 ? Long.MAX_VALUE : limit;
    }

    @Override
    public boolean hasNext() {
        if (buffer.isEmpty() && !exhausted && remaining > 0) {
            int want = (int) Math.min(pageSize, remaining);
            List<T> page = fetcher.fetch(last, fetched, want);
            if (page.size() > want) {
                throw new VeriClientException("server returned " + page.size() + " items for a page of " + want);
            }
            if (page.size() < want) {
                exhausted = true;
            }
            buffer.addAll(page);
            fetched += page.size();
        }
        return !buffer.isEmpty() && remaining > 0;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more items after " + fetched);
        }
        last = buffer.poll();
        remaining--;
        return last;
    }
}
