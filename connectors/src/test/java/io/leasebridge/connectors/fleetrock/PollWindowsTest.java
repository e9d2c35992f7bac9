package io.leasebridge.connectors.fleetrock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PollWindowsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void windowsCoverWatermarkToNowInStepsEachStartingTheOverlapEarly() {
        var windows = PollWindows.plan(NOW.minus(Duration.ofHours(50)), NOW, Duration.ofDays(1), Duration.ofHours(2));

        assertThat(windows).extracting(PollWindows.Window::start).containsExactly(
                Instant.parse("2026-11-25T08:00:00Z"), Instant.parse("2026-11-26T08:00:00Z"), Instant.parse("2026-11-27T08:00:00Z"));
        assertThat(windows).extracting(PollWindows.Window::end).containsExactly(
                Instant.parse("2026-11-26T10:00:00Z"), Instant.parse("2026-11-27T10:00:00Z"), NOW);
        assertThat(windows).extracting(PollWindows.Window::until).last().isEqualTo(NOW);
    }

    @Test
    void nothingToPollWhenTheWatermarkIsNow() {
        assertThat(PollWindows.plan(NOW, NOW, Duration.ofDays(1), Duration.ofHours(2))).isEmpty();
        assertThatThrownBy(() -> PollWindows.plan(NOW, NOW, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
