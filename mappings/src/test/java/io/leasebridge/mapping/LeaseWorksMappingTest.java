package io.leasebridge.mapping;

import io.leasebridge.model.CollectorNote;
import io.leasebridge.model.Customer;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Payment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The field-map engine driven by the shipped {@code config/mappings/leaseworks.yml}. */
class LeaseWorksMappingTest {

    private static final String ACCOUNTS_FILE = "accounts-20260301.csv";

    private static LeaseWorksMapping mapping;

    @BeforeAll
    static void loadShippedFieldMap() {
        mapping = LeaseWorksMapping.load(configDir().resolve("mappings/leaseworks.yml"));
    }

    // --- valid rows -------------------------------------------------------------------------------------

    @Test
    void aValidAccountsRowMapsToACustomerAndALease() {
        MappedRow row = mapping.mapper("accounts").map(accountsRow(7, Map.of()));

        assertThat(row.violations()).isEmpty();
        assertThat(row.isValid()).isTrue();
        assertThat(row.records()).containsOnlyKeys("customer", "lease");
        assertThat(row.get("customer", Customer.class)).isEqualTo(new Customer(
                "C-1001", "Dana Whitfield", "(312) 555-0100", null, "dana@example.com", "12 Elm St", "Chicago",
                "IL", "60601-1234", "America/Chicago", true, false, true, false,
                "LeaseWorks; not allowed for want of a value: Email Consent (blank)"));
        assertThat(row.get("lease", LeaseAccount.class)).isEqualTo(new LeaseAccount(
                "L-2001", "C-1001", "Active", LocalDate.of(2026, 4, 1), 12, new BigDecimal("1234.50"),
                new BigDecimal("25.00"), new BigDecimal("12000.00"), 7, LocalDate.of(2026, 2, 27), null, null,
                "1HGCM82633A004352", true, null, new BigDecimal("41.878113"), new BigDecimal("-87.629799")));
    }

    @Test
    void garagingCoordinatesAreDecimalsWithinTheirRangeNotMoney() {
        ExportMapper accounts = mapping.mapper("accounts");

        assertThat(accounts.map(accountsRow(4, Map.of("Garaging Latitude", "91.000000"))).violations())
                .extracting(Violation::field, Violation::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("garagingLatitude", "above the maximum of 90: 91.000000"));
        assertThat(accounts.map(accountsRow(5, Map.of("Garaging Longitude", "$87.62"))).violations())
                .extracting(Violation::field).containsExactly("garagingLongitude");
        assertThat(accounts.map(accountsRow(6, Map.of("Garaging Latitude", "41.1234567"))).violations())
                .extracting(Violation::reason).containsExactly("more than 6 decimals: '41.1234567'");
        assertThat(accounts.map(accountsRow(7, Map.of("GPS Disclosure", "N"))).get("lease", LeaseAccount.class).gpsDisclosure())
                .isFalse();
    }

    @Test
    void moneyCarriesCurrencyScale() {
        LeaseAccount lease = mapping.mapper("accounts").map(accountsRow(2, Map.of("Late Fees", "25"))).get("lease", LeaseAccount.class);

        assertThat(lease.lateFees()).isEqualTo(new BigDecimal("25.00")).hasScaleOf(2);
        assertThat(lease.pastDueAmount()).hasScaleOf(2);
    }

    @Test
    void blankOptionalValuesBecomeNullAndBlankContactPreferencesAllowNothing() {
        Map<String, String> blanks = new LinkedHashMap<>();
        for (String column : List.of("Home Phone", "Mobile Phone", "Email", "Address Line 1", "City", "State", "Zip",
                "Time Zone", "Do Not Call", "Do Not Text", "Text Consent", "Email Consent", "Next Due Date", "Late Fees",
                "Payoff Amount", "Last Payment Date", "Last Payment Amount", "Collector", "VIN", "GPS Disclosure", "Garaging State",
                "Garaging Latitude", "Garaging Longitude")) {
            blanks.put(column, "   ");
        }

        MappedRow row = mapping.mapper("accounts").map(accountsRow(3, blanks));

        assertThat(row.violations()).isEmpty();
        assertThat(row.get("customer", Customer.class)).isEqualTo(new Customer(
                "C-1001", "Dana Whitfield", null, null, null, null, null, null, null, null, true, true, false, false,
                "LeaseWorks; not allowed for want of a value: Do Not Call (blank), Do Not Text (blank), Text Consent (blank),"
                        + " Email Consent (blank)"));
        assertThat(row.get("lease", LeaseAccount.class)).isEqualTo(new LeaseAccount(
                "L-2001", "C-1001", "Active", null, 12, new BigDecimal("1234.50"), null, null, 7, null, null, null, null, null, null, null, null));
    }

