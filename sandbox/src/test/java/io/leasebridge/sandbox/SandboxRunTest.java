package io.leasebridge.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox command end to end: 1,000 generated accounts synced once, every malformed row in the
 * dead-letter table where the generator put it, Salesforce calls within ceil(records / 200) per object,
 * and a second run with no new export making no Salesforce write call.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxRunTest {

    private static Path home;
    private static Sandbox sandbox;
    private static GeneratedPortfolio portfolio;
    private static int firstExitCode;

    @BeforeAll
    static void syncOnce() throws IOException {
        home = Files.createTempDirectory("sandbox-run");
        sandbox = Sandbox.start(new SandboxOptions(home, 1_000, 20261127L, false));
        portfolio = sandbox.generateExports().orElseThrow();
        firstExitCode = sandbox.runOnce();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    @Order(1)
    void everyMalformedRowIsInTheDeadLetterTableWithFileLineFieldAndReason() throws SQLException {
        assertThat(firstExitCode).isZero();
        assertThat(portfolio.malformedRows()).hasSizeGreaterThan(100);
        Map<String, String> deadLetters = new HashMap<>();
        query("select source_file, source_line, reason from dead_letter where error_code = 'INVALID_ROW'",
                rs -> deadLetters.put(rs.getString(1) + ":" + rs.getLong(2), rs.getString(3)));
        assertThat(deadLetters).hasSize(portfolio.malformedRows().size());
        for (GeneratedPortfolio.MalformedRow row : portfolio.malformedRows()) {
            assertThat(deadLetters.get(row.file() + ":" + row.line()))
                    .as("dead letter for %s line %d (%s)", row.file(), row.line(), row.defect())
                    .contains("column '" + row.column() + "'");
        }
    }

    @Test
    @Order(2)
    void salesforceHoldsEveryValidRecordAfterAtMostOneCallPer200() {
        SalesforceSimulator salesforce = sandbox.salesforce();
        assertThat(salesforce.records("Account").keySet()).isEqualTo(portfolio.customerIds());
        assertThat(salesforce.records("Lease__c").keySet()).isEqualTo(portfolio.leaseIds());
        Map<String, Integer> expected = Map.of(
                "Account", portfolio.customerIds().size(),
                "Lease__c", portfolio.leaseIds().size(),
                "Payment__c", portfolio.paymentIds().size(),
                "Collector_Note__c", portfolio.noteIds().size());
        expected.forEach((sObject, records) -> assertThat(salesforce.writeCalls(sObject))
                .as(sObject + " calls for " + records + " records").isLessThanOrEqualTo((records + 199) / 200));
    }

    @Test
    @Order(3)
    void aSecondRunWithNoNewExportMakesNoSalesforceWriteCall() {
        int writeCallsBefore = sandbox.salesforce().totalWriteCalls();

        int exitCode = sandbox.runOnce();

        assertThat(exitCode).isZero();
        assertThat(sandbox.generateExports()).as("exports are generated once").isEmpty();
        assertThat(sandbox.salesforce().totalWriteCalls()).isEqualTo(writeCallsBefore);
    }

    @Test
    @Order(4)
    void theSameExportsDroppedAgainChangeNothingAndMakeNoWriteCall() throws SQLException {
        int writeCallsBefore = sandbox.salesforce().totalWriteCalls();
        Sandbox again = Sandbox.around(sandbox.salesforce(), new SandboxOptions(home, 1_000, 20261127L, true));
        again.generateExports().orElseThrow();

        assertThat(again.runOnce()).isZero();

        assertThat(sandbox.salesforce().totalWriteCalls()).isEqualTo(writeCallsBefore);
        List<Long> changed = new java.util.ArrayList<>();
        query("select rows_changed from flow_run where flow like 'leaseworks-%' order by id desc limit 3", rs -> changed.add(rs.getLong(1)));
        assertThat(changed).containsExactly(0L, 0L, 0L);
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(String sql, Row row) throws SQLException {
        try (Connection hub = DriverManager.getConnection(sandbox.options().hubUrl(), "sa", "");
             ResultSet rs = hub.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }
}
