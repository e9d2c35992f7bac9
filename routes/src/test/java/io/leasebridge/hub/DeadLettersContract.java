package io.leasebridge.hub;

import io.leasebridge.testing.SettableClock;
import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One dead letter per problem, on every database the hub runs on: a daily snapshot that repeats a bad row updates
 * the open letter, and a record that arrives valid closes it.
 */
abstract class DeadLettersContract {

    static final Instant T0 = Instant.parse("2025-03-09T07:59:58.123456Z");
    static final String FLOW = "leaseworks-payments";
    static final String ROW = "payments row";

    private final TestDatabase database;
    SettableClock clock;
    JdbcTemplate jdbc;
    DeadLetters deadLetters;

    /** The database under test, for one test: wiped and migrated before it, closed after it. */
    DeadLettersContract(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void freshSchema() {
        clock = new SettableClock(T0);
        jdbc = new JdbcTemplate(database.freshSchema());
        deadLetters = new DeadLetters(jdbc, clock);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void theSameRecordWithTheSameProblemInTomorrowsFileIsOneDeadLetterSeenTwiceWithTheLastFile() {
        deadLetters.record(List.of(bad("P-1", "payments-20250309.csv", 7, "method", "longer than 255 characters (300)")), 1);
        Instant tomorrow = clock.advance(Duration.ofDays(1));

        deadLetters.record(List.of(bad("P-1", "payments-20250310.csv", 9, "method", "longer than 255 characters (301)")), 2);

        assertThat(jdbc.query("select attempts, status, source_file, source_line, run_id, record_key, reason from dead_letter",
                (rs, n) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3) + ":" + rs.getLong(4) + " run " + rs.getLong(5)
                        + " " + rs.getString(6) + " " + rs.getString(7)))
                .containsExactly("2 OPEN payments-20250310.csv:9 run 2 P-1 longer than 255 characters (301)");
        assertThat(jdbc.queryForObject("select created_at from dead_letter", OffsetDateTime.class).toInstant()).isEqualTo(T0);
        assertThat(jdbc.queryForObject("select updated_at from dead_letter", OffsetDateTime.class).toInstant()).isEqualTo(tomorrow);
    }

    @Test
    void aDifferentProblemOfTheSameRecordIsASecondDeadLetter() {
        deadLetters.record(List.of(bad("P-1", "payments-20250309.csv", 7, "method", "too long")), 1);

        deadLetters.record(List.of(bad("P-1", "payments-20250310.csv", 7, "amount", "not an amount of money: 'x'")), 2);
        deadLetters.record(List.of(new DeadLetter(FLOW, ROW, "P-1", "payments-20250311.csv", 7L, "method", "CONFLICTING_DUPLICATE",
                "lines 7 and 8 differ", null)), 3);

        assertThat(jdbc.query("select field, error_code, attempts from dead_letter order by id",
                (rs, n) -> rs.getString(1) + " " + rs.getString(2) + " x" + rs.getInt(3)))
                .containsExactly("method INVALID_ROW x1", "amount INVALID_ROW x1", "method CONFLICTING_DUPLICATE x1");
        assertThat(deadLetters.countOpen(FLOW)).isEqualTo(3);
    }

    @Test
    void aProblemOfAWholeFileIsStillKnownByItsFile() {
        DeadLetter unreadable = new DeadLetter(FLOW, "payments file", null, "payments-20250309.csv", 0L, null, "UNREADABLE_EXPORT",
                "not UTF-8", null);
        deadLetters.record(List.of(unreadable), 1);
        deadLetters.record(List.of(unreadable), 2);
        deadLetters.record(List.of(new DeadLetter(FLOW, "payments file", null, "payments-20250310.csv", 0L, null,
                "UNREADABLE_EXPORT", "not UTF-8", null)), 3);

        assertThat(jdbc.query("select source_file, attempts from dead_letter order by id", (rs, n) -> rs.getString(1) + " x" + rs.getInt(2)))
                .containsExactly("payments-20250309.csv x2", "payments-20250310.csv x1");
    }

    @Test
    void recordsThatArriveValidCloseExactlyTheirOpenLettersOfThatFlowAndRecordType() {
        deadLetters.record(List.of(
                bad("P-1", "p1.csv", 1, "method", "too long"),
                bad("P-1", "p1.csv", 1, "amount", "not money"),
                bad("P-2", "p1.csv", 2, "method", "too long"),
                bad("P-3", "p1.csv", 3, "method", "too long"),
                new DeadLetter(FLOW, "other row", "P-1", "p1.csv", 4L, "method", "INVALID_ROW", "too long", null),
                new DeadLetter("leaseworks-notes", ROW, "P-1", "n1.csv", 1L, "method", "INVALID_ROW", "too long", null)), 1);
        jdbc.update("update dead_letter set status = 'REPLAYED' where record_key = 'P-2'");
        Instant later = clock.advance(Duration.ofHours(1));

        int closed = deadLetters.resolveRecovered(FLOW, ROW, List.of("P-1", "P-2", "P-9"), 7);

        assertThat(closed).isEqualTo(2);
        assertThat(jdbc.query("select flow, record_type, record_key, field, status, resolved_run_id from dead_letter order by id",
                (rs, n) -> String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        String.valueOf(rs.getObject(6)))))
                .containsExactly(
                        "leaseworks-payments payments row P-1 method RESOLVED 7",
                        "leaseworks-payments payments row P-1 amount RESOLVED 7",
                        "leaseworks-payments payments row P-2 method REPLAYED null",
                        "leaseworks-payments payments row P-3 method OPEN null",
                        "leaseworks-payments other row P-1 method OPEN null",
                        "leaseworks-notes payments row P-1 method OPEN null");
        assertThat(jdbc.queryForList("select updated_at from dead_letter where status = 'RESOLVED'", OffsetDateTime.class))
                .extracting(OffsetDateTime::toInstant).containsOnly(later);
        assertThat(deadLetters.resolveRecovered(FLOW, ROW, List.of(), 8)).isZero();
    }

