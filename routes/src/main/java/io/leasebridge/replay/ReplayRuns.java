package io.leasebridge.replay;

import io.leasebridge.flow.FlowRuns;
import io.leasebridge.flow.ReplayOutcome;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.RunCounts;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.LongFunction;

/**
 * One replay of one dead letter, recorded as a run of {@value DeadLetterReplay#REPLAY_FLOW}: applied, the letter is
 * closed; still refused, it stays open with the new reason.
 */
@Component
class ReplayRuns {

    private final FlowRuns runs;
    private final DeadLetters deadLetters;

    ReplayRuns(FlowRuns runs, DeadLetters deadLetters) {
        this.runs = runs;
        this.deadLetters = deadLetters;
    }

    /**
     * @param attempt given the run id, applies the record again; answers what is still wrong with it, nothing when applied
     * @param applied what the letter is closed with
     */
    ReplayOutcome replay(long id, String source, String applied, LongFunction<Optional<String>> attempt) {
        return runs.run(DeadLetterReplay.REPLAY_FLOW, source, run -> {
            Optional<String> problem = attempt.apply(run.id());
            if (problem.isEmpty()) {
                run.count(new RunCounts(1, 1, 0, 0, 0, 0));
                deadLetters.markReplayed(id, applied);
                return new ReplayOutcome(id, true, applied);
            }
            run.count(new RunCounts(1, 0, 0, 0, 1, 0));
            deadLetters.replayFailed(id, problem.get());
            return new ReplayOutcome(id, false, problem.get());
        });
    }
}
