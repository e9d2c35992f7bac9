package io.leasebridge.repo;

/** {@code Repo_Type__c}: whether the lessee hands the vehicle over or an agent takes it. */
public enum RepoType {
    VOLUNTARY,
    INVOLUNTARY
}
