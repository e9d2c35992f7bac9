package io.leasebridge.sandbox;

import io.leasebridge.mapping.LeaseWorksMapping;
import io.leasebridge.sandbox.GeneratedPortfolio.PlannedPromise;
import io.leasebridge.sandbox.GeneratedPortfolio.PromiseOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes a deterministic LeaseWorks portfolio as the export files LeaseBridge ingests:
 * {@code accounts_<yyyyMMdd>.csv} (one row per lease, the customer's columns repeated),
 * {@code payments_<yyyyMMdd>.csv}, {@code notes_<yyyyMMdd>.csv}, and promise snapshots
 * {@code promises_<yyyyMMdd>.csv} taken 14, 10, 6 and 2 days before the export date and on it.
 *
 * <p>The same seed, size and export date give byte-identical files. Column names come from the field
 * map ({@code config/mappings/leaseworks.yml} unless another is given); the accounts export also carries
 * {@code SSN} and {@code Driver License} columns with fake values that LeaseBridge must ignore. The
 * content is what collections data looks like: customers with two or three leases, days past due across
 * 0, 1-30, 31-60, 61-90 and 90+, money sometimes written {@code $1,234.50}, payments with reversals
 * (negative amount, {@code Reversal Of} naming the payment), notes in several scripts with emoji, commas,
 * quotes and line breaks inside quoted values. About one row in a hundred per file is malformed in a way
 * the field map rejects; {@link GeneratedPortfolio#malformedRows()} says where.
 *
 * <p>A promise snapshot lists every lease's current promise on its day, as LeaseWorks keeps only that one.
 * About 30% of delinquent leases get promises, laid out across the snapshots and the payments export so that
 * the promise ledger must find each one kept, partially kept, broken, cancelled (gone from a snapshot before
 * its date, nothing paid), amended (same Entered At, other amount or date) or replaced (a newer Entered At
 * while it was open); {@link GeneratedPortfolio#promiseOutcomes()} counts them and
 * {@link GeneratedPortfolio#promises()} lists them. Rows the outcomes depend on are never made malformed: a
 * malformed promise row is an extra row for a lease without promises.
 *
 * <p>Rows are written as they are made, so a 100,000-account, million-payment portfolio needs little
 * memory; for such runs {@link #withoutIdSets()} also skips collecting the valid ids.
 *
 * <pre>{@code
 * GeneratedPortfolio portfolio = PortfolioGenerator.seeded(42).accounts(1_000).writeTo(inbox);
 * }</pre>
 */
public final class PortfolioGenerator {

    public static final int DEFAULT_ACCOUNTS = 1_000;
    public static final LocalDate DEFAULT_EXPORT_DATE = LocalDate.of(2026, 1, 15);
    public static final double DEFAULT_MALFORMED_RATE = 0.01;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.US);
    private static final DateTimeFormatter ENTERED_AT = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm", Locale.US);
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.US);
    /** LeaseWorks writes local times in the lessor's zone, as the field map says. */
    private static final ZoneId LESSOR_ZONE = ZoneId.of("America/Chicago");
    /** Days before the export date that the promise snapshots are taken, oldest first. */
    private static final int[] SNAPSHOT_DAYS_BEFORE_EXPORT = {14, 10, 6, 2, 0};
    /** The share of delinquent leases, in percent, that get promises. */
    private static final int LEASES_WITH_PROMISES_PERCENT = 30;
    /** Marks a payment row a promise counts on; not a column, so it never reaches the file. */
    private static final String COUNTS_FOR_PROMISE = "plan.promise";

    private final long seed;
    private final int accounts;
    private final LocalDate exportDate;
    private final double malformedRate;
    private final LeaseWorksMapping fieldMap;
    private final boolean keepIds;

    private PortfolioGenerator(long seed, int accounts, LocalDate exportDate, double malformedRate,
                               LeaseWorksMapping fieldMap, boolean keepIds) {
        this.seed = seed;
        this.accounts = accounts;
        this.exportDate = exportDate;
        this.malformedRate = malformedRate;
        this.fieldMap = fieldMap;
        this.keepIds = keepIds;
    }

    /** A generator of {@value #DEFAULT_ACCOUNTS} accounts exported on {@link #DEFAULT_EXPORT_DATE}, 1% malformed. */
    public static PortfolioGenerator seeded(long seed) {
        return new PortfolioGenerator(seed, DEFAULT_ACCOUNTS, DEFAULT_EXPORT_DATE, DEFAULT_MALFORMED_RATE, null, true);
    }

    /** How many customers to write; each has one to three leases. */
    public PortfolioGenerator accounts(int accounts) {
        if (accounts < 1) {
            throw new IllegalArgumentException("a portfolio has at least one account: " + accounts);
        }
        return new PortfolioGenerator(seed, accounts, exportDate, malformedRate, fieldMap, keepIds);
    }

    /** The day LeaseWorks ran the export: it names the files and anchors every date in them. */
    public PortfolioGenerator exportDate(LocalDate exportDate) {
        return new PortfolioGenerator(seed, accounts, exportDate, malformedRate, fieldMap, keepIds);
    }

    /** The share of rows in each file to make malformed (0 for none). */
    public PortfolioGenerator malformedRate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("a rate is between 0 and 1: " + rate);
        }
        return new PortfolioGenerator(seed, accounts, exportDate, rate, fieldMap, keepIds);
    }

    /** The field map whose column names the files use. */
    public PortfolioGenerator fieldMap(LeaseWorksMapping fieldMap) {
        return new PortfolioGenerator(seed, accounts, exportDate, malformedRate, fieldMap, keepIds);
    }

    /** Counts valid records without keeping their ids, for volume runs. */
    public PortfolioGenerator withoutIdSets() {
        return new PortfolioGenerator(seed, accounts, exportDate, malformedRate, fieldMap, false);
    }

    /**
     * The shipped field map: {@code <leasebridge.config.dir>/mappings/leaseworks.yml} when that system
     * property is set (the build sets it for tests), else {@code config/mappings/leaseworks.yml} in the
     * working directory or the nearest parent that has one.
     */
    public static LeaseWorksMapping shippedFieldMap() {
        String configDir = System.getProperty("leasebridge.config.dir");
        if (configDir != null && !configDir.isBlank()) {
            return LeaseWorksMapping.load(Path.of(configDir, "mappings", "leaseworks.yml"));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("config/mappings/leaseworks.yml");
            if (Files.isRegularFile(candidate)) {
                return LeaseWorksMapping.load(candidate);
            }
        }
        throw new IllegalStateException("no LeaseWorks field map found: set -Dleasebridge.config.dir or run inside the project");
    }

    /** Writes the export files into {@code folder} (created if missing), replacing files of the same names. */
    public GeneratedPortfolio writeTo(Path folder) {
        try {
            Files.createDirectories(folder);
            return new Run(folder, fieldMap == null ? shippedFieldMap() : fieldMap).write();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the portfolio into " + folder, e);
        }
    }

    /** One generation: the open files, the random streams and the tallies. */
    private final class Run {

        private final Path folder;
        private final Random random = new Random(seed);
        private final List<GeneratedPortfolio.MalformedRow> malformed = new ArrayList<>();
        private final ExportWriter accountsFile;
        private final ExportWriter paymentsFile;
        private final ExportWriter notesFile;
        private final List<ExportWriter> promiseFiles = new ArrayList<>();
        private final Random promiseRandom = new Random(seed ^ 0x9A0D15EL);
        private final Random fleetRandom = new Random(seed ^ 0xF1EE7L);
        private final List<FleetVehicle> fleet = new ArrayList<>();
        private final PromisePlanner planner;
        private final PromiseTally tally = new PromiseTally();
        /**
         * Snapshots have a few hundred rows where the other exports have thousands, too few for random draws to
         * give the rate; so after every {@code 1 / malformedRate} promise rows, one malformed row is due in that
         * snapshot, written on the next lease without promises, the defects taking turns across the snapshots.
         */
        private final int[] malformedPromiseRowsDue = new int[SNAPSHOT_DAYS_BEFORE_EXPORT.length];
        private final long promiseRowsPerMalformedRow = malformedRate == 0 ? Long.MAX_VALUE : Math.round(1 / malformedRate);
        private long promiseRowsWritten;
        private int malformedPromiseRows;
        private final Set<String> customerIds = new LinkedHashSet<>();
        private final Set<String> leaseIds = new LinkedHashSet<>();
        private final Set<String> paymentIds = new LinkedHashSet<>();
        private final Set<String> noteIds = new LinkedHashSet<>();
        private long validCustomers;
        private long paymentsWithoutLease;
        private long notesWithoutLease;
        private long leaseSequence;
        private long paymentSequence;
        private long noteSequence;

        Run(Path folder, LeaseWorksMapping map) throws IOException {
            this.folder = folder;
            String day = exportDate.format(FILE_DATE);
            Map<String, String> personal = new LinkedHashMap<>();
            personal.put("SSN", "customer.name");
            personal.put("Driver License", "extra.SSN");
            accountsFile = new ExportWriter(map.layout("accounts"), folder.resolve("accounts_" + day + ".csv"), personal,
                    List.of(new ExportWriter.Defect("lease.nextDueDate", v -> "13/45/" + exportDate.getYear(), "not a date"),
                            new ExportWriter.Defect("lease.daysPastDue", v -> "thirty", "text in a whole number"),
                            new ExportWriter.Defect("customer.customerId", v -> "", "required value blank"),
                            new ExportWriter.Defect("lease.pastDueAmount", v -> "12.345", "money with three decimals"),
                            new ExportWriter.Defect("lease.vin", v -> v.length() == 17 ? v.substring(0, 8) + "O" + v.substring(9) : "VIN?", "VIN with a letter VINs never use")),
                    new Random(seed ^ 0xACC0L), malformedRate, malformed);
            paymentsFile = new ExportWriter(map.layout("payments"), folder.resolve("payments_" + day + ".csv"), Map.of(),
                    List.of(new ExportWriter.Defect("payment.amount", v -> "12.345", "money with three decimals"),
                            new ExportWriter.Defect("payment.receivedDate", v -> "13/45/" + exportDate.getYear(), "not a date"),
                            new ExportWriter.Defect("payment.leaseId", v -> "", "required value blank")),
                    new Random(seed ^ 0xBA11L), malformedRate, malformed);
            notesFile = new ExportWriter(map.layout("notes"), folder.resolve("notes_" + day + ".csv"), Map.of(),
                    List.of(new ExportWriter.Defect("note.notedAt", v -> "13/45/" + exportDate.getYear() + " 09:30:00", "not a date and time"),
                            new ExportWriter.Defect("note.leaseId", v -> "", "required value blank"),
                            new ExportWriter.Defect("note.text", v -> "", "required value blank")),
                    new Random(seed ^ 0x0707L), malformedRate, malformed);
            List<LocalDate> snapshotDays = new ArrayList<>();
            for (int k = 0; k < SNAPSHOT_DAYS_BEFORE_EXPORT.length; k++) {
                LocalDate snapshot = exportDate.minusDays(SNAPSHOT_DAYS_BEFORE_EXPORT[k]);
                snapshotDays.add(snapshot);
                int year = snapshot.getYear();
                List<ExportWriter.Defect> defects = List.of(
                        new ExportWriter.Defect("promise.amount", v -> "0.00", "amount below the 0.01 minimum"),
                        new ExportWriter.Defect("promise.promisedDate", v -> "13/45/" + year, "not a date"),
                        new ExportWriter.Defect("promise.enteredAt", v -> "", "required value blank"),
                        new ExportWriter.Defect("promise.leaseId", v -> "", "required value blank"),
                        new ExportWriter.Defect("promise.enteredAt", v -> "13/45/" + year + " 09:30", "not a date and time"));
                promiseFiles.add(new ExportWriter(map.layout("promises"), folder.resolve("promises_" + snapshot.format(FILE_DATE) + ".csv"),
                        Map.of(), defects, new Random(seed ^ (0x9A0D0L + k)), malformedRate, malformed));
            }
            planner = new PromisePlanner(promiseRandom, exportDate, snapshotDays);
        }

        GeneratedPortfolio write() throws IOException {
            try (accountsFile; paymentsFile; notesFile; ExportWriter.Group snapshots = new ExportWriter.Group(promiseFiles)) {
                for (int c = 1; c <= accounts; c++) {
                    customer(c);
                }
            }
            return new GeneratedPortfolio(folder, accountsFile.summary(), paymentsFile.summary(), notesFile.summary(),
                    promiseFiles.stream().map(ExportWriter::summary).toList(),
                    validCustomers, Collections.unmodifiableSet(customerIds), Collections.unmodifiableSet(leaseIds),
                    Collections.unmodifiableSet(paymentIds), Collections.unmodifiableSet(noteIds),
                    paymentsWithoutLease, notesWithoutLease, tally.outcomes(exportDate), tally.promises(),
                    List.copyOf(malformed), List.copyOf(fleet));
        }

        private void customer(int number) throws IOException {
            Map<String, String> customer = Fakes.customer(random, String.format("C-%06d", number));
            int leases = pick(new int[]{1, 2, 3}, new int[]{70, 22, 8});
            boolean anyValid = false;
            for (int l = 0; l < leases; l++) {
                anyValid |= lease(customer);
            }
            if (anyValid) {
                validCustomers++;
                keep(customerIds, customer.get("customer.customerId"));
            }
        }

        /** One lease: its payments first (the lease row shows the last of them), then its row, payments and notes. */
        private boolean lease(Map<String, String> customer) throws IOException {
            String leaseId = String.format("L-%07d", ++leaseSequence);
            int daysPastDue = daysPastDue();
            BigDecimal monthly = money(249, 899);
            LocalDate lastPaid = exportDate.minusDays(daysPastDue + 1 + random.nextInt(20));
            List<Map<String, String>> payments = payments(leaseId, monthly, lastPaid);
            // every payment so far is on or before lastPaid, so none counts towards a promise made after it
            List<PromisePlanner.Promised> promises = daysPastDue > 0 && promiseRandom.nextInt(100) < LEASES_WITH_PROMISES_PERCENT
                    ? planner.plan(lastPaid.plusDays(1), monthly)
                    : List.of();
            List<List<String>> promisePaymentIds = new ArrayList<>();
            for (PromisePlanner.Promised promise : promises) {
                List<String> ids = new ArrayList<>();
                for (PromisePlanner.Paid paid : promise.payments()) {
                    Map<String, String> payment = payment(leaseId, promiseAmount(paid.amount()), paid.date(),
                            Fakes.pick(promiseRandom, Fakes.METHODS), "");
                    payment.put(COUNTS_FOR_PROMISE, "yes");
                    payments.add(payment);
                    ids.add(payment.get("payment.paymentId"));
                }
                promisePaymentIds.add(ids);
            }
            if (!promises.isEmpty()) {
                payments.sort(Comparator.comparing(p -> LocalDate.parse(p.get("payment.receivedDate"), DATE)));
            }

            Map<String, String> row = new HashMap<>(customer);
            row.put("lease.leaseId", leaseId);
            row.put("lease.customerId", customer.get("customer.customerId"));
            row.put("lease.status", status(daysPastDue));
            row.put("lease.nextDueDate", (daysPastDue == 0 ? exportDate.plusDays(1 + random.nextInt(30))
                    : exportDate.minusDays(daysPastDue)).format(DATE));
            row.put("lease.daysPastDue", Integer.toString(daysPastDue));
            int monthsBehind = (daysPastDue + 29) / 30;
            row.put("lease.pastDueAmount", amount(monthly.multiply(BigDecimal.valueOf(monthsBehind))));
            row.put("lease.lateFees", monthsBehind == 0 ? (random.nextBoolean() ? "" : "0.00")
                    : amount(BigDecimal.valueOf(25L * Math.min(monthsBehind, 6))));
            row.put("lease.payoffBalance", amount(money(3_000, 42_000)));
            row.put("lease.paymentsMade", Integer.toString(payments.size() + random.nextInt(36)));
            Map<String, String> last = lastStanding(payments);
            row.put("lease.lastPaymentDate", last == null ? "" : last.get("payment.receivedDate"));
            row.put("lease.lastPaymentAmount", last == null ? "" : last.get("payment.amount"));
            row.put("lease.collector", daysPastDue == 0 ? "" : Fakes.pick(random, Fakes.COLLECTORS));
            String vin = Fakes.vin(random);
            row.put("lease.vin", vin);
            GpsGaraging.fill(row, leaseId, seed);

            boolean leaseValid = accountsFile.write(row);
            if (leaseValid) {
                keep(leaseIds, leaseId);
            }
            if (keepIds) {
                fleet.add(FleetVehicle.of(vin, leaseId, leaseValid, daysPastDue, leaseSequence, fleetRandom));
            }
            for (Map<String, String> payment : payments) {
                boolean valid = payment.containsKey(COUNTS_FOR_PROMISE) ? paymentsFile.writeValid(payment) : paymentsFile.write(payment);
                if (valid) {
                    keep(paymentIds, payment.get("payment.paymentId"));
                    paymentsWithoutLease += leaseValid ? 0 : 1;
                }
            }
            int notes = daysPastDue == 0 ? random.nextInt(2) : 1 + random.nextInt(4);
            List<LocalDateTime> times = new ArrayList<>();
            for (int n = 0; n < notes; n++) {
                times.add(exportDate.minusDays(random.nextInt(60)).atTime(8 + random.nextInt(11), random.nextInt(60), random.nextInt(60)));
            }
            times.sort(null);
            for (LocalDateTime at : times) {
                Map<String, String> note = new HashMap<>();
                String noteId = String.format("N-%08d", ++noteSequence);
                note.put("note.noteId", noteId);
                note.put("note.leaseId", leaseId);
                note.put("note.author", random.nextInt(10) == 0 ? "SYSTEM" : Fakes.pick(random, Fakes.COLLECTORS));
                note.put("note.notedAt", at.format(DATE_TIME));
                note.put("note.text", Fakes.noteText(random, monthly, at.toLocalDate().plusDays(3).format(DATE)));
                if (notesFile.write(note)) {
                    keep(noteIds, noteId);
                    notesWithoutLease += leaseValid ? 0 : 1;
                }
            }
            List<String> takenBy = promiseRows(leaseId, monthly, row.get("lease.collector"), promises);
            for (int i = 0; i < promises.size(); i++) {
                tally.add(leaseId, promises.get(i), promisePaymentIds.get(i), leaseValid, keepIds, takenBy.get(i));
            }
            return leaseValid;
        }

        /**
         * The lease's row in each promise snapshot: its current promise, if it has one that day. A lease
         * without promises takes the malformed rows that fell due, so that no promise is lost to one.
         *
         * @return the collector who took each promise: the row's "entered by", or the lease's collector when it is blank
         */
        private List<String> promiseRows(String leaseId, BigDecimal monthly, String collector, List<PromisePlanner.Promised> promises)
                throws IOException {
            List<String> enteredBy = new ArrayList<>();
            for (int i = 0; i < promises.size(); i++) {
                int who = promiseRandom.nextInt(20);
                enteredBy.add(who == 0 ? "" : who <= 2 ? Fakes.pick(promiseRandom, Fakes.COLLECTORS) : collector);
            }
            for (int k = 0; k < promiseFiles.size(); k++) {
                ExportWriter file = promiseFiles.get(k);
                for (int i = 0; i < promises.size(); i++) {
                    PromisePlanner.Terms terms = promises.get(i).shown()[k];
                    if (terms != null) {
                        file.writeValid(promiseRow(leaseId, promiseAmount(terms.amount()), terms.promisedDate(), enteredBy.get(i),
                                promises.get(i).enteredAt()));
                        malformedPromiseRowsDue[k] += ++promiseRowsWritten % promiseRowsPerMalformedRow == 0 ? 1 : 0;
                    }
                }
                if (promises.isEmpty() && malformedPromiseRowsDue[k] > 0) {
                    LocalDate snapshot = exportDate.minusDays(SNAPSHOT_DAYS_BEFORE_EXPORT[k]);
                    // drawn from no random stream, so that the malformed rate leaves every promise as it is
                    file.writeMalformed(promiseRow(leaseId, plain(monthly), snapshot.plusDays(5), collector,
                            snapshot.minusDays(1).atTime(10, 15)), malformedPromiseRows++);
                    malformedPromiseRowsDue[k]--;
                }
            }
            return enteredBy.stream().map(who -> who.isEmpty() ? collector : who).toList();
        }

        private Map<String, String> promiseRow(String leaseId, String amount, LocalDate promisedDate, String enteredBy,
                                               LocalDateTime enteredAt) {
            Map<String, String> row = new HashMap<>();
            row.put("promise.leaseId", leaseId);
            row.put("promise.amount", amount);
            row.put("promise.promisedDate", promisedDate.format(DATE));
            row.put("promise.enteredBy", enteredBy);
            row.put("promise.enteredAt", enteredAt.format(ENTERED_AT));
            return row;
        }

        /** Money as the promise and payment reports write it, plainly or as currency, drawn apart from the rest. */
        private String promiseAmount(BigDecimal value) {
            return promiseRandom.nextInt(5) < 3 ? plain(value) : "$" + grouped(value);
        }

        /** Three to eleven monthly payments up to the last one paid (about ten a customer), some partial, a few reversed by a later row. */
        private List<Map<String, String>> payments(String leaseId, BigDecimal monthly, LocalDate lastPaid) {
            List<Map<String, String>> payments = new ArrayList<>();
            int count = 3 + random.nextInt(9);
            for (int i = count - 1; i >= 0; i--) {
                LocalDate received = lastPaid.minusMonths(i).minusDays(i == 0 ? 0 : random.nextInt(4));
                BigDecimal paid = random.nextInt(8) == 0 ? monthly.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP) : monthly;
                String method = Fakes.pick(random, Fakes.METHODS);
                Map<String, String> payment = payment(leaseId, amount(paid), received, method, "");
                payments.add(payment);
                if (random.nextInt(25) == 0) {
                    String negative = switch (random.nextInt(3)) {
                        case 0 -> "-" + plain(paid);
                        case 1 -> "($" + grouped(paid) + ")";
                        default -> "-$" + grouped(paid);
                    };
                    payments.add(payment(leaseId, negative, received.plusDays(2 + random.nextInt(5)), method,
                            payment.get("payment.paymentId")));
                }
            }
            payments.sort(Comparator.comparing(p -> LocalDate.parse(p.get("payment.receivedDate"), DATE)));
            return payments;
        }

        private Map<String, String> payment(String leaseId, String amount, LocalDate received, String method, String reversalOf) {
            Map<String, String> payment = new HashMap<>();
            payment.put("payment.paymentId", String.format("P-%08d", ++paymentSequence));
            payment.put("payment.leaseId", leaseId);
            payment.put("payment.amount", amount);
            payment.put("payment.receivedDate", received.format(DATE));
            payment.put("payment.method", method);
            payment.put("payment.reversalOf", reversalOf);
            return payment;
        }

        /** The latest payment that no reversal undoes. */
        private Map<String, String> lastStanding(List<Map<String, String>> payments) {
            Set<String> reversed = new HashSet<>();
            payments.forEach(p -> reversed.add(p.get("payment.reversalOf")));
            for (int i = payments.size() - 1; i >= 0; i--) {
                Map<String, String> p = payments.get(i);
                if (p.get("payment.reversalOf").isEmpty() && !reversed.contains(p.get("payment.paymentId"))) {
                    return p;
                }
            }
            return null;
        }

        private int daysPastDue() {
            return switch (pick(new int[]{0, 1, 2, 3, 4}, new int[]{55, 18, 11, 7, 9})) {
                case 0 -> 0;
                case 1 -> 1 + random.nextInt(30);
                case 2 -> 31 + random.nextInt(30);
                case 3 -> 61 + random.nextInt(30);
                default -> 91 + random.nextInt(275);
            };
        }

        private String status(int daysPastDue) {
            if (daysPastDue == 0) {
                return "Active";
            }
            if (daysPastDue <= 90) {
                return "Delinquent";
            }
            return random.nextBoolean() ? "Repo Pending" : "Charged Off";
        }

        private BigDecimal money(int from, int to) {
            return BigDecimal.valueOf(from * 100L + random.nextInt((to - from) * 100), 2);
        }

        /** LeaseWorks writes money plainly or as currency, depending on the report. */
        private String amount(BigDecimal value) {
            return random.nextInt(5) < 3 ? plain(value) : "$" + grouped(value);
        }

        private int pick(int[] values, int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int r = random.nextInt(total);
            for (int i = 0; i < values.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }

        private void keep(Set<String> ids, String id) {
            if (keepIds) {
                ids.add(id);
            }
        }
    }

    /**
     * Lays out the promises of one delinquent lease across the snapshot days and the payments that count
     * for them, so that the promise ledger must come to a known outcome. It follows the ledger's rules
     * with the default settings: a payment counts from the day a promise is made to its promised date plus
     * {@value #GRACE_DAYS} grace days, first due first; a promise gone from a snapshot before its date with
     * nothing paid is cancelled, one gone later is judged by its payments; a newer promise makes the open
     * one disappear. Two promises of a lease never compete for one payment: a later promise's payments fall
     * after the earlier one is cancelled or past its deadline.
     */
    static final class PromisePlanner {

        static final int GRACE_DAYS = 2;

        /** What a snapshot shows of a promise. */
        record Terms(BigDecimal amount, LocalDate promisedDate) {
        }

        /** A payment that counts towards one promise. */
        record Paid(LocalDate date, BigDecimal amount) {
        }

        /**
         * One promise: when it was entered, what each snapshot shows of it ({@code shown[k]}, null when the
         * k-th snapshot does not list it), the payments that count for it and how the ledger must judge it.
         */
        record Promised(LocalDateTime enteredAt, Terms[] shown, List<Paid> payments, PromiseOutcome outcome,
                        boolean amended, boolean replaced) {

            Terms finalTerms() {
                Terms last = null;
                for (Terms terms : shown) {
                    last = terms == null ? last : terms;
                }
                return last;
            }
        }

        private enum Scenario { SINGLE, CANCELLED, AMENDED, REPLACED_BEFORE_DATE, REPLACED_AFTER_DATE }

        private final Random random;
        private final LocalDate exportDate;
        private final List<LocalDate> snapshots;

        PromisePlanner(Random random, LocalDate exportDate, List<LocalDate> snapshots) {
            this.random = random;
            this.exportDate = exportDate;
            this.snapshots = List.copyOf(snapshots);
        }

        /** The promises of a lease whose payments so far all came before {@code earliest}. */
        List<Promised> plan(LocalDate earliest, BigDecimal monthly) {
            Scenario scenario = switch (random.nextInt(100) / 10) {
                case 0, 1, 2, 3 -> Scenario.SINGLE;
                case 4 -> Scenario.CANCELLED;
                case 5, 6 -> Scenario.AMENDED;
                case 7 -> Scenario.REPLACED_BEFORE_DATE;
                default -> Scenario.REPLACED_AFTER_DATE;
            };
            PromiseOutcome outcome = judgedOutcome();
            List<Promised> plan = switch (scenario) {
                case SINGLE -> single(earliest, monthly, outcome);
                case CANCELLED -> cancelled(earliest, monthly);
                case AMENDED -> amended(earliest, monthly, outcome);
                case REPLACED_BEFORE_DATE -> replacedBeforeDate(earliest, monthly, outcome);
                case REPLACED_AFTER_DATE -> replacedAfterDate(earliest, monthly, outcome);
            };
            // a lease paid until lately leaves no room for some layouts; a single promise always fits
            return plan != null ? plan : single(earliest, monthly, outcome);
        }

        private PromiseOutcome judgedOutcome() {
            int r = random.nextInt(100);
            return r < 45 ? PromiseOutcome.KEPT : r < 65 ? PromiseOutcome.PARTIALLY_KEPT : PromiseOutcome.BROKEN;
        }

        /** Made before snapshot k, shown until its deadline has passed (and sometimes on, as LeaseWorks forgets to clear it). */
        private List<Promised> single(LocalDate earliest, BigDecimal monthly, PromiseOutcome outcome) {
            int k = firstSnapshot(earliest, snapshots.size() - 1);
            LocalDate entered = day(lowestEntered(k, earliest), snapshots.get(k));
            Terms terms = new Terms(amount(monthly), entered.plusDays(3 + random.nextInt(7)));
            return List.of(new Promised(at(entered), shownFrom(k, terms, -1, null), payments(outcome, terms.amount(), entered,
                    deadline(terms)), outcome, false, false));
        }

        /** Shown on one snapshot, gone from the next one before its date; nothing is paid. */
        private List<Promised> cancelled(LocalDate earliest, BigDecimal monthly) {
            int k = firstSnapshot(earliest, snapshots.size() - 2);
            if (k < 0) {
                return null;
            }
            LocalDate entered = day(lowestEntered(k, earliest), snapshots.get(k));
            Terms terms = new Terms(amount(monthly), snapshots.get(k + 1).plusDays(1 + random.nextInt(5)));
            Terms[] shown = new Terms[snapshots.size()];
            shown[k] = terms;
            return List.of(new Promised(at(entered), shown, List.of(), PromiseOutcome.CANCELLED, false, false));
        }

        /**
         * Shown on snapshot k, then from k + 1 with the same Entered At and another amount, date or both, while
         * it is open and not yet due. Its payments come after the amendment, so they meet the amended terms.
         */
        private List<Promised> amended(LocalDate earliest, BigDecimal monthly, PromiseOutcome outcome) {
            int k = firstSnapshot(earliest, snapshots.size() - (outcome == PromiseOutcome.BROKEN ? 2 : 3));
            if (k < 0) {
                return null;
            }
            LocalDate entered = day(lowestEntered(k, earliest), snapshots.get(k));
            LocalDate amendedOn = snapshots.get(k + 1);
            Terms first = new Terms(amount(monthly), max(entered.plusDays(3), amendedOn).plusDays(random.nextInt(6)));
            int change = random.nextInt(10);
            LocalDate date = change < 4 || change >= 7 ? first.promisedDate().plusDays(2 + random.nextInt(6)) : first.promisedDate();
            BigDecimal amount = first.amount();
            if (change >= 4) {
                amount = first.amount().multiply(BigDecimal.valueOf(60 + random.nextInt(81), 2)).setScale(0, RoundingMode.HALF_UP)
                        .max(BigDecimal.valueOf(100)).setScale(2, RoundingMode.UNNECESSARY);
                if (amount.compareTo(first.amount()) == 0) {
                    amount = amount.add(BigDecimal.valueOf(25));
                }
            }
            Terms last = new Terms(amount, date);
            return List.of(new Promised(at(entered), shownFrom(k, first, k + 1, last),
                    payments(outcome, last.amount(), amendedOn.plusDays(1), deadline(last)), outcome, true, false));
        }

        /** Replaced on the next snapshot before its date, nothing paid: cancelled; the newer one ends as planned. */
        private List<Promised> replacedBeforeDate(LocalDate earliest, BigDecimal monthly, PromiseOutcome outcome) {
            int k = firstSnapshot(earliest, snapshots.size() - (outcome == PromiseOutcome.BROKEN ? 2 : 3));
            if (k < 0) {
                return null;
            }
            LocalDate entered = day(lowestEntered(k, earliest), snapshots.get(k));
            LocalDate replacedOn = snapshots.get(k + 1);
            Terms[] shown = new Terms[snapshots.size()];
            shown[k] = new Terms(amount(monthly), replacedOn.plusDays(1 + random.nextInt(5)));
            Promised old = new Promised(at(entered), shown, List.of(), PromiseOutcome.CANCELLED, false, true);

            LocalDate newerEntered = day(snapshots.get(k).plusDays(1), replacedOn);
            Terms terms = new Terms(amount(monthly), newerEntered.plusDays(3 + random.nextInt(7)));
            Promised newer = new Promised(at(newerEntered), shownFrom(k + 1, terms, -1, null),
                    payments(outcome, terms.amount(), replacedOn.plusDays(1), deadline(terms)), outcome, false, false);
            return List.of(old, newer);
        }

        /**
         * Left unpaid past its date and still shown until a newer promise replaces it: broken. The newer one's
         * payments come after the old one's deadline, so none of them counts for the old one.
         */
        private List<Promised> replacedAfterDate(LocalDate earliest, BigDecimal monthly, PromiseOutcome outcome) {
            int k = firstSnapshot(earliest, snapshots.size() - 2);
            if (k < 0) {
                return null;
            }
            int replacedAt = Math.min(snapshots.size() - 1, k + 1 + random.nextInt(2));
            LocalDate entered = day(lowestEntered(k, earliest), snapshots.get(k));
            LocalDate latestDate = snapshots.get(replacedAt).minusDays(1);
            if (outcome != PromiseOutcome.BROKEN) {
                latestDate = min(latestDate, exportDate.minusDays(GRACE_DAYS + 1));
            }
            LocalDate earliestDate = max(entered.plusDays(3), snapshots.get(k));
            if (earliestDate.isAfter(latestDate)) {
                return null;
            }
            Terms oldTerms = new Terms(amount(monthly), day(earliestDate, latestDate));
            Terms[] shown = new Terms[snapshots.size()];
            for (int m = k; m < replacedAt; m++) {
                shown[m] = oldTerms;
            }
            Promised old = new Promised(at(entered), shown, List.of(), PromiseOutcome.BROKEN, false, true);

            LocalDate newerEntered = day(max(snapshots.get(replacedAt - 1), oldTerms.promisedDate()).plusDays(1), snapshots.get(replacedAt));
            Terms terms = new Terms(amount(monthly), newerEntered.plusDays(3 + random.nextInt(7)));
            Promised newer = new Promised(at(newerEntered), shownFrom(replacedAt, terms, -1, null),
                    payments(outcome, terms.amount(), max(newerEntered, deadline(oldTerms).plusDays(1)), deadline(terms)),
                    outcome, false, false);
            return List.of(old, newer);
        }

        /**
         * The snapshots of the lease's current promise from the k-th on: {@code first} terms, then {@code later}
         * from {@code changeAt}; after its deadline the row is cleared, or half the time left to the end.
         */
        private Terms[] shownFrom(int k, Terms first, int changeAt, Terms later) {
            Terms last = later == null ? first : later;
            boolean leftShowing = random.nextBoolean();
            Terms[] shown = new Terms[snapshots.size()];
            for (int m = k; m < snapshots.size(); m++) {
                if (!snapshots.get(m).isAfter(deadline(last)) || leftShowing) {
                    shown[m] = changeAt >= 0 && m >= changeAt ? later : first;
                }
            }
            return shown;
        }

        /**
         * Payments dated from {@code from} to the deadline (and no later than the export date) that keep the
         * promise, pay part of it, or none.
         */
        private List<Paid> payments(PromiseOutcome outcome, BigDecimal amount, LocalDate from, LocalDate deadline) {
            LocalDate to = min(deadline, exportDate);
            if (outcome == PromiseOutcome.BROKEN || outcome == PromiseOutcome.CANCELLED) {
                return List.of();
            }
            if (from.isAfter(to)) {
                throw new IllegalStateException("no day to pay a promise between " + from + " and " + to);
            }
            if (outcome == PromiseOutcome.PARTIALLY_KEPT) {
                return List.of(new Paid(day(from, to), share(amount, 25, 75)));
            }
            if (random.nextInt(3) > 0) {
                return List.of(new Paid(day(from, to), amount));
            }
            LocalDate firstDay = day(from, to);
            BigDecimal first = share(amount, 30, 70);
            return List.of(new Paid(firstDay, first), new Paid(day(firstDay, to), amount.subtract(first)));
        }

        private BigDecimal share(BigDecimal amount, int fromPercent, int toPercent) {
            return amount.multiply(BigDecimal.valueOf(fromPercent + random.nextInt(toPercent - fromPercent + 1), 2))
                    .setScale(2, RoundingMode.HALF_UP);
        }

        /** A random snapshot index up to {@code last} whose entry window lies after {@code earliest}; -1 if none. */
        private int firstSnapshot(LocalDate earliest, int last) {
            List<Integer> fitting = new ArrayList<>();
            for (int k = 0; k <= last; k++) {
                if (!lowestEntered(k, earliest).isAfter(snapshots.get(k))) {
                    fitting.add(k);
                }
            }
            return fitting.isEmpty() ? -1 : fitting.get(random.nextInt(fitting.size()));
        }

        /** A promise first shown on snapshot k was entered after the one before (up to 3 days before the first). */
        private LocalDate lowestEntered(int k, LocalDate earliest) {
            return max(k == 0 ? snapshots.get(0).minusDays(3) : snapshots.get(k - 1).plusDays(1), earliest);
        }

        private static LocalDate deadline(Terms terms) {
            return terms.promisedDate().plusDays(GRACE_DAYS);
        }

        /** What a collector gets promised: the monthly payment, a round part of it, or two months to catch up. */
        private BigDecimal amount(BigDecimal monthly) {
            int r = random.nextInt(4);
            if (r == 0) {
                return BigDecimal.valueOf(100 + 25L * random.nextInt(monthly.intValue() / 25 - 3)).setScale(2, RoundingMode.UNNECESSARY);
            }
            return r == 1 ? monthly.multiply(BigDecimal.valueOf(2)) : monthly;
        }

        private LocalDateTime at(LocalDate day) {
            return day.atTime(8 + random.nextInt(11), random.nextInt(60));
        }

        private LocalDate day(LocalDate from, LocalDate to) {
            return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
        }

        private static LocalDate max(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }

        private static LocalDate min(LocalDate a, LocalDate b) {
            return a.isBefore(b) ? a : b;
        }
    }

    /** Counts the planned promises by outcome and, when ids are kept, lists them. */
    private static final class PromiseTally {

        private final Map<PromiseOutcome, Long> byOutcome = new HashMap<>();
        private final List<PlannedPromise> promises = new ArrayList<>();
        private long amended;
        private long replaced;
        private long onMalformedLease;
        private LocalDate lastDeadline;

        void add(String leaseId, PromisePlanner.Promised promise, List<String> paymentIds, boolean leaseValid, boolean keep,
                 String takenBy) {
            byOutcome.merge(promise.outcome(), 1L, Long::sum);
            amended += promise.amended() ? 1 : 0;
            replaced += promise.replaced() ? 1 : 0;
            onMalformedLease += leaseValid ? 0 : 1;
            PromisePlanner.Terms terms = promise.finalTerms();
            LocalDate deadline = terms.promisedDate().plusDays(PromisePlanner.GRACE_DAYS);
            lastDeadline = lastDeadline == null || deadline.isAfter(lastDeadline) ? deadline : lastDeadline;
            if (keep) {
                promises.add(new PlannedPromise(leaseId, promise.enteredAt().atZone(LESSOR_ZONE).toInstant(), terms.amount(),
                        terms.promisedDate(), promise.outcome(), promise.amended(), promise.replaced(), List.copyOf(paymentIds),
                        takenBy));
            }
        }

        GeneratedPortfolio.PromiseOutcomes outcomes(LocalDate exportDate) {
            LocalDate judgeAsOf = lastDeadline == null || lastDeadline.isBefore(exportDate) ? exportDate : lastDeadline;
            return new GeneratedPortfolio.PromiseOutcomes(count(PromiseOutcome.KEPT), count(PromiseOutcome.PARTIALLY_KEPT),
                    count(PromiseOutcome.BROKEN), count(PromiseOutcome.CANCELLED), amended, replaced, onMalformedLease, judgeAsOf);
        }

        List<PlannedPromise> promises() {
            return Collections.unmodifiableList(promises);
        }

        private long count(PromiseOutcome outcome) {
            return byOutcome.getOrDefault(outcome, 0L);
        }
    }

    private static String plain(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String grouped(BigDecimal value) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(value);
    }

    /** Fake people, places and words; nothing here is real. */
    static final class Fakes {

        static final String[] COLLECTORS = {"Renée Dubois", "Jürgen Schmidt", "王芳", "Carlos Peña", "Aisha Khan",
                "Tom Baker", "Siobhán O'Neill", "Nguyễn Thảo"};
        static final String[] METHODS = {"ACH", "Card", "Cash", "Check", "Money Order", "Western Union"};

        private static final String[] FIRST = {"James", "María", "José", "Zoë", "François", "Søren", "Chloé", "Thảo",
                "Mary", "Robert", "Linda", "Michael", "Patricia", "DeShawn", "Aaliyah", "Mohammed", "Priya", "Wei",
                "Olga", "Ana", "Luis", "Jennifer", "Darnell", "Émilie", "Björn", "Yuki"};
        private static final String[] LAST = {"Smith", "Johnson", "García", "Martínez", "Núñez", "O'Brien", "Nguyễn",
                "Müller", "Kowalski", "Brown", "Davis", "Rodríguez", "López", "Hernández", "Lee", "Patel", "Washington",
                "Dubois", "Łukasiewicz", "Peña", "Okafor", "Tanaka", "Jones", "Williams"};
        private static final String[] STREETS = {"Maple", "Oak", "Cedar", "Elm", "Washington", "Lincoln", "Pine",
                "Lake", "Hill", "Sunset", "Mission", "Río Grande", "Park", "Main"};
        private static final String[] SUFFIXES = {"St", "Ave", "Blvd", "Rd", "Dr", "Ln", "Way", "Ct"};
        /** City, state, ZIP, area code, time zone. */
        private static final String[][] PLACES = {
                {"Chicago", "IL", "60614", "312", "America/Chicago"},
                {"Houston", "TX", "77002", "713", "America/Chicago"},
                {"San Antonio", "TX", "78205", "210", "America/Chicago"},
                {"Phoenix", "AZ", "85004", "602", "America/Phoenix"},
                {"Denver", "CO", "80202", "303", "America/Denver"},
                {"Cañon City", "CO", "81212", "719", "America/Denver"},
                {"Española", "NM", "87532", "505", "America/Denver"},
                {"Atlanta", "GA", "30303", "404", "America/New_York"},
                {"Miami", "FL", "33130", "305", "America/New_York"},
                {"Newark", "NJ", "07102", "973", "America/New_York"},
                {"Detroit", "MI", "48226", "313", "America/Detroit"},
                {"Los Angeles", "CA", "90012", "213", "America/Los_Angeles"},
                {"Seattle", "WA", "98101", "206", "America/Los_Angeles"},
                {"Anchorage", "AK", "99501", "907", "America/Anchorage"},
                {"Honolulu", "HI", "96813", "808", "Pacific/Honolulu"}};
        private static final String[] NOTES = {
                "Called customer, left voicemail.",
                "Customer said \"will pay Friday\", promised $%1$s on %2$s.",
                "Cliente prometió pagar el viernes; habló con la Sra. Núñez.",
                "客户承诺周五付款。已发送提醒短信。",
                "顧客は来週支払うと言いました",
                "Promise to pay $%1$s on %2$s 👍",
                "Spoke with customer.\nWill call back tomorrow after 5pm.",
                "Skip trace requested — no answer at home or mobile.",
                "Customer disputes late fee 🙁, escalated to supervisor Zoë.",
                "Vehicle at body shop; customer says \"insurance claim pending\".\nFollow up in 3 days.",
                "Müşteri ödeme planı istedi.",
                "Payment arrangement: $%1$s/wk × 4 — approved by Renée.",
                "Customer's employer changed, new number on file.",
                "Left message with spouse, asked for call back by %2$s."};
        private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        private static final String[] MAKERS = {"1HG", "1FT", "2T1", "3VW", "5YJ", "JHM", "KMH", "1C4", "WBA", "4T1", "1G1", "5NP"};
        private static final String YEARS = "FGHJKLMNPRS";

        private Fakes() {
        }

        static Map<String, String> customer(Random random, String customerId) {
            String first = pick(random, FIRST);
            String last = pick(random, LAST);
            String[] place = PLACES[random.nextInt(PLACES.length)];
            Map<String, String> c = new HashMap<>();
            c.put("customer.customerId", customerId);
            c.put("customer.name", switch (random.nextInt(10)) {
                case 0 -> last + ", " + first;
                case 1 -> last + " Trucking LLC";
                default -> first + " " + last;
            });
            c.put("customer.primaryPhone", phone(random, place[3]));
            c.put("customer.mobilePhone", random.nextInt(4) == 0 ? "" : phone(random, place[3]));
            c.put("customer.email", random.nextInt(6) == 0 ? ""
                    : ascii(first) + "." + ascii(last) + random.nextInt(100) + (random.nextBoolean() ? "@example.com" : "@example.net"));
            c.put("customer.street", (100 + random.nextInt(9900)) + " " + pick(random, STREETS) + " " + pick(random, SUFFIXES)
                    + (random.nextInt(5) == 0 ? ", Apt " + (1 + random.nextInt(40)) + (char) ('A' + random.nextInt(4)) : ""));
            c.put("customer.city", place[0]);
            c.put("customer.state", place[1]);
            c.put("customer.postalCode", random.nextInt(4) == 0 ? place[2] + "-" + String.format("%04d", random.nextInt(10_000)) : place[2]);
            c.put("customer.timeZone", place[4]);
            c.put("customer.doNotCall", random.nextInt(10) == 0 ? "Y" : "N");
            c.put("customer.doNotText", random.nextInt(8) == 0 ? "Y" : random.nextInt(5) == 0 ? "" : "N");
            c.put("customer.textConsent", random.nextInt(3) == 0 ? "N" : "Y");
            c.put("customer.emailConsent", random.nextBoolean() ? "Y" : "N");
            // personal data the export carries and LeaseBridge must never store; SSNs starting with 9 are never issued
            c.put("extra.SSN", String.format("9%02d-%02d-%04d", random.nextInt(100), 1 + random.nextInt(99), 1 + random.nextInt(9999)));
            c.put("extra.Driver License", Character.toString('A' + random.nextInt(26))
                    + String.format("%03d-%04d-%04d", random.nextInt(1000), random.nextInt(10_000), random.nextInt(10_000)));
            return c;
        }

        static String noteText(Random random, BigDecimal amount, String date) {
            return String.format(Locale.US, pick(random, NOTES), grouped(amount), date);
        }

        /** A VIN with a correct check digit (position 9), as FleetRock and title checks expect. */
        static String vin(Random random) {
            StringBuilder vin = new StringBuilder(pick(random, MAKERS));
            for (int i = 0; i < 5; i++) {
                vin.append(VIN_CHARS.charAt(random.nextInt(VIN_CHARS.length())));
            }
            vin.append('0');
            vin.append(YEARS.charAt(random.nextInt(YEARS.length())));
            vin.append(VIN_CHARS.charAt(random.nextInt(23)));
            vin.append(String.format("%06d", random.nextInt(1_000_000)));
            vin.setCharAt(8, checkDigit(vin));
            return vin.toString();
        }

        private static char checkDigit(CharSequence vin) {
            int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += transliterate(vin.charAt(i)) * weights[i];
            }
            int check = sum % 11;
            return check == 10 ? 'X' : (char) ('0' + check);
        }

        private static int transliterate(char c) {
            if (Character.isDigit(c)) {
                return c - '0';
            }
            return "12345678 12345 7 923456789".charAt(c - 'A') - '0';
        }

        private static String phone(Random random, String areaCode) {
            String line = String.format("%04d", 100 + random.nextInt(100));
            return switch (random.nextInt(3)) {
                case 0 -> "(" + areaCode + ") 555-" + line;
                case 1 -> areaCode + "-555-" + line;
                default -> areaCode + ".555." + line;
            };
        }

        private static String ascii(String name) {
            String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L");
            return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        }

        static String pick(Random random, String[] values) {
            return values[random.nextInt(values.length)];
        }
    }
}
