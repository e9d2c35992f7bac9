package io.leasebridge.sandbox;

import io.leasebridge.mapping.LeaseWorksMapping;

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
 * Writes a deterministic LeaseWorks portfolio as the three export files LeaseBridge ingests:
 * {@code accounts_<yyyyMMdd>.csv} (one row per lease, the customer's columns repeated),
 * {@code payments_<yyyyMMdd>.csv} and {@code notes_<yyyyMMdd>.csv}.
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
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.US);

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

    /** Writes the three files into {@code folder} (created if missing), replacing files of the same names. */
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
        }

        GeneratedPortfolio write() throws IOException {
            try (accountsFile; paymentsFile; notesFile) {
                for (int c = 1; c <= accounts; c++) {
                    customer(c);
                }
            }
            return new GeneratedPortfolio(folder, accountsFile.summary(), paymentsFile.summary(), notesFile.summary(),
                    validCustomers, Collections.unmodifiableSet(customerIds), Collections.unmodifiableSet(leaseIds),
                    Collections.unmodifiableSet(paymentIds), Collections.unmodifiableSet(noteIds),
                    paymentsWithoutLease, notesWithoutLease, List.copyOf(malformed));
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
            row.put("lease.vin", Fakes.vin(random));

            boolean leaseValid = accountsFile.write(row);
            if (leaseValid) {
                keep(leaseIds, leaseId);
            }
            for (Map<String, String> payment : payments) {
                if (paymentsFile.write(payment)) {
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
            return leaseValid;
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
