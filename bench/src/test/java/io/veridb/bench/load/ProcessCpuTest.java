package io.veridb.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void statTicksAreUtimePlusStimeEvenWhenTheCommandHasSpaces() {
        String stat = "4242 (java main) S 1 4242 4242 0 -1 4194560 9000 0 0 0 1234 56 0 0 20 0 40 0 100 0 0";
        assertThat(ProcessCpu.ticks(stat)).isEqualTo(1234 + 56);
    }

    @Test
    void ownProcessCpuIsReadableAndGrows() {
        ProcessCpu self = new ProcessCpu(ProcessHandle.current().pid());
        double before = self.seconds();
        long x = 0;
        for (long i = 0; i < 300_000_000L; i++) {
            x += i ^ (x >>> 3);
        }
        assertThat(x).isNotZero();
        assertThat(self.seconds()).isGreaterThan(before);
    }
}
