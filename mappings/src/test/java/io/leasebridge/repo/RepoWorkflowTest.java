package io.leasebridge.repo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.leasebridge.repo.RepoStatus.CANCELLED;
import static io.leasebridge.repo.RepoStatus.CLOSED;
import static io.leasebridge.repo.RepoStatus.INSPECTED;
import static io.leasebridge.repo.RepoStatus.INVENTORY;
import static io.leasebridge.repo.RepoStatus.IN_REPAIR;
import static io.leasebridge.repo.RepoStatus.ORDERED;
import static io.leasebridge.repo.RepoStatus.PENDING;
import static io.leasebridge.repo.RepoStatus.RECOVERED;
import static io.leasebridge.repo.RepoStatus.REINSTATED;
import static io.leasebridge.repo.RepoStatus.REQUESTED;
import static io.leasebridge.repo.RepoStatus.SOLD;
import static io.leasebridge.repo.RepoStatus.UNRECOVERABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The repossession workflow, pair by pair over all 12 x 12 status changes. */
class RepoWorkflowTest {

    /**
     * The legal steps, written out here rather than read from {@link RepoWorkflow}, so that a step added or
     * lost in the workflow fails this test: from, to, disposition entering {@code to}, actions entering it.
     */
    private static final String[] LEGAL_STEPS = {
            "REQUESTED,  PENDING,       PENDING,",
            "REQUESTED,  CANCELLED,     ,",
            "PENDING,    ORDERED,       ,            SEND_REPO_ORDER",
            "PENDING,    RECOVERED,     REPOSSESSED,",
            "PENDING,    CANCELLED,     ,",
            "ORDERED,    RECOVERED,     REPOSSESSED,",
            "ORDERED,    CANCELLED,     ,",
            "ORDERED,    UNRECOVERABLE, ,",
            "RECOVERED,  INSPECTED,     ,",
            "INSPECTED,  IN_REPAIR,     ,",
            "INSPECTED,  INVENTORY,     INVENTORY,",
            "IN_REPAIR,  INVENTORY,     INVENTORY,",
            "INVENTORY,  SOLD,          SOLD,        RECORD_SALE + TRANSFER_TITLE",
            "SOLD,       CLOSED,        ,",
            "ORDERED,    REINSTATED,    ACTIVE,      RECORD_REINSTATEMENT",
            "RECOVERED,  REINSTATED,    ACTIVE,      RECORD_REINSTATEMENT",
            "INSPECTED,  REINSTATED,    ACTIVE,      RECORD_REINSTATEMENT",
            "INVENTORY,  REINSTATED,    ACTIVE,      RECORD_REINSTATEMENT",
    };

    private static final Set<RepoStatus> FINAL = EnumSet.of(CLOSED, CANCELLED, UNRECOVERABLE, REINSTATED);

    /** A Case with everything any step needs. */
    private static final RepoFacts COMPLETE = new RepoFacts(RepoType.INVOLUNTARY, "agent@recovery.example", true,
            new BigDecimal("14250.00"), LocalDate.of(2026, 3, 14), "Midwest Auto Auction", null, null, null, null, List.of(), null,
            "RECEIVED");

    /** The same Case with the lease brought current in the last LeaseWorks export. */
    private static final RepoFacts CURRENT_AGAIN = COMPLETE.withLeaseDaysPastDue(0);

    /** The same Case, had the lessee brought the vehicle back: a voluntary return with its drop-off. */
    private static final RepoFacts VOLUNTARY_RETURN = COMPLETE.withRepoType(RepoType.VOLUNTARY)
            .withDropOff(LocalDate.of(2026, 2, 2), "Lot B, 2200 Commerce St, Dallas TX");

    private final RepoWorkflow workflow = new RepoWorkflow();

