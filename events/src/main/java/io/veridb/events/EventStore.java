package io.veridb.events;

import io.veridb.ledger.IndexRecord;
import io.veridb.ledger.Ledger;
import io.veridb.ledger.SecondaryIndex;
import io.veridb.ledger.SecondaryIndexReader;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DCB event store of one database, on its ledger: appends (one ledger transaction each, conditions checked
 * on the ledger's writer thread so concurrent appends share one fsync), reads through the tag and type index,
 * tracking positions, and commit notifications for subscriptions. Thread-safe.
 *
 * <p>Positions are 1-based, gapless and contiguous within an append; they differ from transaction ids because
 * the same ledger may hold immudb transactions. The ledger must have {@link EventIndexes} registered.
 */
public final class EventStore implements AutoCloseable {
    /** Default byte budget of the record cache. */
    public static final long DEFAULT_CACHE_BYTES = 256L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(EventStore.class);
    private static final int READ_RUN = 512;

    private final Ledger ledger;
    private final EventIndex eventIndex;
    private final SecondaryIndexReader index;
    private final RecordLoader loader;
    private final StoreContext context;
    private final Set<Runnable> watchers = new CopyOnWriteArraySet<>();
    private final AutoCloseable commitListener;
    private volatile long head;

    private EventStore(Ledger ledger, EventIndex eventIndex, long cacheBytes) {
        this.ledger = ledger;
        this.eventIndex = eventIndex;
        this.index = ledger.secondaryIndex(EventIndex.NAME);
        RecordCache cache = new RecordCache(cacheBytes);
        this.loader = new RecordLoader(ledger, index, cache);
        this.context = new StoreContext(new WriterBatch(eventIndex), index, loader,
                eventIndex.lastPositions());
        List<IndexRecord> last = index.scan(IndexKeys.location(0), IndexKeys.location(-1L), true, 1);
        if (!last.isEmpty()) {
            eventIndex.raiseWriterHead(IndexKeys.lastPosition(last.get(0).key()));
        }
        eventIndex.attachCache(cache);
        this.head = eventIndex.writerHead();
        this.commitListener = ledger.onCommit(txId -> published());
    }

    /** Opens the store with the default cache. */
    public static EventStore open(Ledger ledger) {
        return open(ledger, DEFAULT_CACHE_BYTES);
    }

    /**
     * Opens the store over a ledger opened with {@link EventIndexes#secondaryIndexes()}.
     *
     * @throws IllegalStateException if the event index is not registered on the ledger
     */
    public static EventStore open(Ledger ledger, long cacheBytes) {
        for (SecondaryIndex s : ledger.options().secondaryIndexes()) {
            if (s instanceof EventIndex e) {
                return new EventStore(ledger, e, cacheBytes);
            }
        }
        throw new IllegalStateException("ledger " + ledger.dir() + " has no secondary index \"" + EventIndex.NAME
                + "\"; open it with EventIndexes.secondaryIndexes()");
    }

    private void published() {
        long h = eventIndex.writerHead();
        if (h != head) {
            head = h;
            for (Runnable w : watchers) {
                try {
                    w.run();
                } catch (RuntimeException e) {
                    LOG.warn("event watcher failed", e);
                }
            }
        }
    }

    /** The last committed position, 0 when there are no events. */
    public long head() {
        return head;
    }

    /**
     * Appends events atomically as one ledger transaction.
     *
     * @return the position of the last event of this request (or of the original events for an idempotent
     *     retry; 0 for an append without events); fails with {@link DcbException}
     */
    public CompletableFuture<Long> append(AppendRequest request) {
        EncodedAppend encoded = EncodedAppend.of(request, ledger.options().maxTxEntries());
        if (request.condition() == null) {
            if (encoded.validationError() != null) {
                return CompletableFuture.failedFuture(encoded.validationError());
            }
            if (request.events().isEmpty() && request.tracking() == null) {
                return CompletableFuture.completedFuture(0L);
            }
        }
        AppendPreparer preparer = new AppendPreparer(context, encoded);
        return ledger.commit(preparer).handle((header, failure) -> {
            if (failure == null) {
                return preparer.resultPosition();
            }
            Throwable t = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (t instanceof ResolvedWithoutWrite resolved) {
                return resolved.position();
            }
            throw new CompletionException(translate(t));
        });
    }

    private static Throwable translate(Throwable t) {
        if (t instanceof DcbRejection r) {
            return r.error();
        }
        if (t instanceof DcbException) {
            return t;
        }
        if (t instanceof IllegalArgumentException) {
            return DcbException.invalidArgument(t.getMessage());
        }
        return DcbException.io(String.valueOf(t.getMessage()), t);
    }

    /** The recorded position of a tracking source, empty when unknown. */
    public OptionalLong trackingPosition(String source) {
        return index.get(IndexKeys.tracking(source))
                .map(v -> OptionalLong.of(LedgerKeys.getLong(v, 0)))
                .orElse(OptionalLong.empty());
    }

    /**
     * Committed events matching {@code query}, from {@code start} (inclusive; the upper bound when reading
     * backwards), never beyond {@code upTo} (a head the caller captured).
     */
    public EventCursor read(Query query, long start, boolean backwards, long upTo) {
        long bound = Math.min(upTo, head);
        QueryMatcher matcher = new QueryMatcher(query, new IndexPostings(index, bound, READ_RUN), backwards);
        return new StoreCursor(matcher, loader, start, backwards, bound);
    }

    /** The committed event at {@code position}, or null beyond the head. */
    public StoredEvent event(long position) {
        long h = head;
        if (position < 1 || position > h) {
            return null;
        }
        return new StoredEvent(position, loader.load(position, h));
    }

    /** Where a committed event lives in the ledger. */
    public EventLocation locate(long position) {
        if (position < 1 || position > head) {
            throw new IllegalArgumentException("position " + position + " is beyond the head " + head);
        }
        long[] at = loader.locate(position);
        return new EventLocation(position, at[0], (int) at[1]);
    }

    /**
     * Calls {@code onAppend} after every commit that adds events (on the ledger's writer thread: it must only
     * schedule work). Close the handle to stop.
     */
    public AutoCloseable watch(Runnable onAppend) {
        watchers.add(onAppend);
        return () -> watchers.remove(onAppend);
    }

    @Override
    public void close() {
        watchers.clear();
        try {
            commitListener.close();
        } catch (Exception e) {
            LOG.warn("cannot unregister commit listener", e);
        }
    }
}