    @Test
    void contactPreferencesReadAsGivenAreFromLeaseWorks() {
        Customer customer = mapping.mapper("accounts").map(accountsRow(2, Map.of("Do Not Call", "N", "Email Consent", "Yes")))
                .get("customer", Customer.class);

        assertThat(customer.doNotCall()).isFalse();
        assertThat(customer.doNotText()).isFalse();
        assertThat(customer.textConsent()).isTrue();
        assertThat(customer.emailConsent()).isTrue();
        assertThat(customer.preferenceSource()).isEqualTo("LeaseWorks");
    }

    @Test
    void anUnreadableDoNotCallMeansDoNotCallAndTheRowIsStillValid() {
        MappedRow row = mapping.mapper("accounts").map(accountsRow(2, Map.of("Do Not Call", "maybe", "Email Consent", "N")));

        assertThat(row.violations()).isEmpty();
        assertThat(row.get("customer", Customer.class).doNotCall()).isTrue();
        assertThat(row.get("customer", Customer.class).preferenceSource())
                .isEqualTo("LeaseWorks; not allowed for want of a value: Do Not Call (unreadable)")
                .doesNotContain("maybe");
    }

    @Test
    void aPreferenceTheMapMarksAbsentIsNotAllowedAndNeedsNoColumn() throws Exception {
        LeaseWorksMapping inline = read(customerMap("""
                      doNotCall:    { column: "DNC" }
                      doNotText:    { absent: true }
                      textConsent:  { column: "SMS OK" }
                      emailConsent: { absent: true }
                """));

        Customer customer = inline.mapper("accounts").map(new SourceRow("a.csv", 2, Map.of("Id", "C-1", "Name", "Dana",
                "DNC", "N", "SMS OK", "Y"))).get("customer", Customer.class);

        assertThat(customer.doNotCall()).isFalse();
        assertThat(customer.doNotText()).isTrue();
        assertThat(customer.textConsent()).isTrue();
        assertThat(customer.emailConsent()).isFalse();
        assertThat(customer.preferenceSource())
                .isEqualTo("LeaseWorks; not allowed for want of a value: doNotText (not exported), emailConsent (not exported)");
        assertThat(inline.layout("accounts").missingRequiredColumns(Set.of("Id", "Name", "SMS OK"))).containsExactly("DNC");
    }

    @Test
    void aMapThatLeavesOutAContactPreferenceStopsStartUpNamingIt() throws Exception {
        assertThatThrownBy(() -> read(customerMap("""
                      doNotCall:    { column: "DNC" }
                      textConsent:  { column: "SMS OK" }
                      emailConsent: { column: "Email OK" }
                """)))
                .isInstanceOf(MappingConfigException.class)
                .hasMessageStartingWith("inline.yml: exports.accounts.customer.doNotText is missing: a contact preference must name"
                        + " its column, or say 'absent: true'");
    }

    @Test
    void onlyAContactPreferenceMayBeMarkedAbsent() throws Exception {
        assertThatThrownBy(() -> read(customerMap("""
                      doNotCall:    { column: "DNC" }
                      doNotText:    { column: "DNT" }
                      textConsent:  { column: "SMS OK" }
                      emailConsent: { column: "Email OK" }
                      email:        { absent: true }
                """)))
                .isInstanceOf(MappingConfigException.class)
                .hasMessage("inline.yml: exports.accounts.customer.email: only a contact preference may be marked absent (it is then"
                        + " taken as not allowed); map a column or leave the field out");
    }