    // --- the graph --------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("legalSteps")
    void everyLegalStepIsAllowedWithTheSideEffectsOfTheStateItEnters(
            RepoStatus from, RepoStatus to, Optional<VehicleDisposition> disposition, Set<RepoAction> actions) {
        RepoFacts facts = from == PENDING && to == RECOVERED ? VOLUNTARY_RETURN : to == REINSTATED ? CURRENT_AGAIN : COMPLETE;
        Transition transition = workflow.check(from, to, facts);

        assertThat(transition).isEqualTo(new Transition.Allowed(from, to, disposition, actions));
        assertThat(transition.isRefused()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("illegalPairs")
    void everyOtherPairOfDifferentStatesIsRefusedNamingBoth(RepoStatus from, RepoStatus to) {
        Transition transition = workflow.check(from, to, COMPLETE);

        assertThat(transition).isInstanceOf(Transition.Refused.class);
        assertThat(transition.isRefused()).isTrue();
        assertThat(transition.from()).isEqualTo(from);
        assertThat(transition.to()).isEqualTo(to);
        assertThat(((Transition.Refused) transition).reason())
                .startsWith(from + " -> " + to + " is not ")
                .contains(from.name(), to.name());
    }

    @Test
    void theMatrixIsCovered() {
        assertThat(legalSteps()).hasSize(18);
        assertThat(illegalPairs()).hasSize(12 * 12 - 12 - 18);
    }

    @Test
    void theWorkflowPublishesTheSameGraphAsTheTable() {
        for (RepoStatus from : RepoStatus.values()) {
            Set<RepoStatus> expected = legalSteps().stream()
                    .filter(step -> step.get()[0] == from)
                    .map(step -> (RepoStatus) step.get()[1])
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(RepoStatus.class)));
            assertThat(RepoWorkflow.nextStates(from)).as("next states of %s", from).isEqualTo(expected);
        }
    }

    @Test
    void aJumpIsRefusedWithTheStepsThatWouldHaveBeenAllowed() {
        assertThat(workflow.check(PENDING, SOLD, COMPLETE)).isEqualTo(new Transition.Refused(PENDING, SOLD,
                "PENDING -> SOLD is not a step of the repossession workflow:"
                        + " from PENDING a case goes to ORDERED, RECOVERED or CANCELLED"));
        assertThat(workflow.check(ORDERED, INSPECTED, COMPLETE)).isEqualTo(new Transition.Refused(ORDERED, INSPECTED,
                "ORDERED -> INSPECTED is not a step of the repossession workflow:"
                        + " from ORDERED a case goes to RECOVERED, CANCELLED, UNRECOVERABLE or REINSTATED"));
    }

    @Test
    void aBackwardStepIsRefused() {
        assertThat(reasonOf(workflow.check(INVENTORY, IN_REPAIR, COMPLETE))).isEqualTo(
                "INVENTORY -> IN_REPAIR is not a step of the repossession workflow:"
                        + " from INVENTORY a case goes to SOLD or REINSTATED");
    }

    @ParameterizedTest
    @EnumSource(value = RepoStatus.class, names = {"RECOVERED", "INSPECTED", "IN_REPAIR", "INVENTORY", "SOLD"})
    void aRecoveredVehicleCannotBeCancelled(RepoStatus from) {
        assertThat(reasonOf(workflow.check(from, CANCELLED, COMPLETE)))
                .startsWith(from + " -> CANCELLED is not a step of the repossession workflow: from " + from)
                .endsWith("; a recovered vehicle cannot be cancelled: it is sold and the case closed, or the case REINSTATED");
    }

    @ParameterizedTest
    @EnumSource(value = RepoStatus.class, names = {"REQUESTED", "PENDING", "RECOVERED", "INSPECTED", "SOLD"})
    void onlyAnOrderedRepoCanBeDeclaredUnrecoverable(RepoStatus from) {
        assertThat(workflow.check(from, UNRECOVERABLE, COMPLETE).isRefused()).isTrue();
    }

    @Test
    void inspectionWithNothingToRepairGoesStraightToInventory() {
        assertThat(workflow.check(INSPECTED, INVENTORY, RepoFacts.none())).isEqualTo(new Transition.Allowed(
                INSPECTED, INVENTORY, Optional.of(VehicleDisposition.INVENTORY), Set.of()));
    }

    // --- same state and final states ----------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(RepoStatus.class)
    void stayingInTheSameStateIsNoTransitionAndDoesNothing(RepoStatus status) {
        Transition transition = workflow.check(status, status, RepoFacts.none());

        assertThat(transition).isEqualTo(new Transition.Unchanged(status));
        assertThat(transition.isRefused()).isFalse();
        assertThat(transition.from()).isEqualTo(status);
        assertThat(transition.to()).isEqualTo(status);
    }

