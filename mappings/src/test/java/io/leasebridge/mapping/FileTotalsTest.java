package io.leasebridge.mapping;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Control totals counted at the source, and a control file checked against them. */
class FileTotalsTest {

    private static final String PAYMENTS = """
            exports:
              payments:
                payment:
                  paymentId:    { column: "Payment ID", required: true }
                  leaseId:      { column: "Contract Number", required: true }
                  amount:       { column: "Amount", required: true }
                  receivedDate: { column: "Received Date", required: true }
            files:
              payments:
                totals: [ payment.amount ]
                totals-by-day: payment.receivedDate
                control: { file: "{base}.ctl", rows: "Record Count", sums: { payment.amount: "Total Amount" } }
            """;

    @Test
    void everyRowIsCountedAndItsAmountsAreSummedForTheFileAndPerDay() throws Exception {
        FileTotals totals = read(PAYMENTS).totals("payments");
        totals.add(payment(2, "$1,200.50", "11/30/2026"));
        totals.add(payment(3, "99.50", "11/30/2026"));
        totals.add(payment(4, "(10.00)", "12/01/2026"));
        totals.add(new SourceRow("payments.csv", 5, Map.of("Amount", "5000.00"), 4, 2));
        totals.add(payment(6, "ten dollars", "12/01/2026"));

        assertThat(totals.rows()).as("a row cut short is a row the lessor counted").isEqualTo(5);
        assertThat(totals.sums()).containsExactly(Map.entry("payment.amount", new BigDecimal("1290.00")));
        assertThat(totals.unsummed()).isEqualTo(1);
        assertThat(totals.byDay()).containsOnlyKeys(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 1));
        assertThat(totals.byDay().get(LocalDate.of(2026, 11, 30))).isEqualTo(
                new FileTotals.Day(2, Map.of("payment.amount", new BigDecimal("1300.00"))));
        assertThat(totals.byDay().get(LocalDate.of(2026, 12, 1)).rows()).isEqualTo(2);
    }

    @Test
    void aDayWrittenInTwoFormatsIsOneDayAndATextThatIsNoDateCountsForTheFileOnly() throws Exception {
        FileTotals totals = read(PAYMENTS).totals("payments");
        totals.add(payment(2, "10.00", "11/30/2026"));
        totals.add(payment(3, "20.00", "2026-11-30"));
        totals.add(payment(4, "30.00", "11/30/2026"));
        totals.add(payment(5, "40.00", "11/31/2026"));
        totals.add(payment(6, "50.00", "11/31/2026"));
        totals.add(payment(7, "0.50", "2026-11-30"));

        assertThat(totals.byDay()).containsExactly(Map.entry(LocalDate.of(2026, 11, 30),
                new FileTotals.Day(4, Map.of("payment.amount", new BigDecimal("60.50")))));
        assertThat(totals.rows()).isEqualTo(6);
        assertThat(totals.sums()).containsExactly(Map.entry("payment.amount", new BigDecimal("150.50")));
    }

    @Test
    void aControlFileThatAgreesSaysNothingAndOneThatDisagreesNamesEachColumnThatDiffers() throws Exception {
        FileTotals totals = read(PAYMENTS).totals("payments");
        totals.add(payment(2, "100.00", "11/30/2026"));
        totals.add(payment(3, "50.25", "11/30/2026"));

        assertThat(totals.differencesFrom("payments.ctl", Map.of("Record Count", "2", "Total Amount", "$150.25"))).isEmpty();
        assertThat(totals.differencesFrom("payments.ctl", Map.of("Record Count", "3", "Total Amount", "170.25")))
                .hasValue("the control file payments.ctl disagrees: 'Record Count' is 3, the file has 2 rows; "
                        + "'Total Amount' is 170.25, the rows' payment.amount sum to 150.25");
        assertThat(totals.differencesFrom("payments.ctl", Map.of("Total Amount", "lots")))
                .hasValue("the control file payments.ctl disagrees: it has no 'Record Count'; 'Total Amount' is not an amount");
    }

    @Test
    void anAmountNoTotalCanKeepIsLeftOutOfTheSumsSoThatAControlFileCountingItDisagrees() throws Exception {
        FileTotals totals = read(PAYMENTS).totals("payments");
        totals.add(payment(2, "10.00", "11/30/2026"));
        totals.add(payment(3, "4111111111111111111", "11/30/2026"));
        totals.add(payment(4, "", "11/30/2026"));
        totals.add(payment(5, "30.00", "11/30/2026"));

        assertThat(totals.rows()).isEqualTo(4);
        assertThat(totals.sums()).containsExactly(Map.entry("payment.amount", new BigDecimal("40.00")));
        assertThat(totals.byDay()).containsExactly(Map.entry(LocalDate.of(2026, 11, 30),
                new FileTotals.Day(4, Map.of("payment.amount", new BigDecimal("40.00")))));
        assertThat(totals.unsummed()).isEqualTo(1);
        assertThat(totals.differencesFrom("payments.ctl", Map.of("Record Count", "4", "Total Amount", "4111111111111111151.00")))
                .hasValue("the control file payments.ctl disagrees: 'Total Amount' is 4111111111111111151.00, "
                        + "the rows' payment.amount sum to 40.00 (1 value could not be summed)");
    }

    @Test
    void aSumOfValidAmountsBeyondWhatATotalKeepsIsStillExactAndToldApart() throws Exception {
        FileTotals totals = read(PAYMENTS).totals("payments");
        for (int line = 2; line <= 1_002; line++) {
            totals.add(payment(line, "99999999999999.99", "11/30/2026"));
        }

        BigDecimal sum = new BigDecimal("100099999999999989.99");
        assertThat(totals.sums()).containsExactly(Map.entry("payment.amount", sum));
        assertThat(totals.differencesFrom("payments.ctl", Map.of("Record Count", "1001", "Total Amount", sum.toPlainString()))).isEmpty();
        assertThat(FileTotals.canBeKept(sum)).isFalse();
        assertThat(FileTotals.canBeKept(new BigDecimal("-99999999999999999.99"))).isTrue();
    }

    @Test
    void theControlFilesNameFollowsTheExportFilesName() throws Exception {
        ControlTotalRules.ControlFile control = read(PAYMENTS).files("payments").totals().control().orElseThrow();

        assertThat(control.nameFor("payments_20261201.csv")).isEqualTo("payments_20261201.ctl");
        assertThat(new ControlTotalRules.ControlFile("{file}.trl", "n", Map.of()).nameFor("payments.csv")).isEqualTo("payments.csv.trl");
    }

    @Test
    void aTotalThatIsNotAMappedMoneyFieldFailsLoadingNamingIt() {
        assertThatThrownBy(() -> read(PAYMENTS.replace("totals: [ payment.amount ]", "totals: [ payment.paymentId ]")))
                .isInstanceOf(MappingConfigException.class)
                .hasMessage("inline.yml: files.payments.totals: 'payment.paymentId' is a String, not a money field");
        assertThatThrownBy(() -> read(PAYMENTS.replace("totals: [ payment.amount ]", "totals: [ payment.fee ]")))
                .isInstanceOf(MappingConfigException.class).hasMessageContaining("'payment.fee' is not a mapped field");
        assertThatThrownBy(() -> read(PAYMENTS.replace("payment.amount: \"Total Amount\"", "payment.fee: \"Total Fee\"")))
                .isInstanceOf(MappingConfigException.class).hasMessageContaining("control.sums.payment.fee is not one of the file's totals");
    }

    @Test
    void theShippedFieldMapCountsPastDueAndPayoffForAccountsAndPaymentsPerDay() {
        LeaseWorksMapping shipped = LeaseWorksMapping.load(java.nio.file.Path.of("../config/mappings/leaseworks.yml"));

        assertThat(shipped.files("accounts").totals().sums()).extracting(ControlTotalRules.Measure::column)
                .containsExactly("Past Due Amount", "Payoff Amount");
        assertThat(shipped.files("payments").totals().byDay()).map(ControlTotalRules.Measure::column).hasValue("Received Date");
        assertThat(shipped.files("accounts").totals().control()).as("a control file only where the lessor's export writes one").isEmpty();
    }

    private static SourceRow payment(long line, String amount, String day) {
        return new SourceRow("payments.csv", line, Map.of("Payment ID", "P-" + line, "Contract Number", "L-1",
                "Amount", amount, "Received Date", day), 4, 4);
    }

    private static LeaseWorksMapping read(String yaml) throws Exception {
        return LeaseWorksMapping.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "inline.yml");
    }
}
