package io.drover.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {
    @ParameterizedTest
    @CsvSource({"5s, 5000000000", "300ms, 300000000", "1m30s, 90000000000", "1.5h, 5400000000000",
        "0, 0", "-2s, -2000000000", "+1s, 1000000000", ".5s, 500000000", "5.s, 5000000000", "10us, 10000",
        "7ns, 7", "1h2m3s4ms, 3723004000000"})
    void parsesGoDurations(String text, long nanos) {
        assertThat(GoDuration.parseNanos(text)).isEqualTo(nanos);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "5", "s", ".s", "1x", "-", "1.2.3s", "1s2"})
    void refusesWhatGoRefuses(String text) {
        assertThatThrownBy(() -> GoDuration.parseNanos(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5\u00b5s", "5\u03bcs"})
    void acceptsBothMicroSigns(String text) {
        assertThat(GoDuration.parseNanos(text)).isEqualTo(5000);
    }
}
