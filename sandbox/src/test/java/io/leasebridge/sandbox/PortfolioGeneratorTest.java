package io.leasebridge.sandbox;

import io.leasebridge.connectors.leaseworks.ExportReader;
import io.leasebridge.mapping.ExportMapper;
import io.leasebridge.mapping.LeaseWorksMapping;
import io.leasebridge.mapping.MappedRow;
import io.leasebridge.mapping.SourceRow;
import io.leasebridge.mapping.Violation;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Payment;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

        for (int i = 0; i < 3; i++) {
            Path one = first.files().get(i).path();
            assertThat(Files.mismatch(one, second.files().get(i).path())).as(one.getFileName().toString()).isEqualTo(-1L);
            assertThat(Files.mismatch(one, other.files().get(i).path())).isNotEqualTo(-1L);
        }
        assertThat(second).usingRecursiveComparison().ignoringFields("folder", "accounts.path", "payments.path", "notes.path")
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
    }

    @Test
    void theFieldMapRejectsExactlyTheRowsReportedMalformedAtTheLinesReported() throws IOException {
        for (GeneratedPortfolio.ExportFile file : portfolio.files()) {
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
            assertThat((double) file.malformedRows() / file.rows()).as(file.fileName()).isBetween(0.005, 0.02);
        }
        assertThat(portfolio.malformedRows()).extracting(GeneratedPortfolio.MalformedRow::column)
                .contains("Next Due Date", "Days Past Due", "Customer Number", "Past Due Amount", "VIN",
                        "Amount", "Received Date", "Contract Number", "Note Date", "Note Text");
    }

    @Test
    void theLeaseWorksExportReaderSeesTheMalformedRowsWhereTheyAreReported() throws IOException {
        for (GeneratedPortfolio.ExportFile file : portfolio.files()) {
            ExportMapper mapper = FIELD_MAP.mapper(file.export());
            Set<String> rejected = new HashSet<>();
            try (InputStream in = Files.newInputStream(file.path())) {
                long rows = new ExportReader(FIELD_MAP.layout(file.export())).read(file.fileName(), in,
                        row -> mapper.map(row).violations().forEach(v -> rejected.add(v.line() + "|" + v.column())));
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
        assertThat(counted.validCustomers()).isPositive();
        assertThat(counted.accounts().validRows()).isPositive();
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
