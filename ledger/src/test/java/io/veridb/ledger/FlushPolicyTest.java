package io.veridb.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlushPolicyTest {

    private final FlushPolicy policy = new FlushPolicy(64, 1000, 2_000);

    @ParameterizedTest(name = "txs={0} bytes={1} waited={2} more={3} -> {4}")
    @CsvSource({
        // empty batch never flushes
        "0, 0, 99999, false, false",
        "0, 0, 0, true, false",
        // full by count or bytes flushes even with more queued
        "64, 10, 0, true, true",
        "65, 10, 0, true, true",
        "3, 1000, 0, true, true",
        "3, 5000, 0, false, true",
        // room left and more queued: keep collecting, however long the oldest waited
        "63, 999, 0, true, false",
        "1, 1, 999999, true, false",
        // queue drained: flush once the oldest waited the group wait
        "1, 1, 1999, false, false",
        "1, 1, 2000, false, true",
        "10, 100, 5000, false, true",
    })
    void decidesFromBatchSizeBytesWaitAndQueue(int txs, long bytes, long waited, boolean more, boolean flush) {
        assertThat(policy.shouldFlush(txs, bytes, waited, more)).isEqualTo(flush);
    }

    @ParameterizedTest(name = "zero group wait: more={0} -> {1}")
    @CsvSource({"false, true", "true, false"})
    void zeroGroupWaitFlushesAsSoonAsTheQueueIsDrained(boolean more, boolean flush) {
        assertThat(new FlushPolicy(1024, 1 << 20, 0).shouldFlush(1, 100, 0, more)).isEqualTo(flush);
    }
}
