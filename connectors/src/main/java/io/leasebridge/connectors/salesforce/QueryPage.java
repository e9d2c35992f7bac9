package io.leasebridge.connectors.salesforce;

import java.util.List;
import java.util.Map;

/** One page of a SOQL query result: its records and, when there are more, where the next page is. */
public record QueryPage(List<Map<String, Object>> records, String nextRecordsUrl) {

    public boolean hasMore() {
        return nextRecordsUrl != null;
    }
}
