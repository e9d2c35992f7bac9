package io.leasebridge.agency;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlacementEligibilityTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private final PlacementEligibility eligibility = new PlacementEligibility(60, 3);

    @Test
    void sixtyDaysPastDueIsProposedAndFiftyNineIsNot() {
        assertThat(eligibility.proposes(lease(60), TODAY)).isTrue();
        assertThat(eligibility.whyNot(lease(59), TODAY)).contains("59 days past due, under 60");
    }

    @Test
    void anOpenRepossessionCaseKeepsTheLeaseFromTheAgency() {
        PlacementCandidate inRepo = new PlacementCandidate("L-1", 90, true, List.of(), List.of());

        assertThat(eligibility.whyNot(inRepo, TODAY)).contains("a repossession case is open");
    }

    @Test
    void aPromiseDueTodayTomorrowOrOnTheLastGraceDayKeepsTheLeaseAndOneDueAfterOrAlreadyPastDoesNot() {
        assertThat(eligibility.whyNot(promised(TODAY), TODAY)).contains("a promise is due on 2026-12-02");
        assertThat(eligibility.whyNot(promised(TODAY.plusDays(1)), TODAY)).contains("a promise is due on 2026-12-03");
        assertThat(eligibility.whyNot(promised(TODAY.plusDays(3)), TODAY)).contains("a promise is due on 2026-12-05");
        assertThat(eligibility.proposes(promised(TODAY.plusDays(4)), TODAY)).isTrue();
        assertThat(eligibility.proposes(promised(TODAY.minusDays(1)), TODAY)).as("its deadline passed unkept").isTrue();
    }

    @Test
    void aLeaseProposedApprovedOrSentIsNotProposedAgainNorOneAManagerRejectedButOneRecalledOrClosedMayBe() {
        for (PlacementStatus holding : List.of(PlacementStatus.PROPOSED, PlacementStatus.APPROVED, PlacementStatus.SENT)) {
            assertThat(eligibility.whyNot(placed(holding), TODAY)).as(holding.name()).contains("already placed (" + holding + ")");
        }
        // proposed again every day, a rejection would come back every day: the manager approves it after all instead
        assertThat(eligibility.whyNot(placed(PlacementStatus.REJECTED), TODAY)).contains("a manager rejected its placement");
        for (PlacementStatus ended : List.of(PlacementStatus.RECALLED, PlacementStatus.CLOSED)) {
            assertThat(eligibility.proposes(placed(ended), TODAY)).as(ended.name()).isTrue();
        }
    }

    @Test
    void settingsThatCannotHoldAreRefusedNamingTheirKeys() {
        assertThatThrownBy(() -> new PlacementEligibility(0, 3)).hasMessageContaining("leasebridge.agency.min-days-past-due");
        assertThatThrownBy(() -> new PlacementEligibility(60, -1)).hasMessageContaining("leasebridge.agency.grace");
    }

    private static PlacementCandidate lease(int dpd) {
        return new PlacementCandidate("L-1", dpd, false, List.of(), List.of());
    }

    private static PlacementCandidate promised(LocalDate on) {
        return new PlacementCandidate("L-1", 75, false, List.of(on), List.of());
    }

    private static PlacementCandidate placed(PlacementStatus status) {
        return new PlacementCandidate("L-1", 75, false, List.of(), List.of(status));
    }
}
