package io.leasebridge.sandbox;

import io.leasebridge.connectors.leaseworks.ExportReader;
import io.leasebridge.ledger.LeaseLedger;
import io.leasebridge.ledger.LedgerRules;
import io.leasebridge.ledger.PromiseState;
import io.leasebridge.mapping.ExportMapper;
import io.leasebridge.mapping.LeaseWorksMapping;
import io.leasebridge.mapping.MappedRow;
import io.leasebridge.mapping.SourceRow;
import io.leasebridge.mapping.Violation;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Payment;
import io.leasebridge.model.Promise;
import io.leasebridge.sandbox.GeneratedPortfolio.PlannedPromise;
import io.leasebridge.sandbox.GeneratedPortfolio.PromiseOutcome;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PortfolioGeneratorTest {

    private static final LeaseWorksMapping FIELD_MAP = PortfolioGenerator.shippedFieldMap();

    @TempDir
    static Path shared;
    private static GeneratedPortfolio portfolio;

    @BeforeAll
    static void writeOnePortfolio() {
        portfolio = PortfolioGenerator.seeded(42).writeTo(shared.resolve("inbox"));
    }

    @Test
    void theSameSeedWritesByteIdenticalFiles(@TempDir Path a, @TempDir Path b, @TempDir Path c) throws IOException {
        GeneratedPortfolio first = PortfolioGenerator.seeded(7).accounts(300).writeTo(a);
        GeneratedPortfolio second = PortfolioGenerator.seeded(7).accounts(300).writeTo(b);
        GeneratedPortfolio other = PortfolioGenerator.seeded(8).accounts(300).writeTo(c);

        assertThat(first.allFiles()).hasSize(8);
        for (int i = 0; i < first.allFiles().size(); i++) {
            Path one = first.allFiles().get(i).path();
            assertThat(Files.mismatch(one, second.allFiles().get(i).path())).as(one.getFileName().toString()).isEqualTo(-1L);
            assertThat(Files.mismatch(one, other.allFiles().get(i).path())).isNotEqualTo(-1L);
        }
        assertThat(second).usingRecursiveComparison()
                .ignoringFields("folder", "accounts.path", "payments.path", "notes.path", "promiseSnapshots.path")
                .isEqualTo(first);
    }

    @Test
    void filesAreNamedByExportDateAndHeadedByTheFieldMapColumns() throws IOException {
        assertThat(portfolio.accounts().fileName()).isEqualTo("accounts_20260115.csv");
        assertThat(portfolio.payments().fileName()).isEqualTo("payments_20260115.csv");
        assertThat(portfolio.notes().fileName()).isEqualTo("notes_20260115.csv");

        List<String> accountsHeader = header(portfolio.accounts().path());
        assertThat(accountsHeader).containsExactlyInAnyOrderElementsOf(with(FIELD_MAP.layout("accounts").columns(), "SSN", "Driver License"));
        assertThat(accountsHeader.indexOf("SSN")).isEqualTo(accountsHeader.indexOf("Customer Name") + 1);
        assertThat(header(portfolio.payments().path())).containsExactlyElementsOf(FIELD_MAP.layout("payments").columns());
        assertThat(header(portfolio.notes().path())).containsExactlyElementsOf(FIELD_MAP.layout("notes").columns());

        assertThat(portfolio.promiseSnapshots()).extracting(GeneratedPortfolio.ExportFile::fileName)
                .containsExactly("promises_20260101.csv", "promises_20260105.csv", "promises_20260109.csv", "promises_20260113.csv",
                        "promises_20260115.csv");
        for (GeneratedPortfolio.ExportFile snapshot : portfolio.promiseSnapshots()) {
            assertThat(snapshot.export()).isEqualTo("promises");
            assertThat(header(snapshot.path())).containsExactlyElementsOf(FIELD_MAP.layout("promises").columns());
        }
        assertThat(portfolio.files()).containsExactly(portfolio.accounts(), portfolio.payments(), portfolio.notes());
        assertThat(portfolio.allFiles()).hasSize(8).containsSubsequence(portfolio.files()).containsAll(portfolio.promiseSnapshots());
    }

    @Test
    void theFieldMapRejectsExactlyTheRowsReportedMalformedAtTheLinesReported() throws IOException {
        for (GeneratedPortfolio.ExportFile file : portfolio.allFiles()) {
            ExportMapper mapper = FIELD_MAP.mapper(file.export());
            Set<String> rejected = new HashSet<>();
            long valid = 0;
            for (Row row : read(file.path())) {
                MappedRow mapped = mapper.map(new SourceRow(file.fileName(), row.startLine(), row.values()));
                if (mapped.isValid()) {
                    valid++;
                }
                for (Violation v : mapped.violations()) {
                    rejected.add(v.line() + "|" + v.column());
                }
            }
            Set<String> reported = new HashSet<>();
            portfolio.malformedIn(file).forEach(m -> reported.add(m.line() + "|" + m.column()));

            assertThat(rejected).as(file.fileName()).isEqualTo(reported);
            assertThat(valid).as(file.fileName()).isEqualTo(file.validRows());
            if (!file.export().equals("promises")) {
                assertThat((double) file.malformedRows() / file.rows()).as(file.fileName()).isBetween(0.005, 0.02);
            }
        }
        // a snapshot holds a few hundred rows, too few for the rate of each; all of them together hold it
        long promiseRows = portfolio.promiseSnapshots().stream().mapToLong(GeneratedPortfolio.ExportFile::rows).sum();
        long malformedPromiseRows = portfolio.promiseSnapshots().stream().mapToLong(GeneratedPortfolio.ExportFile::malformedRows).sum();
        assertThat((double) malformedPromiseRows / promiseRows).isBetween(0.003, 0.025);
        assertThat(portfolio.malformedRows()).extracting(GeneratedPortfolio.MalformedRow::column)
                .contains("Next Due Date", "Days Past Due", "Customer Number", "Past Due Amount", "VIN",
                        "Amount", "Received Date", "Contract Number", "Note Date", "Note Text",
                        "Promise Amount", "Promise Date", "Promise Entered At");
    }

    @Test
    void theLeaseWorksExportReaderSeesTheMalformedRowsWhereTheyAreReported() throws IOException {
        for (GeneratedPortfolio.ExportFile file : portfolio.allFiles()) {
            ExportMapper mapper = FIELD_MAP.mapper(file.export());
            Set<String> rejected = new HashSet<>();
            try (InputStream in = Files.newInputStream(file.path())) {
                long rows = new ExportReader(FIELD_MAP.layout(file.export())).read(file.fileName(), in,
                        row -> mapper.map(row).violations().forEach(v -> rejected.add(v.line() + "|" + v.column()))).rows();
                assertThat(rows).isEqualTo(file.rows());
            }
            Set<String> reported = new HashSet<>();
            portfolio.malformedIn(file).forEach(m -> reported.add(m.line() + "|" + m.column()));
            assertThat(rejected).as(file.fileName()).isEqualTo(reported);
        }
    }

    /**
     * A quoted value with a line break makes a record span lines. CSVParser.getCurrentLineNumber() after
     * reading a record is the line it ends on; the line it starts on is the count before reading it plus one.
     */
    @Test
    void aRowIsReportedAtTheLineItStartsOn() throws IOException {
        String content = Files.readString(portfolio.notes().path());
        List<Row> rows = read(portfolio.notes().path());

        long spanning = rows.stream().filter(r -> r.endLine() > r.startLine()).count();
        assertThat(spanning).isPositive();
        for (Row row : rows) {
            long breaksBefore = content.substring(0, (int) row.characterPosition()).chars().filter(c -> c == '\n').count();
            assertThat(row.startLine()).isEqualTo(breaksBefore + 1);
        }
        Row lastRow = rows.get(rows.size() - 1);
        assertThat(lastRow.startLine()).isGreaterThan(lastRow.recordNumber() + 1);
        for (GeneratedPortfolio.MalformedRow malformed : portfolio.malformedIn(portfolio.notes())) {
            assertThat(rows).anySatisfy(r -> assertThat(r.startLine()).isEqualTo(malformed.line()));
        }
    }

    @Test
    void thePortfolioLooksLikeCollectionsData() throws IOException {
        LeaseWorksMapping map = FIELD_MAP;
        Map<String, Integer> leasesPerCustomer = new HashMap<>();
        Set<String> buckets = new HashSet<>();
        boolean currencyFormatted = false;
        for (Row row : read(portfolio.accounts().path())) {
            MappedRow mapped = map.mapper("accounts").map(new SourceRow("accounts", row.startLine(), row.values()));
            if (!mapped.isValid()) {
                continue;
            }
            LeaseAccount lease = mapped.get("lease", LeaseAccount.class);
            leasesPerCustomer.merge(lease.customerId(), 1, Integer::sum);
            int dpd = lease.daysPastDue();
            buckets.add(dpd == 0 ? "0" : dpd <= 30 ? "1-30" : dpd <= 60 ? "31-60" : dpd <= 90 ? "61-90" : "90+");
            currencyFormatted |= row.values().get("Payoff Amount").startsWith("$");
            assertThat(row.values().get("SSN")).matches("9\\d{2}-\\d{2}-\\d{4}");
            assertThat(row.values().get("Driver License")).isNotBlank();
        }
        assertThat(leasesPerCustomer.values()).contains(1, 2, 3);
        Set<String> leaseColumns = new HashSet<>();
        map.layout("accounts").record("lease").orElseThrow().fields().forEach(f -> leaseColumns.add(f.column()));
        Map<String, Map<String, String>> customerColumns = new HashMap<>();
        for (Row row : read(portfolio.accounts().path())) {
            Map<String, String> customer = new LinkedHashMap<>(row.values());
            customer.keySet().removeIf(column -> leaseColumns.contains(column) && !column.equals("Customer Number"));
            Map<String, String> first = customerColumns.putIfAbsent(customer.get("Customer Number"), customer);
            if (first != null && !customer.get("Customer Number").isEmpty()) {
                assertThat(customer).as("the customer's columns repeat on each of its leases").isEqualTo(first);
            }
        }
        assertThat(buckets).containsExactlyInAnyOrder("0", "1-30", "31-60", "61-90", "90+");
        assertThat(currencyFormatted).isTrue();
        assertThat(portfolio.validCustomers()).isEqualTo(portfolio.customerIds().size()).isBetween(980L, 1_000L);
        assertThat(portfolio.leaseIds()).hasSize((int) portfolio.accounts().validRows());

        Map<String, BigDecimal> amounts = new HashMap<>();
        List<Payment> reversals = new ArrayList<>();
        for (Row row : read(portfolio.payments().path())) {
            MappedRow mapped = map.mapper("payments").map(new SourceRow("payments", row.startLine(), row.values()));
            if (mapped.isValid()) {
                Payment p = mapped.get("payment", Payment.class);
                amounts.put(p.paymentId(), p.amount());
                if (p.isReversal()) {
                    reversals.add(p);
                }
            }
        }
        assertThat(portfolio.payments().rows()).isGreaterThan(3L * portfolio.accounts().rows());
        assertThat(reversals).isNotEmpty().allSatisfy(r -> {
            assertThat(r.amount()).isNegative();
            if (amounts.containsKey(r.reversalOf())) {
                assertThat(r.amount().negate()).isEqualByComparingTo(amounts.get(r.reversalOf()));
            }
        });

        String notes = Files.readString(portfolio.notes().path(), StandardCharsets.UTF_8);
        assertThat(notes).contains("客户", "👍", "Núñez", "\"\"will pay Friday\"\", promised $").containsPattern("\"[^\"\r\n]*\n");
    }

    @Test
    void aVolumeRunCanSkipKeepingIds(@TempDir Path folder) {
        GeneratedPortfolio counted = PortfolioGenerator.seeded(42).accounts(200).withoutIdSets().writeTo(folder);

        assertThat(counted.leaseIds()).isEmpty();
        assertThat(counted.promises()).isEmpty();
        assertThat(counted.validCustomers()).isPositive();
        assertThat(counted.accounts().validRows()).isPositive();
        assertThat(counted.promiseOutcomes().total()).isPositive();
        assertThat(counted.promiseOutcomes()).isEqualTo(PortfolioGenerator.seeded(42).accounts(200).writeTo(folder).promiseOutcomes());
    }

    @Test
    void theLedgerJudgesEveryPromiseOfTheSnapshotsAsPlanned() throws IOException {
        Map<String, List<Payment>> payments = validPayments(portfolio);
        Map<LocalDate, Map<String, Promise>> snapshots = validSnapshots(portfolio);
        GeneratedPortfolio.PromiseOutcomes planned = portfolio.promiseOutcomes();

        for (boolean judgeEverySnapshotDay : List.of(false, true)) {
            Map<String, PromiseState> judged = replayThroughTheLedger(snapshots, payments, planned.judgeAsOf(), judgeEverySnapshotDay);

            Map<PromiseOutcome, Long> byStatus = new EnumMap<>(PromiseOutcome.class);
            judged.values().forEach(p -> byStatus.merge(PromiseOutcome.valueOf(p.status().name()), 1L, Long::sum));
            for (PromiseOutcome outcome : PromiseOutcome.values()) {
                byStatus.putIfAbsent(outcome, 0L);
            }
            assertThat(byStatus).as("judged every snapshot day: %s", judgeEverySnapshotDay).isEqualTo(planned.byOutcome());
            assertThat(judged.values().stream().filter(p -> p.amendedCount() > 0).count()).isEqualTo(planned.amended());
            for (PlannedPromise promise : portfolio.promises()) {
                PromiseState state = judged.get(LeaseLedger.promiseId(new Promise(promise.leaseId(), promise.amount(),
                        promise.promisedDate(), null, promise.enteredAt())));
                assertThat(state).as("%s entered %s", promise.leaseId(), promise.enteredAt()).isNotNull();
                assertThat(state.status().name()).as("%s", promise).isEqualTo(promise.outcome().name());
                assertThat(state.amount()).as("%s", promise).isEqualByComparingTo(promise.amount());
                assertThat(state.promisedDate()).as("%s", promise).isEqualTo(promise.promisedDate());
                assertThat(state.amendedCount()).as("%s", promise).isEqualTo(promise.amended() ? 1 : 0);
                assertThat(state.applications().keySet()).as("%s", promise).containsExactlyInAnyOrderElementsOf(promise.paymentIds());
            }
        }
        assertThat(portfolio.promises()).hasSize((int) planned.total());
    }

    @Test
    void thePromisesCoverEveryOutcomeAtTheShareOfDelinquentLeasesAsked() throws IOException {
        GeneratedPortfolio.PromiseOutcomes outcomes = portfolio.promiseOutcomes();
        List<PlannedPromise> promises = portfolio.promises();

        assertThat(outcomes.byOutcome()).allSatisfy((outcome, count) -> assertThat(count).as("%s", outcome).isGreaterThan(10));
        assertThat(outcomes.amended()).isGreaterThan(10).isEqualTo(promises.stream().filter(PlannedPromise::amended).count());
        assertThat(outcomes.replaced()).isGreaterThan(10).isEqualTo(promises.stream().filter(PlannedPromise::replaced).count());
        assertThat(promises.stream().filter(p -> p.replaced() && p.outcome() == PromiseOutcome.CANCELLED)).isNotEmpty();
        assertThat(promises.stream().filter(p -> p.replaced() && p.outcome() == PromiseOutcome.BROKEN)).isNotEmpty();
        assertThat(promises.stream().filter(p -> p.amended() && p.outcome() == PromiseOutcome.KEPT)).isNotEmpty();
        assertThat(outcomes.onMalformedLease())
                .isEqualTo(promises.stream().filter(p -> !portfolio.leaseIds().contains(p.leaseId())).count());

        Set<String> delinquent = new HashSet<>();
        for (Row row : read(portfolio.accounts().path())) {
            MappedRow mapped = FIELD_MAP.mapper("accounts").map(new SourceRow("accounts", row.startLine(), row.values()));
            if (mapped.isValid() && mapped.get("lease", LeaseAccount.class).daysPastDue() > 0) {
                delinquent.add(mapped.get("lease", LeaseAccount.class).leaseId());
            }
        }
        Set<String> withPromises = promises.stream().map(PlannedPromise::leaseId).filter(delinquent::contains).collect(Collectors.toSet());
        assertThat((double) withPromises.size() / delinquent.size()).isBetween(0.24, 0.36);
        assertThat(promises).filteredOn(p -> portfolio.leaseIds().contains(p.leaseId()))
                .allSatisfy(p -> assertThat(delinquent).as("only a delinquent lease gets promises").contains(p.leaseId()));
    }

    @Test
    void aPromisesPaymentsAreRowsOfThePaymentsExportWithinItsWindow() throws IOException {
        Map<String, Payment> byId = new HashMap<>();
        validPayments(portfolio).values().forEach(list -> list.forEach(p -> byId.put(p.paymentId(), p)));
        ZoneId chicago = ZoneId.of("America/Chicago");

        for (PlannedPromise promise : portfolio.promises()) {
            LocalDate madeOn = LocalDate.ofInstant(promise.enteredAt(), chicago);
            BigDecimal paid = BigDecimal.ZERO;
            for (String id : promise.paymentIds()) {
                Payment payment = byId.get(id);
                assertThat(payment).as("payment %s of %s", id, promise).isNotNull();
                assertThat(payment.leaseId()).isEqualTo(promise.leaseId());
                assertThat(payment.receivedDate()).as("%s", promise)
                        .isBetween(madeOn, promise.promisedDate().plusDays(2))
                        .isBeforeOrEqualTo(PortfolioGenerator.DEFAULT_EXPORT_DATE);
                paid = paid.add(payment.amount());
            }
            switch (promise.outcome()) {
                case KEPT -> assertThat(paid).as("%s", promise).isEqualByComparingTo(promise.amount());
                case PARTIALLY_KEPT -> assertThat(paid).as("%s", promise).isPositive().isLessThan(promise.amount().subtract(BigDecimal.ONE));
                default -> assertThat(promise.paymentIds()).as("%s", promise).isEmpty();
            }
        }
    }

    @Test
    void promiseRowsAreWrittenAsLeaseWorksWritesThem() throws IOException {
        Set<String> leasesWithPromises = portfolio.promises().stream().map(PlannedPromise::leaseId).collect(Collectors.toSet());
        for (GeneratedPortfolio.ExportFile snapshot : portfolio.promiseSnapshots()) {
            Set<Long> malformedLines = new HashSet<>();
            portfolio.malformedIn(snapshot).forEach(m -> malformedLines.add(m.line()));
            Set<String> leases = new HashSet<>();
            for (Row row : read(snapshot.path())) {
                String lease = row.values().get("Contract Number");
                if (malformedLines.contains(row.startLine())) {
                    // a malformed row never hides a promise: it is an extra row of a lease without any
                    assertThat(leasesWithPromises).doesNotContain(lease);
                    continue;
                }
                assertThat(leases.add(lease)).as("%s lists %s once", snapshot.fileName(), lease).isTrue();
                assertThat(row.values().get("Promise Entered At")).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
                assertThat(row.values().get("Promise Date")).matches("\\d{2}/\\d{2}/\\d{4}");
            }
            assertThat(leases).as(snapshot.fileName()).isNotEmpty().isSubsetOf(leasesWithPromises);
        }
    }

    /**
     * Reads the snapshots in date order into one ledger per lease, as the promise ingest does, then judges as
     * of {@code asOf}; optionally judges as of each snapshot day on the way, as a nightly judgement would.
     */
    private static Map<String, PromiseState> replayThroughTheLedger(Map<LocalDate, Map<String, Promise>> snapshots,
                                                                   Map<String, List<Payment>> payments, LocalDate asOf,
                                                                   boolean judgeEverySnapshotDay) {
        Instant now = Instant.parse("2026-02-01T00:00:00Z");
        Map<String, LeaseLedger> ledgers = new TreeMap<>();
        snapshots.forEach((day, current) -> {
            current.forEach((lease, promise) -> ledgers.computeIfAbsent(lease, l -> LeaseLedger.of(l, List.of(), LedgerRules.DEFAULT, now)));
            ledgers.forEach((lease, ledger) -> {
                List<Payment> paid = payments.getOrDefault(lease, List.of());
                if (current.containsKey(lease)) {
                    ledger.promiseSeen(current.get(lease), day, paid);
                } else {
                    ledger.noPromiseSeen(day, paid);
                }
                if (judgeEverySnapshotDay) {
                    ledger.judge(day, paid);
                }
            });
        });
        Map<String, PromiseState> judged = new HashMap<>();
        ledgers.forEach((lease, ledger) -> {
            ledger.judge(asOf, payments.getOrDefault(lease, List.of()));
            ledger.promises().forEach(p -> judged.put(p.promiseId(), p));
        });
        return judged;
    }

    private static Map<String, List<Payment>> validPayments(GeneratedPortfolio portfolio) throws IOException {
        Map<String, List<Payment>> byLease = new HashMap<>();
        for (Row row : read(portfolio.payments().path())) {
            MappedRow mapped = FIELD_MAP.mapper("payments").map(new SourceRow("payments", row.startLine(), row.values()));
            if (mapped.isValid()) {
                Payment p = mapped.get("payment", Payment.class);
                byLease.computeIfAbsent(p.leaseId(), l -> new ArrayList<>()).add(p);
            }
        }
        return byLease;
    }

    /** Each snapshot's valid rows by lease, in snapshot date order. */
    private static Map<LocalDate, Map<String, Promise>> validSnapshots(GeneratedPortfolio portfolio) throws IOException {
        Map<LocalDate, Map<String, Promise>> snapshots = new TreeMap<>();
        for (GeneratedPortfolio.ExportFile file : portfolio.promiseSnapshots()) {
            LocalDate day = LocalDate.parse(file.fileName().substring("promises_".length(), "promises_".length() + 8),
                    DateTimeFormatter.BASIC_ISO_DATE);
            Map<String, Promise> current = new HashMap<>();
            for (Row row : read(file.path())) {
                MappedRow mapped = FIELD_MAP.mapper("promises").map(new SourceRow(file.fileName(), row.startLine(), row.values()));
                if (mapped.isValid()) {
                    Promise promise = mapped.get("promise", Promise.class);
                    assertThat(current.put(promise.leaseId(), promise)).as("one current promise per lease").isNull();
                }
            }
            snapshots.put(day, current);
        }
        return snapshots;
    }

    record Row(long startLine, long endLine, long recordNumber, long characterPosition, Map<String, String> values) {
    }

    /** Reads an export the way an ingest route would, noting where each record starts. */
    static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            long endOfPrevious = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                Map<String, String> values = new LinkedHashMap<>(record.toMap());
                rows.add(new Row(endOfPrevious + 1, parser.getCurrentLineNumber(), record.getRecordNumber(),
                        record.getCharacterPosition(), values));
                endOfPrevious = parser.getCurrentLineNumber();
            }
        }
        return rows;
    }

    private static List<String> header(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
            return parser.getHeaderNames();
        }
    }

    private static List<String> with(Set<String> columns, String... extra) {
        List<String> all = new ArrayList<>(columns);
        all.addAll(List.of(extra));
        return all;
    }
}
