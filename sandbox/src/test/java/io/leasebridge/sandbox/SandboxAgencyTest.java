package io.leasebridge.sandbox;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agency placements through the sandbox: run one proposes the leases 60 days past due or more; a manager approves them in
 * the org and run two sends them to the simulated agency's SFTP server; the agency answers with payments and a closure,
 * one placed lease is paid current, and run three reads the return file and recalls that lease; the agency acknowledges
 * the recall and run four reads it (a lease moved to repossession meanwhile is recalled with it). Each run prints the placements by status and the agency's recovery rate.
 */
class SandboxAgencyTest {

    private static Sandbox sandbox;
    private static int approved;
    private static String recalledLease;
    private static String secondRun;
    private static String thirdRun;
    private static String fourthRun;

    @BeforeAll
    static void fourRuns() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(Files.createTempDirectory("sandbox-agency"), 200, 20261203L, false));
        GeneratedPortfolio portfolio = sandbox.generateExports().orElseThrow();
        assertThat(sandbox.runOnce()).isZero();
        approved = sandbox.approveProposedPlacements();
        secondRun = printed(sandbox::runOnce);
        LocalDate today = LocalDate.now();
        assertThat(sandbox.agency().work(today)).isNotNull();
        recalledLease = payCurrentTheSecondPlacedLease(portfolio);
        thirdRun = printed(sandbox::runOnce);
        assertThat(sandbox.agency().work(today.plusDays(1))).isNotNull();
        fourthRun = printed(sandbox::runOnce);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void theManagerApprovedPlacementsReachTheAgencyInOnePlacementFileAndARecallFollowsThePaidCurrentLease() throws IOException {
        assertThat(approved).as("the portfolio has leases 60 days past due or more").isGreaterThanOrEqualTo(2);
        List<Path> received = sandbox.agency().received();
        assertThat(received).extracting(p -> p.getFileName().toString())
                .anySatisfy(name -> assertThat(name).startsWith("LSRS_PLACE_"))
                .anySatisfy(name -> assertThat(name).startsWith("LSRS_RECALL_"))
                .hasSize(2);
        Path placements = received.stream().filter(p -> p.getFileName().toString().startsWith("LSRS_PLACE_")).findFirst().orElseThrow();
        assertThat(Files.readAllLines(placements)).hasSize(1 + approved);
        Path recall = received.stream().filter(p -> p.getFileName().toString().startsWith("LSRS_RECALL_")).findFirst().orElseThrow();
        assertThat(Files.readString(recall)).contains(recalledLease, "paid current");
    }

    @Test
    void theOrgHoldsTheClosedTheRecalledAndTheCollectedPlacements() {
        Map<String, Map<String, Object>> placements = sandbox.salesforce().records("Agency_Placement__c");
        assertThat(placements.values()).filteredOn(p -> "CLOSED".equals(p.get("Status__c"))).singleElement()
                .satisfies(p -> assertThat(p.get("Agency_Status__c")).isEqualTo("PAID IN FULL"));
        assertThat(placements.values()).filteredOn(p -> "RECALLED".equals(p.get("Status__c"))).hasSize(recalls())
                .allSatisfy(p -> assertThat(p.get("Agency_Status__c")).isEqualTo("RECALL ACKNOWLEDGED"));
        assertThat(placements.values()).filteredOn(p -> "SENT".equals(p.get("Status__c"))).hasSize(approved - 1 - recalls())
                .allSatisfy(p -> assertThat(new BigDecimal(p.get("Collected_Amount__c").toString())).isPositive());
    }

    @Test
    void eachRunPrintsThePlacementsByStatusWithItsFilesAndTheAgencysRecoveryRate() {
        assertThat(secondRun).contains("Agency placements: proposed 0, approved 0, rejected 0, sent " + approved)
                .contains("sent LSRS_PLACE_");
        assertThat(thirdRun).contains("read LSRS_RETURN_").contains("sent LSRS_RECALL_")
                .contains("recalled " + recalls() + ", closed 1")
                .containsPattern(CollectionAgency.NAME + " +placed [0-9.]+ in " + approved + " placements, collected [0-9.]+, recovery rate [0-9.]+%");
        assertThat(fourthRun).contains("read LSRS_RETURN_").contains("recalled " + recalls() + ", closed 1");
    }

    /** The placements the recall file called back: the lease paid current, and any moved to repossession meanwhile. */
    private static int recalls() {
        Path recall = sandbox.agency().received().stream().filter(p -> p.getFileName().toString().startsWith("LSRS_RECALL_"))
                .findFirst().orElseThrow();
        try {
            return Files.readAllLines(recall).size() - 1;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A new accounts export in which the second placed lease is paid current, the day after the portfolio's. */
    private static String payCurrentTheSecondPlacedLease(GeneratedPortfolio portfolio) throws IOException {
        Path agencyFile = sandbox.agency().received().get(0);
        String lease;
        try (Reader in = Files.newBufferedReader(agencyFile)) {
            lease = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords().get(1)
                    .get("Contract Number");
        }
        Path accounts;
        try (Stream<Path> files = Stream.of(portfolio.accounts().path(),
                sandbox.options().inbox().resolve(".done").resolve(portfolio.accounts().fileName()))) {
            accounts = files.filter(Files::exists).findFirst().orElseThrow();
        }
        StringWriter out = new StringWriter();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(accounts));
             CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(parser.getHeaderNames().toArray(String[]::new)).get().print(out)) {
            for (CSVRecord row : parser) {
                if (row.isConsistent() && lease.equals(row.get("Contract Number"))) {
                    Map<String, String> values = row.toMap();
                    values.put("Days Past Due", "0");
                    values.put("Past Due Amount", "0.00");
                    csv.printRecord(parser.getHeaderNames().stream().map(values::get).toList());
                }
            }
        }
        String day = portfolio.accounts().fileName().replaceAll("\\D", "");
        LocalDate next = LocalDate.parse(day, java.time.format.DateTimeFormatter.BASIC_ISO_DATE).plusDays(1);
        String name = portfolio.accounts().fileName().replace(day, java.time.format.DateTimeFormatter.BASIC_ISO_DATE.format(next));
        Files.writeString(sandbox.options().inbox().resolve(name), out.toString(), StandardCharsets.UTF_8);
        return lease;
    }

    private static String printed(Supplier<Integer> run) {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(run.get()).isZero();
        } finally {
            System.setOut(console);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
