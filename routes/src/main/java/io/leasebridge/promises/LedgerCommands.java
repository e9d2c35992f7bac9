package io.leasebridge.promises;

import io.leasebridge.hub.RunCounts;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Ledger commands for an operator: {@code judge [--as-of=2026-03-31]} judges due promises as of a day
 * (today by default); {@code rebuild-ledger} throws the projection away and folds it again from the events.
 * LeaseBridge exits after a command.
 */
@Component
public class LedgerCommands implements ApplicationRunner, ExitCodeGenerator {

    public static final String JUDGE = "judge";
    public static final String REBUILD = "rebuild-ledger";
    private static final Set<String> COMMANDS = Set.of(JUDGE, REBUILD);

    private final PromiseJudgement judgement;
    private final PromiseLedgerService ledger;
    private final TransactionTemplate transaction;
    private int exitCode;

    public LedgerCommands(PromiseJudgement judgement, PromiseLedgerService ledger, TransactionTemplate transaction) {
        this.judgement = judgement;
        this.ledger = ledger;
        this.transaction = transaction;
    }

    public static boolean isCommand(String... args) {
        return List.of(args).stream().anyMatch(COMMANDS::contains);
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> commands = args.getNonOptionArgs();
        if (commands.contains(JUDGE)) {
            List<String> asOf = args.getOptionValues("as-of");
            LocalDate day = asOf == null || asOf.isEmpty() ? ledger.today() : LocalDate.parse(asOf.get(0));
            RunCounts counts = judgement.judge(day);
            System.out.printf("judged as of %s: %d leases with open promises, %d ledger events%n", day, counts.read(), counts.changed());
        }
        if (commands.contains(REBUILD)) {
            Integer promises = transaction.execute(status -> ledger.store().rebuildProjection());
            System.out.printf("promise projection rebuilt from the events: %d promises%n", promises);
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