    @Test
    void anExportMayBeDatedByAColumnNamedInItsFileRulesAndABlankColumnNameStopsStartUp() throws Exception {
        String payments = """
                date-formats: [ "MM/dd/yyyy" ]
                exports:
                  payments:
                    payment:
                      paymentId: { column: "Payment ID" }
                files:
                  payments: { include: 'payments.*\\.csv', as-of-column: %s }
                """;

        LeaseWorksMapping dated = read(payments.formatted("\"Export Date\""));

        assertThat(dated.files("payments").dateColumn()).contains("Export Date");
        assertThat(dated.date("01/21/2026")).contains(LocalDate.of(2026, 1, 21));
        assertThat(dated.date("soon")).isEmpty();
        assertThat(mapping.files("payments").dateColumn()).as("the shipped map dates files by their names").isEmpty();
        assertThatThrownBy(() -> read(payments.formatted("\" \"")))
                .isInstanceOf(MappingConfigException.class)
                .hasMessageStartingWith("inline.yml: files.payments.as-of-column: the name of the column that dates the file");
    }

    @Test
    void theShippedAccountsExportNeedsItsContactPreferenceColumns() {
        Set<String> header = new HashSet<>(mapping.layout("accounts").columns());
        header.remove("Do Not Text");

        assertThat(mapping.layout("accounts").missingRequiredColumns(header)).containsExactly("Do Not Text");
    }

    @Test
    void aPaymentRowTakesAccountingNegativesAndShortDates() {
        MappedRow row = mapping.mapper("payments").map(new SourceRow("payments.csv", 2, Map.of(
                "Payment ID", "P-3001", "Contract Number", "L-2001", "Amount", "(12.00)",
                "Received Date", "3/5/2026", "Payment Method", "ACH", "Reversal Of", "P-3000")));

        assertThat(row.violations()).isEmpty();
        Payment payment = row.get("payment", Payment.class);
        assertThat(payment).isEqualTo(new Payment("P-3001", "L-2001", new BigDecimal("-12.00"),
                LocalDate.of(2026, 3, 5), "ACH", "P-3000"));
        assertThat(payment.isReversal()).isTrue();
    }