    @Test
    void aThousandRecoveredKeysOfOneBatchCloseTheirLettersAtOnce() {
        List<String> keys = IntStream.rangeClosed(1, 1_200).mapToObj(i -> "P-" + i).toList();
        deadLetters.record(keys.stream().map(k -> bad(k, "p1.csv", 1, "method", "too long")).toList(), 1);

        assertThat(deadLetters.resolveRecovered(FLOW, ROW, keys, 2)).isEqualTo(1_200);
        assertThat(deadLetters.countOpen(FLOW)).isZero();
    }

    @Test
    void theOpenRecordKeysOfAFlowAndRecordTypeAreHeldOnlyWhileFewEnough() {
        assertThat(deadLetters.openRecordKeys(FLOW, ROW, 2)).contains(Set.of());
        deadLetters.record(List.of(bad("P-1", "p1.csv", 1, "method", "too long"), bad("P-2", "p1.csv", 2, "method", "too long"),
                new DeadLetter(FLOW, "other row", "P-3", "p1.csv", 3L, "method", "INVALID_ROW", "too long", null)), 1);

        assertThat(deadLetters.openRecordKeys(FLOW, ROW, 2)).contains(Set.of("P-1", "P-2"));
        assertThat(deadLetters.openRecordKeys(FLOW, ROW, 1)).as("more than it may hold").isEmpty();
        assertThat(deadLetters.openRecordKeys("leaseworks-notes", ROW, 2)).contains(Set.of());

        deadLetters.resolveRecovered(FLOW, ROW, List.of("P-1"), 2);

        assertThat(deadLetters.openRecordKeys(FLOW, ROW, 2)).contains(Set.of("P-2"));
        assertThat(deadLetters.openRecordKeys(FLOW, "other row", 2)).contains(Set.of("P-3"));
    }

    @Test
    void aResolvedProblemThatComesBackOpensItsLetterAgain() {
        deadLetters.record(List.of(bad("P-1", "p1.csv", 1, "method", "too long")), 1);
        deadLetters.resolveRecovered(FLOW, ROW, List.of("P-1"), 2);

        deadLetters.record(List.of(bad("P-1", "p3.csv", 5, "method", "too long")), 3);

        assertThat(jdbc.query("select status, attempts, source_file, resolved_run_id from dead_letter",
                (rs, n) -> rs.getString(1) + " x" + rs.getInt(2) + " " + rs.getString(3) + " " + rs.getObject(4)))
                .containsExactly("OPEN x2 p3.csv null");
    }

    private static DeadLetter bad(String paymentId, String file, long line, String field, String reason) {
        return new DeadLetter(FLOW, ROW, paymentId, file, line, field, "INVALID_ROW", reason, null);
    }
}
