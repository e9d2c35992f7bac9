package io.leasebridge.mapping;

import io.leasebridge.model.Customer;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Payment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The canonical fields' own limits, checked row by row by the shipped field map before anything is stored. */
class FieldLimitsTest {

    private static LeaseWorksMapping mapping;

    @BeforeAll
    static void loadShippedFieldMap() {
        String configured = System.getProperty("leasebridge.config.dir");
        Path config = configured == null || configured.isBlank() || configured.contains("${") ? Path.of("..", "config") : Path.of(configured);
        mapping = LeaseWorksMapping.load(config.resolve("mappings/leaseworks.yml"));
    }

    @Test
    void aPaymentMethodOneCharacterOverItsLimitIsRefusedByItsLength() {
        MappedRow row = mapping.mapper("payments").map(paymentsRow(9, Map.of("Payment Method", "x".repeat(256))));

        assertThat(row.records()).isEmpty();
        assertThat(row.violations()).containsExactly(
                new Violation("payments.csv", 9, "Payment Method", "method", "longer than 255 characters (256)"));
    }

    @Test
    void aPaymentMethodAtItsLimitIsAccepted() {
        MappedRow row = mapping.mapper("payments").map(paymentsRow(9, Map.of("Payment Method", "x".repeat(255))));

        assertThat(row.violations()).isEmpty();
        assertThat(row.get("payment", Payment.class).method()).hasSize(255);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Customer Name  | name         | 255",
            "Address Line 1 | street       | 255",
            "City           | city         | 40",
            "Collector      | collector    | 255",
    })
    void personalTextOverItsLimitIsRefusedWithoutQuotingIt(String column, String field, int limit) {
        String tooLong = "Whitfield".repeat(limit / 9 + 1).substring(0, limit + 1);

        MappedRow refused = mapping.mapper("accounts").map(accountsRow(12, Map.of(column, tooLong)));
        MappedRow accepted = mapping.mapper("accounts").map(accountsRow(13, Map.of(column, tooLong.substring(1))));

        assertThat(refused.violations()).extracting(Violation::field, Violation::reason)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(field, "longer than " + limit + " characters (" + (limit + 1) + ")"));
        assertThat(refused.violations()).extracting(Violation::reason).noneMatch(reason -> reason.contains("Whitfield"));
        assertThat(accepted.violations()).isEmpty();
    }

    @Test
    void anEmailLongerThanSalesforceHoldsIsRefusedByLengthBeforeItsPatternQuotesIt() {
        String email = "d".repeat(69) + "@example.com";

        MappedRow row = mapping.mapper("accounts").map(accountsRow(3, Map.of("Email", email)));

        assertThat(email).hasSize(81);
        assertThat(row.violations()).extracting(Violation::column, Violation::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Email", "longer than 80 characters (81)"));
        assertThat(mapping.mapper("accounts").map(accountsRow(3, Map.of("Email", email.substring(1)))).get("customer", Customer.class)
                .email()).hasSize(80);
    }

    @Test
    void moneyWithMoreWholeDigitsThanItsPrecisionIsRefused() {
        MappedRow refused = mapping.mapper("payments").map(paymentsRow(4, Map.of("Amount", "$123,456,789,012,345.00")));
        MappedRow accepted = mapping.mapper("payments").map(paymentsRow(5, Map.of("Amount", "99999999999999.99")));

        assertThat(refused.violations()).containsExactly(new Violation("payments.csv", 4, "Amount", "amount",
                "more than 14 digits before the decimal point: 123456789012345.00"));
        assertThat(accepted.get("payment", Payment.class).amount()).isEqualByComparingTo("99999999999999.99");
    }

    @Test
    void aDecimalWithMoreDecimalsThanItsScaleIsRefused() {
        FieldLimits money = new FieldLimits(null, 16, 2, null, null);

        assertThat(money.check(new BigDecimal("1.234"))).hasValue("more than 2 decimals: 1.234");
        assertThat(money.check(new BigDecimal("1.230"))).isEmpty();
        assertThat(money.check(new BigDecimal("-99999999999999.99"))).isEmpty();
        assertThat(money.check(new BigDecimal("100000000000000"))).hasValue("more than 14 digits before the decimal point: 100000000000000");
    }

    @Test
    void aCoordinateOutsideItsRangeIsRefusedEvenWhenTheFieldMapSetsNoBounds() throws Exception {
        LeaseWorksMapping unbounded = LeaseWorksMapping.read(new ByteArrayInputStream("""
                exports:
                  accounts:
                    lease:
                      leaseId: { column: "Contract Number" }
                      garagingLatitude: { column: "Garaging Latitude", decimals: 6 }
                """.getBytes(StandardCharsets.UTF_8)), "inline.yml");

        MappedRow refused = unbounded.mapper("accounts").map(new SourceRow("a.csv", 2, Map.of("Contract Number", "L-1", "Garaging Latitude", "95.5")));
        MappedRow accepted = unbounded.mapper("accounts").map(new SourceRow("a.csv", 3, Map.of("Contract Number", "L-1", "Garaging Latitude", "-90")));

        assertThat(refused.violations()).extracting(Violation::reason).containsExactly("above the maximum of 90: 95.5");
        assertThat(accepted.get("lease", LeaseAccount.class).garagingLatitude()).isEqualByComparingTo("-90");
    }

    @Test
    void limitsAreReadFromTheCanonicalRecord() {
        Map<String, FieldLimits> payment = new LinkedHashMap<>();
        for (var component : Payment.class.getRecordComponents()) {
            payment.put(component.getName(), FieldLimits.of(component));
        }

        assertThat(payment.get("method")).isEqualTo(new FieldLimits(255, null, null, null, null));
        assertThat(payment.get("amount")).isEqualTo(new FieldLimits(null, 16, 2, null, null));
        assertThat(payment.get("receivedDate")).isEqualTo(FieldLimits.NONE);
    }

    @Test
    void aNumberWithAnExponentBeyondAnIntsDigitsIsRefusedAndShownWithItsExponent() {
        FieldLimits cents = new FieldLimits(null, 14, 2, null, null);

        assertThat(cents.check(new BigDecimal("1E+2147483647")))
                .contains("more than 12 digits before the decimal point: 1E+2147483647");
        assertThat(cents.check(new BigDecimal("1E+999999999"))).contains("more than 12 digits before the decimal point: 1E+999999999");
    }

    private static SourceRow paymentsRow(long line, Map<String, String> overrides) {
        return row("payments.csv", line, Map.of("Payment ID", "P-1", "Contract Number", "L-2001", "Amount", "412.50",
                "Received Date", "03/02/2026", "Payment Method", "ACH"), overrides);
    }

    private static SourceRow accountsRow(long line, Map<String, String> overrides) {
        Map<String, String> customer = Map.of("Customer Number", "C-1001", "Customer Name", "Dana Whitfield",
                "Email", "dana@example.com", "Address Line 1", "12 Elm St", "City", "Chicago", "State", "IL");
        Map<String, String> lease = Map.of("Contract Number", "L-2001", "Contract Status", "Active", "Days Past Due", "12",
                "Past Due Amount", "1234.50", "Payments Made", "7", "Collector", "Sam Ortiz");
        Map<String, String> values = new LinkedHashMap<>(customer);
        values.putAll(lease);
        return row("accounts.csv", line, values, overrides);
    }

    private static SourceRow row(String file, long line, Map<String, String> values, Map<String, String> overrides) {
        Map<String, String> row = new LinkedHashMap<>(values);
        row.putAll(overrides);
        return new SourceRow(file, line, row);
    }
}
