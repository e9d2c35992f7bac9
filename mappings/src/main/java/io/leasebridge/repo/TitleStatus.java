package io.leasebridge.repo;

import java.util.Optional;

/**
 * Where a vehicle's title stands, as the title desk records it in {@code Vehicle__c.Title_Status__c}: a repossessed
 * vehicle is resold only with its title in hand (RECEIVED), and the sale hands it to the buyer (TRANSFERRED).
 */
public enum TitleStatus {
    NOT_REQUESTED,
    REQUESTED,
    RECEIVED,
    TRANSFERRED;

    /** Reads a picklist value, case and blanks ignored; empty when the value is none of these (or a free-text status). */
    public static Optional<TitleStatus> fromPicklist(String value) {
        return RepoStatus.picklistValue(values(), value);
    }
}
