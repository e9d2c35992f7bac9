package io.leasebridge.repocases;

import io.leasebridge.repo.RepoFacts;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A repossession Case as one read of Salesforce returned it.
 *
 * @param status         {@code Repo_Status__c} as typed, possibly not a state at all
 * @param lastModifiedBy who saved the Case last, for a timeline entry without field history
 */
record CaseRead(
        String caseId,
        String caseNumber,
        String status,
        String vin,
        RepoFacts facts,
        String agentName,
        BigDecimal agentFee,
        Instant modstamp,
        String lastModifiedBy) {
}
