package io.leasebridge.repo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the Salesforce Case says that the workflow's rules look at. Any field may be missing ({@code null})
 * because reps fill the Case in as the repo goes; {@link RepoWorkflow} says which step needs which.
 *
 * @param repoType      {@code Repo_Type__c}
 * @param agentEmail    {@code Repo_Agent_Email__c}; blank means "use the default agent"
 * @param titleVerified {@code Title_Verified__c}, the Case's checkbox from before titles had a status: it stands for a
 *                      received title only while the vehicle's {@code Title_Status__c} is empty
 * @param salePrice     {@code Sale_Price__c}
 * @param saleDate      {@code Sale_Date__c}
 * @param buyer         who bought the vehicle; recorded with the sale, not required by the workflow
 * @param dropOffDate   {@code Drop_Off_Date__c}: when the lessee of a voluntary return handed the vehicle over
 * @param dropOffPlace  {@code Drop_Off_Location__c}: where they left it
 * @param reinstatementReason {@code Reinstatement_Reason__c}: why a rep gives the lessee another chance while the
 *                      lease is not (yet) current
 * @param leaseDaysPastDue days past due of the vehicle's lease in the last LeaseWorks export (not a Case field:
 *                      the caller looks it up); {@code null} when the hub has no such lease
 * @param unfinishedRepairOrders the vehicle's FleetRock repair orders not finished yet, by RO number (looked up
 *                      by the caller like the days past due); never null
 * @param inventoryOverride {@code Inventory_Override_Reason__c}: why a rep moves the vehicle to inventory anyway
 * @param titleStatus   the vehicle's {@code Title_Status__c} as typed (read with the Case), {@code null} when empty
 */
public record RepoFacts(
        RepoType repoType,
        String agentEmail,
        boolean titleVerified,
        BigDecimal salePrice,
        LocalDate saleDate,
        String buyer,
        LocalDate dropOffDate,
        String dropOffPlace,
        String reinstatementReason,
        Integer leaseDaysPastDue,
        List<String> unfinishedRepairOrders,
        String inventoryOverride,
        String titleStatus) {

    private static final RepoFacts NONE =
            new RepoFacts(null, null, false, null, null, null, null, null, null, null, List.of(), null, null);

    public RepoFacts {
        unfinishedRepairOrders = unfinishedRepairOrders == null ? List.of() : List.copyOf(unfinishedRepairOrders);
    }

    /** A Case with none of these fields filled in. */
    public static RepoFacts none() {
        return NONE;
    }

    public RepoFacts withRepoType(RepoType repoType) {
        return new RepoFacts(repoType, agentEmail, titleVerified, salePrice, saleDate, buyer, dropOffDate, dropOffPlace,
                reinstatementReason, leaseDaysPastDue, unfinishedRepairOrders, inventoryOverride, titleStatus);
    }

    public RepoFacts withAgentEmail(String agentEmail) {
        return new RepoFacts(repoType, agentEmail, titleVerified, salePrice, saleDate, buyer, dropOffDate, dropOffPlace,
                reinstatementReason, leaseDaysPastDue, unfinishedRepairOrders, inventoryOverride, titleStatus);
    }

    public RepoFacts withTitleVerified(boolean titleVerified) {
        return new RepoFacts(repoType, agentEmail, titleVerified, salePrice, saleDate, buyer, dropOffDate, dropOffPlace,
                reinstatementReason, leaseDaysPastDue, unfinishedRepairOrders, inventoryOverride, titleStatus);
    }

    public RepoFacts withSale(BigDecimal salePrice, LocalDate saleDate, String buyer) {
        return new RepoFacts(repoType, agentEmail, titleVerified, salePrice, saleDate, buyer, dropOffDate, dropOffPlace,
                reinstatementReason, leaseDaysPastDue, unfinishedRepairOrders, inventoryOverride, titleStatus);
    }

    public RepoFacts withDropOff(LocalDate dropOffDate, String dropOffPlace) {
        return new RepoFacts(repoType, agentEmail, titleVerified, salePrice, saleDate, buyer, dropOffDate, dropOffPlace,
                reinstatementReason, leaseDaysPastDue, unfinishedRepairOrders, inventoryOverride, titleStatus);
    }

    public RepoFacts withReinstatementReason(String reinstatementReason) {
        return new RepoFacts(repoType, agentEmail, titleVerified, salePrice, saleDate, buyer, dropOffDate, dropOffPlace,
                reinstatementReason, leaseDaysPastDue, unfinishedRepairOrders, inventoryOverride, titleStatus);
    }

    public RepoFacts withLeaseDaysPastDue(Integer leaseDaysPastDue) {
        return new RepoFacts(repoType, agentEmail, titleVerified, salePrice, saleDate, buyer, dropOffDate, dropOffPlace,
                reinstatementReason, leaseDaysPastDue, unfinishedRepairOrders, inventoryOverride, titleStatus);
    }

    public RepoFacts withRepairOrders(List<String> unfinishedRepairOrders, String inventoryOverride) {
        return new RepoFacts(repoType, agentEmail, titleVerified, salePrice, saleDate, buyer, dropOffDate, dropOffPlace,
                reinstatementReason, leaseDaysPastDue, unfinishedRepairOrders, inventoryOverride, titleStatus);
    }

    public RepoFacts withTitleStatus(String titleStatus) {
        return new RepoFacts(repoType, agentEmail, titleVerified, salePrice, saleDate, buyer, dropOffDate, dropOffPlace,
                reinstatementReason, leaseDaysPastDue, unfinishedRepairOrders, inventoryOverride, titleStatus);
    }

    /**
     * Whether the vehicle's title is in hand for a resale: {@code Title_Status__c} RECEIVED, or, for an org whose title
     * desk still ticks the Case's {@code Title_Verified__c}, that checkbox while the vehicle has no title status at all.
     */
    public boolean titleReceived() {
        if (titleStatus == null || titleStatus.isBlank()) {
            return titleVerified;
        }
        return TitleStatus.fromPicklist(titleStatus).orElse(null) == TitleStatus.RECEIVED;
    }
}
