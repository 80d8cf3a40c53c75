package io.veridb.ledger;

import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which keys may already be in the key index, so the writer skips the previous-version lookup of a key that is
 * certainly new. Keys the writer stages go into a {@link KeyFilter} as they are staged; the keys indexed before
 * the writer started are loaded into a second filter by a background thread, from an iterator opened before the
 * writer stages anything. Until that load is done every key may exist (unless the index was empty), so a lookup
 * is skipped only when the answer is proven. {@link #mayExist} and {@link #add} are for the writer thread only.
 */
final class KnownKeys implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KnownKeys.class);

    /** Most bytes each filter may use (about 50M keys at 10 bits per key); past that every lookup runs. */
    static final long MAX_FILTER_BYTES = 64L << 20;
    /** Keys the first filter of the writer's staged keys holds (320 KiB); later ones double. */
    private static final long FIRST_CAPACITY = 1L << 18;
    private static final int CANCEL_CHECK_KEYS = 4096;

    private final KeyFilter staged = new KeyFilter(FIRST_CAPACITY, MAX_FILTER_BYTES);
    private final RocksIterator iterator;
    private final ReadOptions readOptions;
    private final Thread loader;
    /** The keys indexed before the writer started; null until loaded. */
    private volatile KeyFilter before;
    private volatile boolean closing;

    /** Opens the iterator now, on the caller's thread, so it sees exactly the keys indexed so far. */
    KnownKeys(RocksIndex rocks, String loaderName) {
        readOptions = new ReadOptions().setFillCache(false);
        iterator = rocks.db().newIterator(rocks.latestCf(), readOptions);
        iterator.seekToFirst();
        if (!iterator.isValid()) {
            before = new KeyFilter(1, 64);
            loader = null;
            return;
        }
        long estimate = estimatedKeys(rocks);
        loader = new Thread(() -> load(estimate), loaderName);
        loader.setDaemon(true);
        loader.start();
    }

    /** False only if {@code key} is certainly not in the key index nor staged since the writer started. */
    boolean mayExist(ByteKey key) {
        if (staged.mightContain(key.hash64())) {
            return true;
        }
        KeyFilter b = before;
        return b == null || b.mightContain(key.hash64());
    }

    /** Records a key the writer staged. */
    void add(ByteKey key) {
        staged.add(key.hash64());
    }

    /** Waits until the keys indexed before the writer started are loaded; true if they were (tests). */
    boolean awaitLoaded() throws InterruptedException {
        if (loader != null) {
            loader.join();
        }
        return before != null;
    }

    /** RocksDB's estimate of the keys in {@code latest}, or 0 if it has none. */
    private static long estimatedKeys(RocksIndex rocks) {
        try {
            return Math.max(0, rocks.db().getLongProperty(rocks.latestCf(), "rocksdb.estimate-num-keys"));
        } catch (org.rocksdb.RocksDBException e) {
            return 0;
        }
    }

    /** Loads the existing keys into one filter sized from RocksDB's estimate (it grows if the estimate is low). */
    private void load(long estimatedKeys) {
        KeyFilter f = new KeyFilter(Math.max(FIRST_CAPACITY, estimatedKeys + estimatedKeys / 4), MAX_FILTER_BYTES);
        long n = 0;
        try {
            for (; iterator.isValid() && !f.saturated(); iterator.next()) {
                f.add(ByteKey.hash64(iterator.key()));
                if (++n % CANCEL_CHECK_KEYS == 0 && closing) {
                    return;
                }
            }
            iterator.status();
            before = f;
            LOG.debug("key filter loaded {} keys ({} bytes, saturated={})", n, f.usedBytes(), f.saturated());
        } catch (org.rocksdb.RocksDBException | RuntimeException e) {
            LOG.warn("key filter not loaded; every previous-version lookup runs", e);
        }
    }

    /** Stops the loader and frees the iterator; the index must still be open. */
    @Override
    public void close() {
        closing = true;
        if (loader != null) {
            try {
                loader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        iterator.close();
        readOptions.close();
    }
}
