package io.leasebridge.quickbooks;

import io.leasebridge.hub.Hashes;

/** The requestids of calls that are not postings themselves: vendor creation and updates. */
final class QuickBooksRequestIds {

    private QuickBooksRequestIds() {
    }

    static String vendor(String displayName) {
        return "vendor-" + Hashes.sha256(displayName).substring(0, 40);
    }

    /** An update of a posting: its own id per content (a replayed requestid would return the first answer). */
    static String update(String requestId, String payloadHash, int round) {
        String suffix = "-u" + payloadHash.substring(0, 8) + (round > 1 ? "-" + round : "");
        String base = requestId.length() + suffix.length() <= 50 ? requestId : requestId.substring(0, 50 - suffix.length());
        return base + suffix;
    }

    /** The {@code n}th posting again of a document QuickBooks lost or voided. */
    static String repost(String requestId, int n) {
        String suffix = "-r" + n;
        return (requestId.length() + suffix.length() <= 50 ? requestId : requestId.substring(0, 50 - suffix.length())) + suffix;
    }
}
