package io.leasebridge.flow;

import io.leasebridge.hub.FlowRun;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.RunHistory;
import io.leasebridge.testing.SettableClock;
import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one run bookkeeping every flow goes through, on the embedded hub. */
class FlowRunsTest {

    private static final Instant T0 = Instant.parse("2025-03-09T08:00:00Z");
    private static TestDatabase database;

    private FlowRuns runs;
    private RunHistory history;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.h2();
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @BeforeEach
    void freshSchema() {
        history = new RunHistory(new JdbcTemplate(database.freshSchema()), new SettableClock(T0));
        runs = new FlowRuns(history);
    }

    @Test
    void aRunThatReturnsSucceedsWithWhatItCountedAndHadItsFlowInTheLogContext() {
        String[] logged = new String[2];
        String answer = runs.run("promise-judgement", "as of 2025-03-09", run -> {
            logged[0] = MDC.get(FlowLogContext.FLOW);
            logged[1] = MDC.get(FlowLogContext.RUN_ID);
            run.count(new RunCounts(3, 2, 0, 0, 0, 0));
            return "judged";
        });

        FlowRun recorded = only(history.since(T0));
        assertThat(answer).isEqualTo("judged");
        assertThat(recorded.flow()).isEqualTo("promise-judgement");
        assertThat(recorded.source()).isEqualTo("as of 2025-03-09");
        assertThat(recorded.status()).isEqualTo(RunHistory.SUCCEEDED);
        assertThat(recorded.counts()).isEqualTo(new RunCounts(3, 2, 0, 0, 0, 0));
        assertThat(logged).containsExactly("promise-judgement", Long.toString(recorded.id()));
        assertThat(MDC.get(FlowLogContext.FLOW)).isNull();
    }

    @Test
    void aRunThatThrowsFailsWithTheCountsItReachedAndTheExceptionGoesOn() {
        assertThatThrownBy(() -> runs.run("recovery-risk", null, run -> {
            run.count(new RunCounts(500, 7, 0, 0, 0, 0));
            throw new IllegalStateException("risk store unreachable");
        })).isInstanceOf(IllegalStateException.class).hasMessage("risk store unreachable");

        FlowRun recorded = only(history.since(T0));
        assertThat(recorded.status()).isEqualTo(RunHistory.FAILED);
        assertThat(recorded.counts()).isEqualTo(new RunCounts(500, 7, 0, 0, 0, 0));
        assertThat(recorded.error()).isEqualTo("java.lang.IllegalStateException: risk store unreachable");
    }

    @Test
    void aFlowSaysHowItsFailuresAreDescribed() {
        assertThatThrownBy(() -> runs.run("fleetrock-repair-orders", "api.fleetrock.test", RuntimeException::getMessage, run -> {
            throw new IllegalStateException("GetRO: HTTP 503");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(only(history.since(T0)).error()).isEqualTo("GetRO: HTTP 503");
    }

    @Test
    void aRunCanEndFailedWithoutAnException() {
        runs.run("quickbooks-postings", null, run -> {
            run.count(new RunCounts(4, 4, 1, 0, 0, 5));
            run.fail("3 postings left pending: QuickBooks unavailable (HTTP 503)");
            return null;
        });

        FlowRun recorded = only(history.since(T0));
        assertThat(recorded.status()).isEqualTo(RunHistory.FAILED);
        assertThat(recorded.counts()).isEqualTo(new RunCounts(4, 4, 1, 0, 0, 5));
        assertThat(recorded.error()).isEqualTo("3 postings left pending: QuickBooks unavailable (HTTP 503)");
    }

    @Test
    void anExceptionThatIsTheWorksAnswerEndsTheRunSucceededWithWhatItCounted() {
        assertThatThrownBy(() -> runs.run("leaseworks-accounts", "accounts.csv", e -> null, run -> {
            run.count(new RunCounts(0, 0, 0, 0, 1, 0));
            throw new IllegalArgumentException("accounts.csv is not a LeaseWorks export");
        })).isInstanceOf(IllegalArgumentException.class);

        FlowRun recorded = only(history.since(T0));
        assertThat(recorded.status()).isEqualTo(RunHistory.SUCCEEDED);
        assertThat(recorded.counts()).isEqualTo(new RunCounts(0, 0, 0, 0, 1, 0));
        assertThat(recorded.error()).isNull();
    }

    @Test
    void aRunOpenedInOneExchangeStaysRunningUntilAnotherFinishesItEachInItsLogContext() {
        String[] logged = new String[2];
        long runId = runs.open("gps-location-poll", "vehicles in the hub", run -> {
            logged[0] = MDC.get(FlowLogContext.RUN_ID);
            return run.id();
        });
        assertThat(MDC.get(FlowLogContext.FLOW)).isNull();
        assertThat(only(history.since(T0)).status()).isEqualTo(RunHistory.RUNNING);

        runs.finish("gps-location-poll", runId, run -> {
            logged[1] = MDC.get(FlowLogContext.RUN_ID);
            run.count(new RunCounts(12, 3, 10, 1, 1, 10));
            return null;
        });

        FlowRun recorded = only(history.since(T0));
        assertThat(recorded.status()).isEqualTo(RunHistory.SUCCEEDED);
        assertThat(recorded.counts()).isEqualTo(new RunCounts(12, 3, 10, 1, 1, 10));
        assertThat(logged).containsExactly(Long.toString(runId), Long.toString(runId));
        assertThat(MDC.get(FlowLogContext.RUN_ID)).isNull();
    }

    @Test
    void aRunWhoseOpeningThrowsEndsFailed() {
        assertThatThrownBy(() -> runs.open("gps-location-poll", "vehicles in the hub", run -> {
            throw new IllegalStateException("hub unreachable");
        })).isInstanceOf(IllegalStateException.class);

        FlowRun recorded = only(history.since(T0));
        assertThat(recorded.status()).isEqualTo(RunHistory.FAILED);
        assertThat(recorded.error()).isEqualTo("java.lang.IllegalStateException: hub unreachable");
    }

    private static FlowRun only(List<FlowRun> runs) {
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }
}
