package io.leasebridge.repo;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the Salesforce Case says that the workflow's rules look at. Any field may be missing ({@code null})
 * because reps fill the Case in as the repo goes; {@link RepoWorkflow} says which step needs which.
 *
 * @param repoType      {@code Repo_Type__c}
 * @param agentEmail    {@code Repo_Agent_Email__c}; blank means "use the default agent"
 * @param titleVerified {@code Title_Verified__c}
 * @param salePrice     {@code Sale_Price__c}
 * @param saleDate      {@code Sale_Date__c}
 * @param buyer         who bought the vehicle; recorded with the sale, not required by the workflow
 */
public record RepoFacts(
        RepoType repoType,
        String agentEmail,
        boolean titleVerified,
        BigDecimal salePrice,
        LocalDate saleDate,
        String buyer) {

    private static final RepoFacts NONE = new RepoFacts(null, null, false, null, null, null);

    /** A Case with none of these fields filled in. */
    public static RepoFacts none() {
        return NONE;
    }

    public RepoFacts withRepoType(RepoType repoType) {
        return new RepoFacts(repoType, agentEmail, titleVerified, salePrice, saleDate, buyer);
    }

    public RepoFacts withAgentEmail(String agentEmail) {
        return new RepoFacts(repoType, agentEmail, titleVerified, salePrice, saleDate, buyer);
    }

    public RepoFacts withTitleVerified(boolean titleVerified) {
        return new RepoFacts(repoType, agentEmail, titleVerified, salePrice, saleDate, buyer);
    }

    public RepoFacts withSale(BigDecimal salePrice, LocalDate saleDate, String buyer) {
        return new RepoFacts(repoType, agentEmail, titleVerified, salePrice, saleDate, buyer);
    }
}
