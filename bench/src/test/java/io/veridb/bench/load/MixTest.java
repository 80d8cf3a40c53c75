package io.veridb.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MixTest {

    @Test
    void parsesWeightsAndDefaultsMissingOnesToOne() {
        Mix m = Mix.parse("set:3, verified-set ,GET:2");
        assertThat(m.weights()).containsExactly(Map.entry(Operation.SET, 3), Map.entry(Operation.VERIFIED_SET, 1),
                Map.entry(Operation.GET, 2));
        assertThat(m.reads()).isTrue();
        assertThat(m.toString()).isEqualTo("set:3,verified-set:1,get:2");
        assertThat(Mix.parse("set").reads()).isFalse();
    }

    @Test
    void picksOperationsInProportionToTheirWeights() {
        Mix m = Mix.parse("set:1,get:3");
        Random r = new Random(7);
        Map<Operation, Integer> n = new EnumMap<>(Operation.class);
        for (int i = 0; i < 40_000; i++) {
            n.merge(m.pick(r), 1, Integer::sum);
        }
        assertThat(n.get(Operation.GET) / (double) n.get(Operation.SET)).isBetween(2.8, 3.2);
    }

    @Test
    void rejectsUnknownOperationsBadWeightsAndEmptyMixes() {
        assertThatThrownBy(() -> Mix.parse("sett:1")).hasMessageContaining("operation 'sett', want set");
        assertThatThrownBy(() -> Mix.parse("set:0")).hasMessage("weight of set=0, want 1..1000");
        assertThatThrownBy(() -> Mix.parse("set:x")).hasMessageContaining("is not a number");
        assertThatThrownBy(() -> Mix.parse(" , ")).hasMessageContaining("names no operation");
    }
}