    @Test
    void aNoteDateWithoutZoneIsReadInTheFieldMapsZone() {
        MappedRow row = mapping.mapper("notes").map(new SourceRow("notes.csv", 9, Map.of(
                "Note ID", "N-4001", "Contract Number", "L-2001", "Entered By", "jsmith",
                "Note Date", "03/05/2026 14:30:00", "Note Text", "Promised to pay Friday.")));

        assertThat(row.violations()).isEmpty();
        // America/Chicago is on CST (UTC-6) until 8 March 2026.
        assertThat(row.get("note", CollectorNote.class)).isEqualTo(new CollectorNote(
                "N-4001", "L-2001", "jsmith", Instant.parse("2026-03-05T20:30:00Z"), "Promised to pay Friday."));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "1/5/2026 9:05     | 2026-01-05T15:05:00Z",
            "1/5/2026 9:05:30  | 2026-01-05T15:05:30Z",
            "12/31/2026 18:43  | 2027-01-01T00:43:00Z",
            "03/05/2026 14:30  | 2026-03-05T20:30:00Z"})
    void aNoteDateAsASpreadsheetWritesItBackWithoutLeadingZerosIsRead(String text, String instant) {
        MappedRow row = mapping.mapper("notes").map(new SourceRow("notes.csv", 2, Map.of(
                "Note ID", "N-1", "Contract Number", "L-1", "Note Date", text, "Note Text", "Called.")));

        assertThat(row.violations()).isEmpty();
        assertThat(row.get("note", CollectorNote.class).notedAt()).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest(name = "money \"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "$1,234.50 | 1234.50",
            "1234.5    | 1234.50",
            "(12.00)   | -12.00",
            "($12.00)  | -12.00",
            "-$5       | -5.00",
            "-12.00    | -12.00",
            ".5        | 0.50",
            "-.5       | -0.50",
            "12.340    | 12.34",
            "0         | 0.00",
            "-0        | 0.00",
            "1,234     | 1234.00",
    })
    void moneyFormatsLeaseWorksWrites(String text, String expected) {
        assertThat(parser().parse(text, BigDecimal.class)).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "\"{0}\" is not money")
    @CsvSource(delimiter = '|', value = {
            "12.345    | more than two decimals",
            "$1,23.00  | not an amount of money",
            "twelve    | not an amount of money",
            "1.2.3     | not an amount of money",
            "()        | not an amount of money",
            "12.       | not an amount of money",
            "-         | not an amount of money",
            "--5       | not an amount of money",
            "+5        | not an amount of money",
            "1 000     | not an amount of money",
            "١٢        | not an amount of money",
            "12.5e3    | not an amount of money",
    })
    void moneyRejectsWhatItCannotReadExactly(String text, String reason) {
        assertThatThrownBy(() -> parser().parse(text, BigDecimal.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason)
                .hasMessageContaining(text);
    }

    @Test
    void datesInEveryConfiguredFormat() {
        ValueParser parser = parser();

        assertThat(parser.parse("04/01/2026", LocalDate.class)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(parser.parse("4/1/2026", LocalDate.class)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(parser.parse("2026-04-01", LocalDate.class)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThatThrownBy(() -> parser.parse("13/45/2026", LocalDate.class))
                .hasMessage("not a date in MM/dd/yyyy or M/d/yyyy or yyyy-MM-dd: '13/45/2026'");
        assertThatThrownBy(() -> parser.parse("04/01/26", LocalDate.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFirstConfiguredFormatThatReadsADateWinsWhateverTheFormatOfTheDateBefore() {
        ValueParser parser = new ValueParser(List.of("MM/dd/yyyy", "dd/MM/yyyy"), List.of(), ZoneId.of("America/Chicago"));

        assertThat(parser.parse("25/12/2026", LocalDate.class)).as("only the second reads it").isEqualTo(LocalDate.of(2026, 12, 25));
        assertThat(parser.parse("03/04/2026", LocalDate.class)).as("both read it: the first listed wins")
                .isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(parser.parse("25/12/2026", LocalDate.class)).isEqualTo(LocalDate.of(2026, 12, 25));
        assertThatThrownBy(() -> parser.parse("02/30/2026", LocalDate.class)).as("a day no month has, in neither format")
                .hasMessage("not a date in MM/dd/yyyy or dd/MM/yyyy: '02/30/2026'");
    }

    @Test
    void aDateReadAgainIsTheSameAndAnImpossibleOneIsRefusedEveryTime() {
        ValueParser parser = parser();

        LocalDate first = (LocalDate) parser.parse("04/01/2026", LocalDate.class);
        assertThat(parser.parse("04/01/2026", LocalDate.class)).isEqualTo(first).isEqualTo(LocalDate.of(2026, 4, 1));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> parser.parse("02/30/2026", LocalDate.class))
                    .hasMessage("not a date in MM/dd/yyyy or M/d/yyyy or yyyy-MM-dd: '02/30/2026'");
        }
    }

    @Test
    void dateTimesInTheSecondConfiguredFormatAreReadAsInTheFirst() {
        ValueParser parser = new ValueParser(List.of("MM/dd/yyyy"), List.of("MM/dd/yyyy HH:mm:ss", "MM/dd/yyyy HH:mm"),
                ZoneId.of("America/Chicago"));

        assertThat(parser.parse("01/15/2026 18:43", Instant.class)).isEqualTo(Instant.parse("2026-01-16T00:43:00Z"));
        assertThat(parser.parse("01/15/2026 18:43:10", Instant.class)).isEqualTo(Instant.parse("2026-01-16T00:43:10Z"));
        assertThat(parser.parse("01/15/2026 18:44", Instant.class)).isEqualTo(Instant.parse("2026-01-16T00:44:00Z"));
        assertThat(parser.parse("2026-01-15T18:43:00Z", Instant.class)).isEqualTo(Instant.parse("2026-01-15T18:43:00Z"));
        assertThatThrownBy(() -> parser.parse("01/15/2026 25:00", Instant.class)).hasMessage("not a date and time: '01/15/2026 25:00'");
    }

    @Test
    void instantsWithAnOffsetKeepIt() {
        assertThat(parser().parse("2026-03-05T14:30:00-05:00", Instant.class)).isEqualTo(Instant.parse("2026-03-05T19:30:00Z"));
        assertThatThrownBy(() -> parser().parse("yesterday", Instant.class)).hasMessageContaining("'yesterday'");
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"Y,true", "y,true", "Yes,true", "TRUE,true", "1,true", "X,true", "N,false", "no,false", "False,false", "0,false"})
    void yesNo(String text, boolean expected) {
        assertThat(parser().parse(text, boolean.class)).isEqualTo(expected);
    }

    @Test
    void wholeNumbersAllowThousandsSeparatorsOnly() {
        assertThat(parser().parse("1,200", int.class)).isEqualTo(1200);
        assertThatThrownBy(() -> parser().parse("12.5", int.class)).hasMessage("not a whole number: '12.5'");
        assertThatThrownBy(() -> parser().parse("maybe", boolean.class)).hasMessage("not yes or no: 'maybe'");
    }

    @ParameterizedTest(name = "a long text that is no {0} is quoted by its beginning and length")
    @ValueSource(classes = {LocalDate.class, Instant.class, BigDecimal.class, int.class, boolean.class})
    void aLongValueIsQuotedInAReasonByItsBeginningAndItsLengthOnly(Class<?> type) {
        String text = "2026-01-01 " + "x".repeat(99_989);

        assertThatThrownBy(() -> parser().parse(text, type)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(": '2026-01-01 " + "x".repeat(29) + "…' (100,000 characters)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120));
    }

    @Test
    void aValueOfFortyCharactersIsQuotedWholeAndALongNumberIsCutShortLikeAText() {
        String forty = "1".repeat(39) + "x";
        assertThatThrownBy(() -> parser().parse(forty, BigDecimal.class)).hasMessage("not an amount of money: '" + forty + "'");
        assertThatThrownBy(() -> parser().decimal("9".repeat(50) + ".1234567", 6))
                .hasMessage("more than 6 decimals: '" + "9".repeat(40) + "…' (58 characters)");

        MappedRow row = mapping.mapper("accounts").map(accountsRow(42, Map.of("Past Due Amount", "1" + "0".repeat(99_999),
                "State", "Illinois".repeat(10))));

        assertThat(row.violations()).extracting(Violation::reason).containsExactly(
                "does not match [A-Za-z]{2}: 'IllinoisIllinoisIllinoisIllinoisIllinois…' (80 characters)",
                "more than 14 digits before the decimal point: 1" + "0".repeat(39) + "… (100,003 characters)");
    }

    // --- bad rows ---------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "Next Due Date    | 13/45/2026 | nextDueDate   | not a date in MM/dd/yyyy or M/d/yyyy or yyyy-MM-dd: '13/45/2026'",
            "Past Due Amount  | 12.345     | pastDueAmount | more than two decimals in an amount of money: '12.345'",
            "Days Past Due    | twelve     | daysPastDue   | not a whole number: 'twelve'",
            "Contract Status  | '  '       | status        | required value is blank",
            "State            | Illinois   | state         | does not match [A-Za-z]{2}: 'Illinois'",
            "Days Past Due    | -3         | daysPastDue   | below the minimum of 0: -3",
            "Late Fees        | (12.00)    | lateFees      | below the minimum of 0: -12.00",
    })
    void aBadValueIsAViolationNamingFileLineColumnAndField(String column, String value, String field, String reason) {
        MappedRow row = mapping.mapper("accounts").map(accountsRow(42, Map.of(column, value)));

        assertThat(row.isValid()).isFalse();
        assertThat(row.records()).isEmpty();
        assertThat(row.violations()).containsExactly(new Violation(ACCOUNTS_FILE, 42, column, field, reason));
    }

    @Test
    void aRowWithSeveralProblemsReportsEveryOne() {
        MappedRow row = mapping.mapper("accounts").map(accountsRow(17, Map.of(
                "Customer Name", "",
                "Email", "dana.example.com",
                "Next Due Date", "13/45/2026",
                "Past Due Amount", "$1,234.567",
                "Days Past Due", "-3",
                "Payments Made", "seven")));

        assertThat(row.records()).isEmpty();
        assertThat(row.violations())
                .allSatisfy(v -> {
                    assertThat(v.file()).isEqualTo(ACCOUNTS_FILE);
                    assertThat(v.line()).isEqualTo(17);
                    assertThat(v.reason()).isNotBlank();
                })
                .extracting(Violation::field, Violation::column)
                .containsExactly(
                        tuple("name", "Customer Name"),
                        tuple("email", "Email"),
                        tuple("nextDueDate", "Next Due Date"),
                        tuple("daysPastDue", "Days Past Due"),
                        tuple("pastDueAmount", "Past Due Amount"),
                        tuple("paymentsMade", "Payments Made"));
    }

    @Test
    void aBlankKeyShowsOnEveryRecordItFeeds() {
        MappedRow row = mapping.mapper("accounts").map(accountsRow(5, Map.of("Customer Number", "")));

        assertThat(row.violations()).extracting(Violation::field).containsExactly("customerId", "customerId");
        assertThat(row.violations()).extracting(Violation::reason).containsOnly("required value is blank");
    }

    @Test
    void junkInEveryColumnIsReportedNotThrown() {
        for (String export : List.of("accounts", "payments", "notes")) {
            ExportMapper mapper = mapping.mapper(export);
            for (String junk : List.of("%%%", "-", "()", "$", ",", "\u0000", "9".repeat(40), "(-)")) {
                Map<String, String> values = new LinkedHashMap<>();
                mapper.layout().columns().forEach(c -> values.put(c, junk));
                SourceRow row = new SourceRow(export + ".csv", 1, values);

                assertThatCode(() -> mapper.map(row)).as("%s with '%s'", export, junk).doesNotThrowAnyException();
                assertThat(mapper.map(row).violations()).as("%s with '%s'", export, junk).isNotEmpty();
            }
        }
    }

    @Test
    void anEmptyRowReportsEveryRequiredField() {
        MappedRow row = mapping.mapper("payments").map(new SourceRow("payments.csv", 3, Map.of()));

        assertThat(row.violations()).extracting(Violation::field)
                .containsExactly("paymentId", "leaseId", "amount", "receivedDate");
    }

    @Test
    void aViolationReadsAsOneSentence() {
        assertThat(new Violation("accounts.csv", 4, "Zip", "postalCode", "does not match [0-9]{5}: '6060'"))
                .hasToString("accounts.csv line 4, column 'Zip' (postalCode): does not match [0-9]{5}: '6060'");
    }

    // --- the layout -------------------------------------------------------------------------------------

    @Test
    void theShippedMapHasEveryExportAndReportsMissingRequiredColumns() {
        ExportLayout accounts = mapping.layout("accounts");

        assertThat(accounts.records()).extracting(RecordLayout::name).containsExactly("customer", "lease");
        assertThat(mapping.layout("payments").record("payment")).isPresent();
        assertThat(mapping.layout("notes").record("note")).isPresent();
        Set<String> header = new HashSet<>(accounts.columns());
        header.remove("Contract Status");
        header.remove("Collector");
        assertThat(accounts.missingRequiredColumns(header)).containsExactly("Contract Status");
        assertThatThrownBy(() -> mapping.mapper("vehicles"))
                .isInstanceOf(MappingConfigException.class).hasMessageContaining("'vehicles'");
    }

    // --- field-map files that cannot be used ------------------------------------------------------------

    @Test
    void anUnknownFieldNamesItsPath() {
        assertThatThrownBy(() -> read("""
                exports:
                  accounts:
                    customer:
                      customerId: { column: "Customer Number" }
                      customerNo: { column: "Customer No" }
                """))
                .isInstanceOf(MappingConfigException.class)
                .hasMessageStartingWith("inline.yml: exports.accounts.customer.customerNo is not a field of Customer")
                .hasMessageContaining("customerId");
    }

    @Test
    void anUnknownRecordNamesExportAndRecord() {
        assertThatThrownBy(() -> read("""
                exports:
                  accounts:
                    client:
                      customerId: { column: "Customer Number" }
                """))
                .isInstanceOf(MappingConfigException.class)
                .hasMessageStartingWith("inline.yml: exports.accounts names unknown record 'client'")
                .hasMessageContaining("customer");
    }

    @Test
    void aFieldWithoutColumnNamesItsPath() {
        assertThatThrownBy(() -> read("""
                exports:
                  payments:
                    payment:
                      amount: { required: true }
                """))
                .isInstanceOf(MappingConfigException.class)
                .hasMessage("inline.yml: exports.payments.payment.amount: 'column' is missing");
    }

    @Test
    void aBrokenPatternNamesItsPath() {
        assertThatThrownBy(() -> read("""
                exports:
                  payments:
                    payment:
                      paymentId: { column: "Payment ID", pattern: "[A-Z" }
                """))
                .isInstanceOf(MappingConfigException.class)
                .hasMessageStartingWith("inline.yml: exports.payments.payment.paymentId: 'pattern' is not a regular expression");
    }

    @Test
    void aBadZoneOrNoExportsIsRefused() {
        assertThatThrownBy(() -> read("zone: Mars/Olympus\nexports: {}\n"))
                .isInstanceOf(MappingConfigException.class).hasMessage("inline.yml: 'zone' is not a time zone: Mars/Olympus");
        assertThatThrownBy(() -> read("zone: UTC\n"))
                .isInstanceOf(MappingConfigException.class).hasMessage("inline.yml: no 'exports' section");
    }

    @Test
    void aMissingFileIsAConfigErrorNamingIt() {
        assertThatThrownBy(() -> LeaseWorksMapping.load(Path.of("no-such-dir", "leaseworks.yml")))
                .isInstanceOf(MappingConfigException.class).hasMessageContaining("leaseworks.yml");
    }

    @Test
    void anInlineMapUsesItsOwnFormatsAndDefaults() throws Exception {
        LeaseWorksMapping inline = read("""
                date-formats: [ "dd.MM.yyyy" ]
                exports:
                  payments:
                    payment:
                      paymentId:    { column: "id", required: true }
                      amount:       { column: "amt", min: 0 }
                      receivedDate: { column: "on" }
                """);

        MappedRow ok = inline.mapper("payments").map(new SourceRow("p.csv", 2, Map.of("id", "P-1", "amt", "5", "on", "05.03.2026")));
        MappedRow bad = inline.mapper("payments").map(new SourceRow("p.csv", 3, Map.of("id", "P-2", "amt", "-$5", "on", "03/05/2026")));

        assertThat(ok.get("payment", Payment.class))
                .isEqualTo(new Payment("P-1", null, new BigDecimal("5.00"), LocalDate.of(2026, 3, 5), null, null));
        assertThat(bad.violations()).extracting(Violation::reason).containsExactly(
                "below the minimum of 0: -5.00",
                "not a date in dd.MM.yyyy: '03/05/2026'");
    }

    // --- fixtures ---------------------------------------------------------------------------------------

    private static String customerMap(String preferences) {
        return """
                exports:
                  accounts:
                    customer:
                      customerId:   { column: "Id" }
                      name:         { column: "Name" }
                """ + preferences;
    }

    /** A valid accounts row with the given columns replaced. */
    private static SourceRow accountsRow(long line, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Customer Number", "C-1001");
        values.put("Customer Name", " Dana Whitfield ");
        values.put("Home Phone", "(312) 555-0100");
        values.put("Mobile Phone", "");
        values.put("Email", "dana@example.com");
        values.put("Address Line 1", "12 Elm St");
        values.put("City", "Chicago");
        values.put("State", "IL");
        values.put("Zip", "60601-1234");
        values.put("Time Zone", "America/Chicago");
        values.put("Do Not Call", "Y");
        values.put("Do Not Text", "N");
        values.put("Text Consent", "y");
        values.put("Email Consent", "");
        values.put("Contract Number", "L-2001");
        values.put("Contract Status", "Active");
        values.put("Next Due Date", "04/01/2026");
        values.put("Days Past Due", "12");
        values.put("Past Due Amount", "$1,234.50");
        values.put("Late Fees", "25.00");
        values.put("Payoff Amount", "$12,000.00");
        values.put("Payments Made", "7");
        values.put("Last Payment Date", "2026-02-27");
        values.put("Last Payment Amount", "");
        values.put("Collector", " ");
        values.put("VIN", "1HGCM82633A004352");
        values.put("SSN", "123-45-6789");
        values.put("GPS Disclosure", "Y");
        values.put("Garaging State", "");
        values.put("Garaging Latitude", "41.878113");
        values.put("Garaging Longitude", "-87.629799");
        values.putAll(overrides);
        return new SourceRow(ACCOUNTS_FILE, line, values);
    }

    private static ValueParser parser() {
        return new ValueParser(List.of("MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd"),
                List.of("yyyy-MM-dd'T'HH:mm:ss"), ZoneId.of("America/Chicago"));
    }

    private static LeaseWorksMapping read(String yaml) throws Exception {
        return LeaseWorksMapping.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "inline.yml");
    }

    private static Path configDir() {
        String configured = System.getProperty("leasebridge.config.dir");
        return configured == null || configured.isBlank() || configured.contains("${")
                ? Path.of("..", "config")
                : Path.of(configured);
    }
}
