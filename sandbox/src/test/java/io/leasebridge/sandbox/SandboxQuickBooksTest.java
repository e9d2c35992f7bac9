package io.leasebridge.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox posts LeaseWorks' GL days to the simulated QuickBooks company and prints the reconciliation
 * with zero differences; then, with more days and an outage that starts right after QuickBooks took a
 * document, again zero differences and no document twice.
 */
class SandboxQuickBooksTest {

    private static Path home;
    private static Sandbox sandbox;

    @BeforeAll
    static void start() throws IOException {
        home = Files.createTempDirectory("sandbox-quickbooks");
        sandbox = Sandbox.start(new SandboxOptions(home, 100, 7L, false));
        sandbox.generateExports().orElseThrow();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void theReconciliationHasNoDifferenceBeforeAndAfterAnOutageMidRun() {
        Run first = runOnce();

        assertThat(first.exitCode).as(first.output).isZero();
        assertThat(first.output).contains("QuickBooks reconciliation").contains("differences: 0");
        assertThat(glDays()).as("one JournalEntry per GL day").isEqualTo(30);

        GlExportWriter.write(sandbox.options().inbox(), LocalDate.of(2026, 3, 31), 12, 7L);
        sandbox.quickBooks().outageAfterWrites(4, 6);
        Run second = runOnce();

        assertThat(sandbox.quickBooks().faultsServed()).as("the outage happened").isGreaterThanOrEqualTo(2);
        assertThat(second.exitCode).as(second.output).isZero();
        assertThat(second.output).contains("QuickBooks reconciliation").contains("differences: 0");
        assertThat(glDays()).isEqualTo(42);
        assertThat(sandbox.quickBooks().duplicateDocNumbers("JournalEntry")).isEmpty();
    }

    /** The GL days' JournalEntries, not the resales' the repo desk's sales post beside them. */
    private static long glDays() {
        return sandbox.quickBooks().documents("JournalEntry").stream().filter(entry -> entry.path("DocNumber").asText().startsWith("GL-")).count();
    }

    private record Run(int exitCode, String output) {
    }

    private static Run runOnce() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8));
        try {
            int exitCode = sandbox.runOnce();
            return new Run(exitCode, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private static final class TeeStream extends java.io.OutputStream {
        private final PrintStream console;
        private final ByteArrayOutputStream copy;

        TeeStream(PrintStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public synchronized void write(int b) {
            console.write(b);
            copy.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            console.write(b, off, len);
            copy.write(b, off, len);
        }
    }
}