    @Test
    void reReadingASoldCaseDoesNotRecordTheSaleAgainEvenIfItsFactsChanged() {
        assertThat(workflow.check(SOLD, SOLD, RepoFacts.none())).isEqualTo(new Transition.Unchanged(SOLD));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("fromFinalToAnyOther")
    void finalStatesRefuseEveryOtherState(RepoStatus from, RepoStatus to) {
        assertThat(workflow.check(from, to, COMPLETE)).isEqualTo(new Transition.Refused(from, to,
                from + " -> " + to + " is not allowed: " + from + " is final, a case in " + from
                        + " does not move again"));
    }

    @Test
    void exactlyClosedCancelledUnrecoverableAndReinstatedAreFinal() {
        for (RepoStatus status : RepoStatus.values()) {
            assertThat(status.isFinal()).as("%s is final", status).isEqualTo(FINAL.contains(status));
            assertThat(RepoWorkflow.nextStates(status).isEmpty()).as("%s has no next", status)
                    .isEqualTo(FINAL.contains(status));
        }
    }

    // --- rules beyond the graph ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"NOT_REQUESTED", "REQUESTED", "TRANSFERRED", "Clean"})
    void soldNeedsTheTitleReceivedNamingTheFieldAndWhatItSays(String status) {
        assertThat(workflow.check(INVENTORY, SOLD, COMPLETE.withTitleStatus(status))).isEqualTo(
                new Transition.Refused(INVENTORY, SOLD, "INVENTORY -> SOLD is refused: the sale needs the vehicle's title"
                        + " received (its Vehicle__c.Title_Status__c is " + status + ", not RECEIVED)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RECEIVED", "received", " Received "})
    void aReceivedTitleIsEnoughWhateverTheCheckboxSays(String status) {
        RepoFacts received = COMPLETE.withTitleVerified(false).withTitleStatus(status);

        assertThat(workflow.check(INVENTORY, SOLD, received)).isInstanceOf(Transition.Allowed.class);
    }

    @Test
    void theOldCheckboxStandsForAReceivedTitleOnlyWhileTheVehicleHasNoTitleStatus() {
        assertThat(workflow.check(INVENTORY, SOLD, COMPLETE.withTitleStatus(null).withTitleVerified(true)))
                .isInstanceOf(Transition.Allowed.class);
        assertThat(reasonOf(workflow.check(INVENTORY, SOLD, COMPLETE.withTitleStatus(" ").withTitleVerified(false)))).isEqualTo(
                "INVENTORY -> SOLD is refused: the sale needs the vehicle's title received"
                        + " (its Vehicle__c.Title_Status__c is empty and Title_Verified__c is not checked)");
        assertThat(reasonOf(workflow.check(INVENTORY, SOLD, COMPLETE.withTitleStatus("REQUESTED").withTitleVerified(true))))
                .contains("Vehicle__c.Title_Status__c is REQUESTED, not RECEIVED");
    }

    @Test
    void soldNeedsASalePrice() {
        RepoFacts noPrice = COMPLETE.withSale(null, LocalDate.of(2026, 3, 14), "Midwest Auto Auction");

        assertThat(reasonOf(workflow.check(INVENTORY, SOLD, noPrice)))
                .isEqualTo("INVENTORY -> SOLD is refused: the sale needs a sale price (Sale_Price__c)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1500.00"})
    void soldNeedsASalePriceAboveZero(String price) {
        RepoFacts facts = COMPLETE.withSale(new BigDecimal(price), LocalDate.of(2026, 3, 14), null);

        assertThat(reasonOf(workflow.check(INVENTORY, SOLD, facts))).isEqualTo(
                "INVENTORY -> SOLD is refused: the sale needs a sale price above zero (Sale_Price__c is " + price + ")");
    }

    @Test
    void soldNeedsASaleDate() {
        RepoFacts noDate = COMPLETE.withSale(new BigDecimal("14250.00"), null, "Midwest Auto Auction");

        assertThat(reasonOf(workflow.check(INVENTORY, SOLD, noDate)))
                .isEqualTo("INVENTORY -> SOLD is refused: the sale needs a sale date (Sale_Date__c)");
    }

    @Test
    void soldWithNothingFilledInNamesEverythingMissingAtOnce() {
        assertThat(reasonOf(workflow.check(INVENTORY, SOLD, RepoFacts.none()))).isEqualTo(
                "INVENTORY -> SOLD is refused: the sale needs the vehicle's title received (its Vehicle__c.Title_Status__c"
                        + " is empty and Title_Verified__c is not checked), a sale price (Sale_Price__c) and a sale date (Sale_Date__c)");
    }

    @Test
    void aSaleWithoutABuyerIsStillASale() {
        RepoFacts noBuyer = COMPLETE.withSale(new BigDecimal("0.01"), LocalDate.of(2026, 3, 14), null);

        assertThat(workflow.check(INVENTORY, SOLD, noBuyer).isRefused()).isFalse();
    }

    // --- voluntary returns ---------------------------------------------------------------------------------

    @Test
    void aVoluntaryReturnGoesFromPendingToRecoveredWithoutAnOrder() {
        assertThat(workflow.check(PENDING, RECOVERED, VOLUNTARY_RETURN)).isEqualTo(new Transition.Allowed(
                PENDING, RECOVERED, Optional.of(VehicleDisposition.REPOSSESSED), Set.of()));
    }

    @Test
    void aVoluntaryReturnIsNotOrderedFromAnAgent() {
        assertThat(reasonOf(new RepoWorkflow("repos@agency.example").check(PENDING, ORDERED, VOLUNTARY_RETURN)))
                .isEqualTo("PENDING -> ORDERED is refused: a voluntary return needs no repo agent order; it goes"
                        + " PENDING -> RECOVERED with the drop-off date and place (Drop_Off_Date__c,"
                        + " Drop_Off_Location__c), or set Repo_Type__c to INVOLUNTARY to send an agent");
    }

    @Test
    void anInvoluntaryRepossessionIsNotRecoveredWithoutAnOrder() {
        assertThat(reasonOf(workflow.check(PENDING, RECOVERED, VOLUNTARY_RETURN.withRepoType(RepoType.INVOLUNTARY))))
                .isEqualTo("PENDING -> RECOVERED is refused: a recovery without a repo order is a voluntary return"
                        + " and needs Repo_Type__c VOLUNTARY (it is INVOLUNTARY; an involuntary repossession is"
                        + " ORDERED from an agent first)");
    }

    @Test
    void aVoluntaryReturnNeedsTheDropOffDateAndPlace() {
        RepoFacts noDropOff = VOLUNTARY_RETURN.withDropOff(null, "  ");

        assertThat(reasonOf(workflow.check(PENDING, RECOVERED, noDropOff))).isEqualTo(
                "PENDING -> RECOVERED is refused: a recovery without a repo order is a voluntary return and needs"
                        + " a drop-off date (Drop_Off_Date__c) and a drop-off place (Drop_Off_Location__c)");
    }

    @Test
    void aVoluntaryReturnWithNothingFilledInNamesEverythingMissingAtOnce() {
        assertThat(reasonOf(workflow.check(PENDING, RECOVERED, RepoFacts.none()))).isEqualTo(
                "PENDING -> RECOVERED is refused: a recovery without a repo order is a voluntary return and needs"
                        + " Repo_Type__c VOLUNTARY (it is empty; an involuntary repossession is ORDERED from an agent"
                        + " first), a drop-off date (Drop_Off_Date__c) and a drop-off place (Drop_Off_Location__c)");
    }

    @Test
    void anAgentsRecoveryAfterTheOrderNeedsNoDropOff() {
        assertThat(workflow.check(ORDERED, RECOVERED, COMPLETE).isRefused()).isFalse();
    }

    // --- another chance ------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = RepoStatus.class, names = {"ORDERED", "RECOVERED", "INSPECTED", "INVENTORY"})
    void aLeaseBroughtCurrentIsReinstatedAndItsVehicleBackOnIt(RepoStatus from) {
        assertThat(workflow.check(from, REINSTATED, COMPLETE.withLeaseDaysPastDue(0))).isEqualTo(new Transition.Allowed(
                from, REINSTATED, Optional.of(VehicleDisposition.ACTIVE), Set.of(RepoAction.RECORD_REINSTATEMENT)));
    }

    @Test
    void aRepsReasonReinstatesALeaseStillPastDue() {
        RepoFacts facts = COMPLETE.withLeaseDaysPastDue(12).withReinstatementReason("Paid 2 of 3 installments, rest by 12/15");

        assertThat(workflow.check(RECOVERED, REINSTATED, facts).isRefused()).isFalse();
    }

    @Test
    void aLeaseStillPastDueWithoutAReasonIsNotReinstated() {
        assertThat(reasonOf(workflow.check(INSPECTED, REINSTATED, COMPLETE.withLeaseDaysPastDue(12).withReinstatementReason(" "))))
                .isEqualTo("INSPECTED -> REINSTATED is refused: another chance needs the lease brought current"
                        + " (the last LeaseWorks export shows 12 days past due) or a reason (Reinstatement_Reason__c)");
    }

    @Test
    void aLeaseTheHubHasNotSeenIsNotTakenForCurrent() {
        assertThat(reasonOf(workflow.check(ORDERED, REINSTATED, COMPLETE)))
                .isEqualTo("ORDERED -> REINSTATED is refused: another chance needs the lease brought current"
                        + " (the hub has no LeaseWorks export of the vehicle's lease) or a reason (Reinstatement_Reason__c)");
    }

    @ParameterizedTest
    @EnumSource(value = RepoStatus.class, names = {"REQUESTED", "PENDING", "IN_REPAIR", "SOLD"})
    void anotherChanceIsNotAStepFromAnywhereElse(RepoStatus from) {
        assertThat(reasonOf(workflow.check(from, REINSTATED, CURRENT_AGAIN)))
                .startsWith(from + " -> REINSTATED is not a step of the repossession workflow");
    }

    // --- sellable before inventory --------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = RepoStatus.class, names = {"INSPECTED", "IN_REPAIR"})
    void aVehicleWithAnUnfinishedRepairOrderDoesNotGoToInventory(RepoStatus from) {
        RepoFacts facts = COMPLETE.withRepairOrders(List.of("RO-5001"), null);

        assertThat(reasonOf(workflow.check(from, INVENTORY, facts))).isEqualTo(from + " -> INVENTORY is refused:"
                + " a vehicle goes to inventory in sellable condition: FleetRock repair order RO-5001 is not finished"
                + " (finish it or give Inventory_Override_Reason__c)");
    }

    @Test
    void everyUnfinishedRepairOrderIsNamed() {
        RepoFacts facts = COMPLETE.withRepairOrders(List.of("RO-5001", "RO-5007", "RO-5010"), "  ");

        assertThat(reasonOf(workflow.check(IN_REPAIR, INVENTORY, facts))).endsWith("FleetRock repair orders RO-5001,"
                + " RO-5007 and RO-5010 are not finished (finish them or give Inventory_Override_Reason__c)");
    }

    @Test
    void aRepsOverrideMovesAVehicleWithAnOpenRepairOrderToInventory() {
        RepoFacts facts = COMPLETE.withRepairOrders(List.of("RO-5001"), "Sold as is to a wholesaler; the repair is cosmetic");

        assertThat(workflow.check(IN_REPAIR, INVENTORY, facts)).isEqualTo(new Transition.Allowed(
                IN_REPAIR, INVENTORY, Optional.of(VehicleDisposition.INVENTORY), Set.of()));
    }

    @Test
    void anUnfinishedRepairOrderDoesNotStopAnotherChance() {
        RepoFacts facts = CURRENT_AGAIN.withRepairOrders(List.of("RO-5001"), null);

        assertThat(workflow.check(INSPECTED, REINSTATED, facts).isRefused()).isFalse();
    }

    @Test
    void orderedNeedsARepoType() {
        assertThat(workflow.check(PENDING, ORDERED, COMPLETE.withRepoType(null))).isEqualTo(
                new Transition.Refused(PENDING, ORDERED, "PENDING -> ORDERED is refused: the repo order needs"
                        + " a repo type, voluntary or involuntary (Repo_Type__c)"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void orderedNeedsAnAgentWhenThereIsNoDefault(String agentEmail) {
        assertThat(reasonOf(workflow.check(PENDING, ORDERED, COMPLETE.withAgentEmail(agentEmail)))).isEqualTo(
                "PENDING -> ORDERED is refused: the repo order needs an agent email (Repo_Agent_Email__c;"
                        + " no default agent is configured)");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void orderedGoesToTheDefaultAgentWhenTheCaseNamesNone(String agentEmail) {
        RepoWorkflow withDefault = new RepoWorkflow("repos@agency.example");
        RepoFacts facts = RepoFacts.none().withRepoType(RepoType.INVOLUNTARY).withAgentEmail(agentEmail);

        assertThat(withDefault.check(PENDING, ORDERED, facts)).isEqualTo(new Transition.Allowed(
                PENDING, ORDERED, Optional.empty(), Set.of(RepoAction.SEND_REPO_ORDER)));
        assertThat(withDefault.agentEmail(facts)).hasValue("repos@agency.example");
    }

    @Test
    void theCasesOwnAgentWinsOverTheDefault() {
        RepoWorkflow withDefault = new RepoWorkflow("repos@agency.example");

        assertThat(withDefault.agentEmail(COMPLETE.withAgentEmail(" tow@north.example ")))
                .hasValue("tow@north.example");
    }

    @Test
    void aMistypedAgentOnTheCaseIsRefusedRatherThanSentToTheDefault() {
        RepoWorkflow withDefault = new RepoWorkflow("repos@agency.example");
        RepoFacts facts = COMPLETE.withAgentEmail("tow at north.example");

        assertThat(reasonOf(withDefault.check(PENDING, ORDERED, facts))).isEqualTo(
                "PENDING -> ORDERED is refused: the repo order needs an agent email address"
                        + " (Repo_Agent_Email__c is 'tow at north.example')");
        assertThat(withDefault.agentEmail(facts)).isEmpty();
    }

    @Test
    void orderedWithNothingFilledInNamesEverythingMissingAtOnce() {
        assertThat(reasonOf(workflow.check(PENDING, ORDERED, RepoFacts.none()))).isEqualTo(
                "PENDING -> ORDERED is refused: the repo order needs a repo type, voluntary or involuntary"
                        + " (Repo_Type__c) and an agent email (Repo_Agent_Email__c; no default agent is configured)");
    }

    @Test
    void aMalformedDefaultAgentFailsAtStartUp() {
        assertThatThrownBy(() -> new RepoWorkflow("repos-at-agency"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the default repo agent email 'repos-at-agency' is not an email address");
    }

    @ParameterizedTest
    @EnumSource(value = RepoStatus.class, names = {"PENDING", "CANCELLED", "UNRECOVERABLE", "RECOVERED"})
    void stepsOtherThanOrderedAndSoldNeedNoFacts(RepoStatus to) {
        RepoStatus from = to == PENDING || to == CANCELLED ? REQUESTED : ORDERED;

        assertThat(workflow.check(from, to, RepoFacts.none()).isRefused()).isFalse();
    }

    @Test
    void theGraphIsCheckedBeforeTheFacts() {
        assertThat(reasonOf(workflow.check(REQUESTED, ORDERED, RepoFacts.none())))
                .startsWith("REQUESTED -> ORDERED is not a step of the repossession workflow");
    }

    // --- a new case ---------------------------------------------------------------------------------------

    @Test
    void aNewCaseMayStartRequestedWithNothingToDo() {
        assertThat(workflow.start(REQUESTED, RepoFacts.none()))
                .isEqualTo(new Transition.Allowed(null, REQUESTED, Optional.empty(), Set.of()));
    }

    @Test
    void aNewCaseMayStartPendingAndSetsTheDisposition() {
        assertThat(workflow.start(PENDING, RepoFacts.none())).isEqualTo(
                new Transition.Allowed(null, PENDING, Optional.of(VehicleDisposition.PENDING), Set.of()));
        assertThat(workflow.check(null, PENDING, RepoFacts.none())).isEqualTo(workflow.start(PENDING, RepoFacts.none()));
    }

    @ParameterizedTest
    @EnumSource(value = RepoStatus.class, mode = EnumSource.Mode.EXCLUDE, names = {"REQUESTED", "PENDING"})
    void aNewCaseCannotStartAnywhereElse(RepoStatus first) {
        assertThat(workflow.check(null, first, COMPLETE)).isEqualTo(new Transition.Refused(null, first,
                "a new repossession case cannot start in " + first + ": it starts in REQUESTED or PENDING"));
    }

    @Test
    void startStatesAreRequestedAndPending() {
        assertThat(RepoWorkflow.startStates()).containsExactlyInAnyOrder(REQUESTED, PENDING);
    }

    // --- a Case without a status ----------------------------------------------------------------------------

    @Test
    void aCaseWhoseStatusWasClearedIsRefused() {
        assertThat(workflow.check(ORDERED, null, COMPLETE)).isEqualTo(new Transition.Refused(ORDERED, null,
                "ORDERED -> (none): the Case has no Repo_Status__c;"
                        + " from ORDERED a case goes to RECOVERED, CANCELLED, UNRECOVERABLE or REINSTATED"));
        assertThat(reasonOf(workflow.check(CLOSED, null, COMPLETE)))
                .isEqualTo("CLOSED -> (none): the Case has no Repo_Status__c; CLOSED is final");
        assertThat(reasonOf(workflow.start(null, COMPLETE)))
                .isEqualTo("a new repossession case has no Repo_Status__c: it starts in REQUESTED or PENDING");
    }

    // --- reading the picklist -------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "IN_REPAIR|IN_REPAIR",
            "In Repair|IN_REPAIR",
            "in-repair|IN_REPAIR",
            "' Sold '|SOLD",
            "unrecoverable|UNRECOVERABLE",
    })
    void picklistValuesAreRead(String value, RepoStatus expected) {
        assertThat(RepoStatus.fromPicklist(value)).hasValue(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "Repaired", "IN__REPAIR", "Closed Won"})
    void whatIsNotAStatusIsEmpty(String value) {
        assertThat(RepoStatus.fromPicklist(value)).isEmpty();
    }

    // --- sources ----------------------------------------------------------------------------------------------

    static List<Arguments> legalSteps() {
        return Arrays.stream(LEGAL_STEPS).map(line -> {
            String[] cells = (line + " ").split(",", -1);
            RepoStatus from = RepoStatus.valueOf(cells[0].strip());
            RepoStatus to = RepoStatus.valueOf(cells[1].strip());
            Optional<VehicleDisposition> disposition = cells[2].isBlank()
                    ? Optional.empty() : Optional.of(VehicleDisposition.valueOf(cells[2].strip()));
            Set<RepoAction> actions = cells[3].isBlank() ? Set.of() : Arrays.stream(cells[3].split("\\+"))
                    .map(action -> RepoAction.valueOf(action.strip())).collect(Collectors.toSet());
            return Arguments.of(from, to, disposition, actions);
        }).toList();
    }

    static List<Arguments> illegalPairs() {
        Set<List<RepoStatus>> legal = legalSteps().stream()
                .map(step -> List.of((RepoStatus) step.get()[0], (RepoStatus) step.get()[1]))
                .collect(Collectors.toSet());
        return Arrays.stream(RepoStatus.values())
                .flatMap(from -> Arrays.stream(RepoStatus.values()).map(to -> List.of(from, to)))
                .filter(pair -> pair.get(0) != pair.get(1) && !legal.contains(pair))
                .map(pair -> Arguments.of(pair.get(0), pair.get(1)))
                .toList();
    }

    static Stream<Arguments> fromFinalToAnyOther() {
        return FINAL.stream().flatMap(from -> Arrays.stream(RepoStatus.values())
                .filter(to -> to != from)
                .map(to -> Arguments.of(from, to)));
    }

    private static String reasonOf(Transition transition) {
        assertThat(transition).isInstanceOf(Transition.Refused.class);
        return ((Transition.Refused) transition).reason();
    }
}
