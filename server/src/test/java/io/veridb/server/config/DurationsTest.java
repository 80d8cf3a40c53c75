package io.veridb.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"2m, PT2M", "2m0s, PT2M", "1h30m, PT1H30M", "1.5s, PT1.5S", "500ms, PT0.5S", "0, PT0S",
        "90, PT1M30S", "1h0m0s, PT1H", "250us, PT0.00025S"})
    void parsesGoDurations(String text, String iso) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "m", "2x", "2m junk", "-1s", "1 m"})
    void rejectsEverythingElse(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).hasMessageContaining("invalid duration");
    }

    @ParameterizedTest
    @CsvSource({"PT2M, 2m0s", "PT1H, 1h0m0s", "PT0.5S, 500ms", "PT0S, 0s", "PT45S, 45s"})
    void formatsAsGo(String iso, String text) {
        assertThat(Durations.format(Duration.parse(iso))).isEqualTo(text);
    }
}
