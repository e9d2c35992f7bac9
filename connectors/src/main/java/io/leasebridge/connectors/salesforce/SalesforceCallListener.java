package io.leasebridge.connectors.salesforce;

/** Told of every request sent to Salesforce, each redelivery a request of its own (metrics, health, API usage). */
@FunctionalInterface
public interface SalesforceCallListener {

    void called(SalesforceCall call);

    /**
     * One request and its answer.
     *
     * @param operation the camel-salesforce operation, e.g. {@code compositeUpsertSObjectCollections}
     * @param millis    how long the request took
     * @param failure   why it failed, or null when Salesforce answered (a 200 with per-record failures is an answer)
     * @param limitInfo the answer's {@code Sforce-Limit-Info} header, or null
     */
    record SalesforceCall(String operation, long millis, SalesforceCallException failure, String limitInfo) {

        public boolean answered() {
            return failure == null;
        }
    }
}
