package io.veridb.server.dcb;

/** Batch-size rules shared by Read and Subscribe (UmaDB 0.7.1+): default 1024, clamped to 1..4096. */
final class ReadLimits {
    static final int DEFAULT_BATCH = 1024;
    static final int MAX_BATCH = 4096;

    private ReadLimits() {}

    static int batchSize(boolean present, int requested) {
        if (!present) {
            return DEFAULT_BATCH;
        }
        long unsigned = Integer.toUnsignedLong(requested);
        return (int) Math.max(1, Math.min(MAX_BATCH, unsigned));
    }

    /** An unsigned u64 from the wire as a position bound: values above Long.MAX_VALUE saturate. */
    static long saturate(long unsigned) {
        return unsigned < 0 ? Long.MAX_VALUE : unsigned;
    }
}
