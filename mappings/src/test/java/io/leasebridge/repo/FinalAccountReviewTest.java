package io.leasebridge.repo;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.leasebridge.repo.RecoveryCostType.AGENT_FEE;
import static io.leasebridge.repo.RecoveryCostType.AUCTION_FEE;
import static io.leasebridge.repo.RecoveryCostType.OTHER;
import static io.leasebridge.repo.RecoveryCostType.REPAIR;
import static io.leasebridge.repo.RecoveryCostType.STORAGE;
import static io.leasebridge.repo.RecoveryCostType.TITLE_FEE;
import static io.leasebridge.repo.RecoveryCostType.TRANSPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The final account review, worked to the cent: payoff at recovery + recovery costs - net sale proceeds. */
class FinalAccountReviewTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Test
    void aSaleBelowWhatWasOwedLeavesTheLesseeADeficiency() {
        List<RecoveryCost> costs = List.of(
                cost(AGENT_FEE, "Lone Star Recovery LLC", "425.00"),
                cost(TRANSPORT, "DFW Towing", "310.50"),
                cost(STORAGE, "Commerce St Yard", "180.00"),
                cost(AUCTION_FEE, "Metro Auto Auction", "395.00"),
                cost(TITLE_FEE, "Texas DMV", "33.00"),
                cost(REPAIR, "Midway Truck Repair", "1240.18"));

        FinalAccountReview review = FinalAccountReview.of("00001027", new BigDecimal("18452.37"), costs, new BigDecimal("14250"));

        // 18,452.37 + 2,583.68 - 14,250.00 = 6,786.05
        assertThat(review.totalCosts()).isEqualByComparingTo("2583.68");
        assertThat(review.deficiency()).isEqualTo(new BigDecimal("6786.05"));
        assertThat(review.surplus()).isEqualTo(new BigDecimal("0.00"));
        assertThat(review.balance()).isEqualTo(new BigDecimal("6786.05"));
        assertThat(review.costsByType()).containsEntry(REPAIR, new BigDecimal("1240.18"))
                .containsEntry(OTHER, new BigDecimal("0.00")).hasSize(RecoveryCostType.values().length);
        assertThat(review.netProceeds()).isEqualTo(new BigDecimal("14250.00"));
    }

    @Test
    void aSaleAboveWhatWasOwedLeavesASurplusOwedBackToTheLessee() {
        List<RecoveryCost> costs = List.of(cost(AGENT_FEE, "Lone Star Recovery LLC", "425"),
                cost(TRANSPORT, "DFW Towing", "150.00"), cost(AUCTION_FEE, "Metro Auto Auction", "275.00"));

        FinalAccountReview review = FinalAccountReview.of("00001031", new BigDecimal("6120.40"), costs, new BigDecimal("9800.00"));

        // 6,120.40 + 850.00 - 9,800.00 = -2,829.60
        assertThat(review.totalCosts()).isEqualTo(new BigDecimal("850.00"));
        assertThat(review.deficiency()).isEqualTo(new BigDecimal("0.00"));
        assertThat(review.surplus()).isEqualTo(new BigDecimal("2829.60"));
        assertThat(review.balance()).isEqualTo(new BigDecimal("-2829.60"));
        assertThat(review.describe()).isEqualTo("""
                Payoff at recovery: 6120.40
                + AGENT_FEE: 425.00
                + TRANSPORT: 150.00
                + AUCTION_FEE: 275.00
                = owed with recovery costs: 6970.40
                - net sale proceeds: 9800.00
                Surplus (owed to the lessee): 2829.60""");
    }

    @Test
    void aSaleThatCoversWhatWasOwedToTheCentLeavesNeither() {
        List<RecoveryCost> costs = List.of(cost(AGENT_FEE, "Lone Star Recovery LLC", "425.00"), cost(STORAGE, "Commerce St Yard", "75.00"));

        FinalAccountReview review = FinalAccountReview.of("00001040", new BigDecimal("8000.00"), costs, new BigDecimal("8500.00"));

        assertThat(review.deficiency()).isEqualTo(new BigDecimal("0.00"));
        assertThat(review.surplus()).isEqualTo(new BigDecimal("0.00"));
        assertThat(review.describe()).endsWith("- net sale proceeds: 8500.00\nSettled exactly: no deficiency, no surplus");
    }

    @Test
    void twoCostsOfOneTypeAddUpAndACaseWithoutCostsIsPayoffLessProceeds() {
        FinalAccountReview twoTows = FinalAccountReview.of("00001041", new BigDecimal("1000.00"),
                List.of(cost(TRANSPORT, "DFW Towing", "100.10"), cost(TRANSPORT, "Hill Country Haul", "99.90")), new BigDecimal("900"));
        FinalAccountReview none = FinalAccountReview.of("00001042", new BigDecimal("1000.00"), List.of(), new BigDecimal("900"));

        assertThat(twoTows.costsByType()).containsEntry(TRANSPORT, new BigDecimal("200.00"));
        assertThat(twoTows.deficiency()).isEqualTo(new BigDecimal("300.00"));
        assertThat(none.totalCosts()).isEqualTo(new BigDecimal("0.00"));
        assertThat(none.deficiency()).isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void withoutAPayoffAtRecoveryOrASalePriceTheReviewNamesTheCaseAndWhatIsMissing() {
        assertThatThrownBy(() -> FinalAccountReview.of("00001027", null, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the final account review of case 00001027 cannot be made: no payoff balance at recovery"
                        + " (no LeaseWorks export of the lease before RECOVERED); no sale price above zero (Sale_Price__c is empty)");
    }

    @Test
    void aCostNotAboveZeroIsNamedByTypeAndInvoice() {
        RecoveryCost refund = new RecoveryCost(STORAGE, "Commerce St Yard", new BigDecimal("-40.00"), DAY, "CS-7781");

        assertThatThrownBy(() -> FinalAccountReview.of("00001027", new BigDecimal("100.00"), List.of(refund), new BigDecimal("50")))
                .hasMessage("the final account review of case 00001027 cannot be made: a STORAGE cost (invoice CS-7781)"
                        + " of -40.00, not above zero (Recovery_Cost__c.Amount__c)");
    }

    private static RecoveryCost cost(RecoveryCostType type, String vendor, String amount) {
        return new RecoveryCost(type, vendor, new BigDecimal(amount), DAY, null);
    }
}
