package io.leasebridge.ledger;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** When a deadline may be judged: the lessor is in Chicago, judgement goes ahead by the clock at 09:00 the morning after. */
class JudgementCutoffTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Duration MORNING = Duration.ofHours(9);
    private static final LocalDate DEADLINE = LocalDate.parse("2026-03-12");

    @Test
    void theEveningOfTheDeadlineWithOnlyTheSixPmExportReadNothingIsJudged() {
        // payments_20260312.csv (the 18:10 run) covers through the 11th: the evening's payments are not in it
        JudgementCutoff cutoff = JudgementCutoff.of(DEADLINE, Optional.of(LocalDate.parse("2026-03-11")),
                Instant.parse("2026-03-13T04:30:00Z"), CHICAGO, MORNING);

        assertThat(cutoff.through()).isBefore(DEADLINE);
    }

    @Test
    void theMorningExportOfTheNextDayLetsTheDeadlineBeJudgedAtOnce() {
        JudgementCutoff cutoff = JudgementCutoff.of(LocalDate.parse("2026-03-13"), Optional.of(DEADLINE),
                Instant.parse("2026-03-13T12:15:00Z"), CHICAGO, MORNING);

        assertThat(cutoff.through()).isEqualTo(DEADLINE);
        assertThat(cutoff.withoutPaymentsOf(DEADLINE)).isFalse();
    }

    @Test
    void withNoExportTheDeadlineIsJudgedFromNineOClockTheMorningAfterAndSaysSo() {
        Optional<LocalDate> stale = Optional.of(LocalDate.parse("2026-03-10"));
        // 08:59:59 and 09:00 on 2026-03-13 in Chicago (CDT since 2026-03-08: UTC-5)
        JudgementCutoff before = JudgementCutoff.of(LocalDate.parse("2026-03-13"), stale,
                Instant.parse("2026-03-13T13:59:59Z"), CHICAGO, MORNING);
        JudgementCutoff at = JudgementCutoff.of(LocalDate.parse("2026-03-13"), stale,
                Instant.parse("2026-03-13T14:00:00Z"), CHICAGO, MORNING);

        assertThat(before.through()).isEqualTo(LocalDate.parse("2026-03-11"));
        assertThat(at.through()).isEqualTo(DEADLINE);
        assertThat(at.withoutPaymentsOf(DEADLINE)).isTrue();
        assertThat(at.withoutPaymentsOf(LocalDate.parse("2026-03-10"))).isFalse();
    }

    @Test
    void neverAnExportAtAllStillJudgesByTheClock() {
        JudgementCutoff cutoff = JudgementCutoff.of(LocalDate.parse("2026-03-20"), Optional.empty(),
                Instant.parse("2026-03-14T14:00:00Z"), CHICAGO, MORNING);

        assertThat(cutoff.through()).isEqualTo(LocalDate.parse("2026-03-13"));
        assertThat(cutoff.withoutPaymentsOf(LocalDate.parse("2026-03-01"))).isTrue();
    }

    @Test
    void nothingAfterTheDayAskedForIsJudgedWhateverTheExportsCover() {
        JudgementCutoff cutoff = JudgementCutoff.of(LocalDate.parse("2026-03-05"), Optional.of(DEADLINE),
                Instant.parse("2026-04-01T14:00:00Z"), CHICAGO, MORNING);

        assertThat(cutoff.through()).isEqualTo(LocalDate.parse("2026-03-05"));
    }
}
