package io.leasebridge.mapping.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.leasebridge.mapping.MappingConfigException;
import io.leasebridge.mapping.quickbooks.QuickBooksDocuments.ApprovedWorkOrder;
import io.leasebridge.mapping.quickbooks.QuickBooksDocuments.WorkOrderLine;
import io.leasebridge.model.GlSummaryLine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuickBooksDocumentsTest {

    private static final LocalDate DAY = LocalDate.parse("2026-03-30");
    private final QuickBooksDocuments documents = new QuickBooksDocuments(QuickBooksMapping.load(configDir().resolve("mappings/quickbooks.yml")));

    @Test
    void aWorkOrderWithoutLinesBillsItsTotalsAndChecksTheGrandTotal() {
        QuickBooksPosting bill = documents.workOrderBill(workOrder("RO-7", "1250.00", List.of()));

        assertThat(bill.requestId()).isEqualTo("wo-fr-7-bill");
        assertThat(bill.docNumber()).isEqualTo("RO-7");
        assertThat(bill.amount()).isEqualByComparingTo("1250.00");
        assertThat(bill.vendorName()).isEqualTo("Midwest Truck Repair");
        JsonNode lines = bill.body().path("Line");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).path("Description").asText()).isEqualTo("Parts");
        assertThat(lines.get(1).path("AccountBasedExpenseLineDetail").path("AccountRef").path("value").asText()).isEqualTo("59");

        assertThatThrownBy(() -> documents.workOrderBill(workOrder("RO-7", "1300.00", List.of())))
                .isInstanceOfSatisfying(PostingRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo("grand_total");
                    assertThat(e.getMessage()).contains("1250.00").contains("1300.00");
                });
    }

    @Test
    void anEnteredRecoveryCostIsABillToItsVendorOnTheExpenseAccountOfItsTypeQuotingTheInvoice() {
        QuickBooksPosting bill = documents.recoveryCostBill("a0AD000000Rc1AAAAZ", "500D000000Case1AAA", "00001042", "TRANSPORT",
                " Big Tex Towing ", new BigDecimal("385.5"), DAY, "BT-20931");

        assertThat(bill.type()).isEqualTo(PostingType.RECOVERY_COST_BILL);
        assertThat(bill.type().entity()).isEqualTo("Bill");
        assertThat(bill.requestId()).isEqualTo("cost-a0AD000000Rc1AAAAZ-bill");
        assertThat(bill.docNumber()).as("LeaseBridge's, so a retry finds it; 21 characters at most").isEqualTo("RC-a0AD000000Rc1AAAAZ");
        assertThat(bill.vendorName()).isEqualTo("Big Tex Towing");
        assertThat(bill.amount()).isEqualByComparingTo("385.50");
        assertThat(bill.body().path("TxnDate").asText()).isEqualTo("2026-03-30");
        assertThat(bill.body().path("PrivateNote").asText()).contains("Recovery_Cost__c a0AD000000Rc1AAAAZ", "00001042", "invoice BT-20931");
        JsonNode line = bill.body().path("Line").get(0);
        assertThat(line.path("Amount").decimalValue()).isEqualByComparingTo("385.50");
        assertThat(line.path("DetailType").asText()).isEqualTo("AccountBasedExpenseLineDetail");
        assertThat(line.path("AccountBasedExpenseLineDetail").path("AccountRef").path("value").asText()).isEqualTo("63");
        assertThat(documents.recoveryCostBill("a0AD000000Rc2AAAAZ", "500D000000Case1AAA", null, "OTHER", "City of Dallas",
                new BigDecimal("40.00"), DAY, null).body().path("Line").get(0).path("AccountBasedExpenseLineDetail")
                .path("AccountRef").path("value").asText()).as("a type without its own account takes the default").isEqualTo("67");
    }

    @Test
    void aRecoveryCostWithoutVendorAmountOrDateIsRefusedNamingTheField() {
        assertThatThrownBy(() -> documents.recoveryCostBill("a0A1", "500A", "1", "STORAGE", " ", new BigDecimal("10"), DAY, null))
                .isInstanceOfSatisfying(PostingRefusedException.class, e -> assertThat(e.field()).isEqualTo("Vendor__c"));
        assertThatThrownBy(() -> documents.recoveryCostBill("a0A1", "500A", "1", "STORAGE", "Yard", BigDecimal.ZERO, DAY, null))
                .isInstanceOfSatisfying(PostingRefusedException.class, e -> assertThat(e.field()).isEqualTo("Amount__c"));
        assertThatThrownBy(() -> documents.recoveryCostBill("a0A1", "500A", "1", "STORAGE", "Yard", BigDecimal.TEN, null, null))
                .isInstanceOfSatisfying(PostingRefusedException.class, e -> assertThat(e.field()).isEqualTo("Cost_Date__c"));
    }

    @Test
    void unknownLineKindsTakeTheDefaultAccountAndALongRoIdStillMakesAShortRequestId() {
        String longId = "fleetrock-repair-order-" + "9".repeat(40);
        ApprovedWorkOrder wo = new ApprovedWorkOrder(longId, "RO-8", null, "Midwest Truck Repair", null, null, null,
                new BigDecimal("100.00"), null, DAY, List.of(new WorkOrderLine(1, "SUBLET", "Tow", new BigDecimal("100.00"))));

        QuickBooksPosting bill = documents.workOrderBill(wo);

        assertThat(bill.requestId()).hasSizeLessThanOrEqualTo(50).startsWith("wo-").endsWith("-bill");
        assertThat(documents.workOrderBill(wo).requestId()).as("deterministic").isEqualTo(bill.requestId());
        assertThat(bill.body().path("Line").get(0).path("AccountBasedExpenseLineDetail").path("AccountRef").path("value").asText()).isEqualTo("58");
    }

    @Test
    void aWorkOrderWithoutVendorOrWithATooLongRoNumberIsRefusedNamingTheField() {
        assertThatThrownBy(() -> documents.workOrderBill(new ApprovedWorkOrder("fr-9", "RO-9", null, " ", null, null, null,
                BigDecimal.TEN, null, DAY, List.of())))
                .isInstanceOfSatisfying(PostingRefusedException.class, e -> assertThat(e.field()).isEqualTo("vendor_name"));
        assertThatThrownBy(() -> documents.workOrderBill(workOrder("RO-" + "1".repeat(30), "1250.00", List.of())))
                .isInstanceOfSatisfying(PostingRefusedException.class, e -> assertThat(e.field()).isEqualTo("ro_number"));
    }

    @Test
    void aGlDayIsOneBalancedJournalEntryOrRefusedWithBothTotals() {
        QuickBooksPosting entry = documents.journalEntry(DAY, List.of(
                new GlSummaryLine(DAY, "1010", new BigDecimal("500.00"), BigDecimal.ZERO, "cash"),
                new GlSummaryLine(DAY, "4000", BigDecimal.ZERO, new BigDecimal("500.00"), null)));
        assertThat(entry.requestId()).isEqualTo("gl-2026-03-30-je");
        assertThat(entry.body().path("Line").get(1).path("JournalEntryLineDetail").path("ClassRef").path("value").asText())
                .isEqualTo("5000000000000012345");
        assertThat(entry.body().path("Line").get(1).path("Description").asText()).isEqualTo("GL 4000");

        assertThatThrownBy(() -> documents.journalEntry(DAY, List.of(
                new GlSummaryLine(DAY, "1010", new BigDecimal("500.00"), BigDecimal.ZERO, null),
                new GlSummaryLine(DAY, "4000", BigDecimal.ZERO, new BigDecimal("499.99"), null))))
                .isInstanceOfSatisfying(PostingRefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo("UNBALANCED_GL_DAY");
                    assertThat(e.getMessage()).contains("debits 500.00").contains("credits 499.99");
                });
        assertThatThrownBy(() -> documents.journalEntry(DAY, List.of(new GlSummaryLine(DAY, "9999", BigDecimal.ONE, BigDecimal.ONE, null))))
                .isInstanceOfSatisfying(PostingRefusedException.class, e -> assertThat(e.getMessage()).contains("'9999'"));
    }

    @Test
    void aReceivableLineNamesItsCustomerAndACashLineNamesNoOne() {
        QuickBooksPosting entry = documents.journalEntry(DAY, List.of(
                new GlSummaryLine(DAY, "1010", new BigDecimal("812.40"), BigDecimal.ZERO, "cash"),
                new GlSummaryLine(DAY, "1200", BigDecimal.ZERO, new BigDecimal("812.40"), "receivables applied")));

        JsonNode receivable = entry.body().path("Line").get(1).path("JournalEntryLineDetail");
        assertThat(receivable.path("PostingType").asText()).isEqualTo("Credit");
        assertThat(receivable.path("AccountRef").path("value").asText()).isEqualTo("84");
        assertThat(receivable.path("Entity").path("Type").asText()).isEqualTo("Customer");
        assertThat(receivable.path("Entity").path("EntityRef").path("value").asText()).isEqualTo("58");
        assertThat(entry.body().path("Line").get(0).path("JournalEntryLineDetail").has("Entity")).isFalse();
    }

    // --- a resale settles its lease: worked examples, to the cent ------------------------------------------------

    @Test
    void aSaleShortOfWhatWasOwedSettlesTheReceivableAndDebitsTheDeficiencyToTheLessee() {
        // owed 12,000.00 at recovery + 2,050.50 costs - 9,800.00 proceeds = 4,250.50 deficiency; carried at 11,000.00
        QuickBooksPosting entry = documents.resaleJournalEntry(resale("12000.00", "2050.50", "9800.00", "11000.00"));

        assertThat(entry.type()).isEqualTo(PostingType.RESALE_JOURNAL_ENTRY);
        assertThat(entry.type().entity()).isEqualTo("JournalEntry");
        assertThat(entry.requestId()).isEqualTo("case-500D000000Rp1AAAAZ-resale");
        assertThat(entry.docNumber()).isEqualTo("RESALE-00001027");
        assertThat(entry.body().path("TxnDate").asText()).isEqualTo("2026-11-28");
        assertThat(lines(entry)).containsExactly(
                "Debit 35 9800.00", "Debit 85 4250.50 Customer 58", "Credit 84 12000.00 Customer 58", "Credit 68 2050.50",
                "Debit 69 11000.00", "Credit 16 11000.00");
        assertThat(entry.amount()).as("debits = credits = 25,050.50").isEqualByComparingTo("25050.50");
        assertThat(entry.body().path("Line").get(2).path("Description").asText())
                .isEqualTo("Lease receivable settled (payoff at recovery) of VIN 1FTFW1ET9DFC10312, lease L-1001, repossession case 00001027");
    }

    @Test
    void aSaleBeyondWhatWasOwedCreditsTheSurplusOwedBackToTheLessee() {
        // owed 6,200.00 + 810.25 costs - 9,800.00 proceeds = -2,789.75: a surplus; no carrying value recorded
        QuickBooksPosting entry = documents.resaleJournalEntry(resale("6200.00", "810.25", "9800.00", null));

        assertThat(lines(entry)).containsExactly(
                "Debit 35 9800.00", "Credit 84 6200.00 Customer 58", "Credit 68 810.25", "Credit 34 2789.75");
        assertThat(entry.amount()).isEqualByComparingTo("9800.00");
    }

    @Test
    void aSaleThatCoversExactlyWhatWasOwedHasNeitherDeficiencyNorSurplusLine() {
        // 8,500.00 + 1,299.99 - 9,799.99 = 0.00
        QuickBooksPosting entry = documents.resaleJournalEntry(resale("8500.00", "1299.99", "9799.99", "0.00"));

        assertThat(lines(entry)).containsExactly("Debit 35 9799.99", "Credit 84 8500.00 Customer 58", "Credit 68 1299.99");
        assertThat(entry.amount()).isEqualByComparingTo("9799.99");
    }

    @Test
    void aSaleWithoutItsFinalReviewOrWhoseAmountsDisagreeIsRefusedNamingTheCase() {
        QuickBooksDocuments.Resale unreviewed = new QuickBooksDocuments.Resale("500D000000Rp1AAAAZ", "00001027", "L-1001",
                "1FTFW1ET9DFC10312", LocalDate.parse("2026-11-28"), null, null, null, null, null, null, null);
        assertThatThrownBy(() -> documents.resaleJournalEntry(unreviewed)).isInstanceOfSatisfying(PostingRefusedException.class, e -> {
            assertThat(e.code()).isEqualTo("NO_FINAL_REVIEW");
            assertThat(e.getMessage()).contains("case 00001027");
        });
        QuickBooksDocuments.Resale r = resale("12000.00", "2050.50", "9800.00", null);
        QuickBooksDocuments.Resale off = new QuickBooksDocuments.Resale(r.caseId(), r.caseNumber(), r.leaseId(), r.vin(), r.saleDate(),
                r.buyer(), r.payoffAtRecovery(), r.totalCosts(), r.netProceeds(), new BigDecimal("4250.49"), r.surplus(), null);
        assertThatThrownBy(() -> documents.resaleJournalEntry(off)).isInstanceOfSatisfying(PostingRefusedException.class, e -> {
            assertThat(e.code()).isEqualTo("UNBALANCED_RESALE");
            assertThat(e.getMessage()).contains("case 00001027", "debits 14050.49", "credits 14050.50");
        });
    }

    @Test
    void aDeficiencyAccountWithoutItsCustomerStopsStartUp(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> QuickBooksMapping.load(shippedMappingWith(dir,
                "{ account: \"85\", kind: receivable, entity: { type: Customer, id: \"58\" } }", "{ account: \"85\", kind: receivable }")))
                .isInstanceOf(MappingConfigException.class)
                .hasMessageContaining("resale-journal-entry.deficiency: a receivable account needs entity: { type: Customer");
    }

    /** The review of case 00001027 as {@link io.leasebridge.repo.FinalAccountReview} computes it, and the vehicle's carrying value. */
    private static QuickBooksDocuments.Resale resale(String payoff, String costs, String proceeds, String carryingValue) {
        io.leasebridge.repo.FinalAccountReview review = io.leasebridge.repo.FinalAccountReview.of("00001027", new BigDecimal(payoff),
                List.of(new io.leasebridge.repo.RecoveryCost(io.leasebridge.repo.RecoveryCostType.OTHER, "Lone Star Recovery LLC",
                        new BigDecimal(costs), null, null)), new BigDecimal(proceeds));
        return new QuickBooksDocuments.Resale("500D000000Rp1AAAAZ", "00001027", "L-1001", "1FTFW1ET9DFC10312",
                LocalDate.parse("2026-11-28"), "Metro Auto Auction", review.payoffAtRecovery(), review.totalCosts(), review.netProceeds(),
                review.deficiency(), review.surplus(), carryingValue == null ? null : new BigDecimal(carryingValue));
    }

    /** Each line as "PostingType account amount [entity type and id]". */
    private static List<String> lines(QuickBooksPosting entry) {
        List<String> lines = new java.util.ArrayList<>();
        for (JsonNode line : entry.body().path("Line")) {
            JsonNode detail = line.path("JournalEntryLineDetail");
            assertThat(line.path("DetailType").asText()).isEqualTo("JournalEntryLineDetail");
            lines.add(detail.path("PostingType").asText() + " " + detail.path("AccountRef").path("value").asText() + " "
                    + line.path("Amount").decimalValue().toPlainString() + (detail.has("Entity") ? " " + detail.path("Entity").path("Type").asText()
                    + " " + detail.path("Entity").path("EntityRef").path("value").asText() : ""));
        }
        return lines;
    }

    @Test
    void aReceivableAccountWithoutItsCustomerStopsStartUp(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> QuickBooksMapping.load(shippedMappingWith(dir,
                "kind: receivable, entity: { type: Customer, id: \"58\" }", "kind: receivable")))
                .isInstanceOf(MappingConfigException.class)
                .hasMessageContaining("journal-entry.accounts.1200: a receivable account needs entity: { type: Customer");
    }

    @Test
    void aPayableAccountNamingACustomerStopsStartUp(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> QuickBooksMapping.load(shippedMappingWith(dir, "kind: receivable", "kind: payable")))
                .isInstanceOf(MappingConfigException.class).hasMessageContaining("a payable account needs entity: { type: Vendor");
    }

    private static Path shippedMappingWith(Path dir, String text, String replacement) throws IOException {
        Path file = dir.resolve("quickbooks.yml");
        Files.writeString(file, Files.readString(configDir().resolve("mappings/quickbooks.yml")).replace(text, replacement));
        return file;
    }

    @Test
    void aTypoInTheMappingStopsStartUp(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("quickbooks.yml");
        Files.writeString(file, Files.readString(configDir().resolve("mappings/quickbooks.yml")).replace("tax-account", "tax-acount"));
        assertThatThrownBy(() -> QuickBooksMapping.load(file)).isInstanceOf(MappingConfigException.class).hasMessageContaining("tax-acount");
    }

    private static ApprovedWorkOrder workOrder(String roNumber, String grandTotal, List<WorkOrderLine> lines) {
        return new ApprovedWorkOrder("fr-" + roNumber.substring(3), roNumber, "1FTFW1E50MFA00001", "Midwest Truck Repair ",
                new BigDecimal("800.00"), new BigDecimal("400.00"), new BigDecimal("50.00"), new BigDecimal(grandTotal),
                "0WO000000000001AAA", DAY, lines);
    }

    private static Path configDir() {
        String configured = System.getProperty("leasebridge.config.dir");
        return configured == null || configured.isBlank() || configured.contains("${") ? Path.of("..", "config") : Path.of(configured);
    }
}
