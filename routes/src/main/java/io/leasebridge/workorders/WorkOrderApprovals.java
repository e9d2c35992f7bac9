package io.leasebridge.workorders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.salesforce.ChangeQuery;
import io.leasebridge.salesforce.SalesforceChangeReader;
import io.leasebridge.salesforce.SalesforceReadFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Salesforce approvals of work orders -> hub: reads the {@code WorkOrder}s approved in Salesforce since the last
 * read ({@code Approval_Status__c = 'Approved'}, by SystemModstamp, paged, with the reader's overlap) and marks
 * their hub work orders {@code approval_status = 'Approved'} with {@code approved_at}, which makes them payable
 * for accounting. A work order approved twice, or read again in the overlap, is approved once; one the hub does
 * not know (no FleetRock RO of that id) goes to dead letters.
 */
public class WorkOrderApprovals {

    public static final String FLOW = "work-order-approvals";
    static final ChangeQuery QUERY = new ChangeQuery(FLOW, "WorkOrder",
            List.of("Id", "FleetRock_RO_Id__c", "Approval_Status__c", "SystemModstamp"),
            "Approval_Status__c = '" + WorkOrderStore.APPROVED + "'");

    private final SalesforceReadFlow readFlow;
    private final WorkOrderStore store;
    private final DeadLetters deadLetters;
    private final ObjectMapper json;

    public WorkOrderApprovals(SalesforceReadFlow readFlow, WorkOrderStore store, DeadLetters deadLetters, ObjectMapper json) {
        this.readFlow = readFlow;
        this.store = store;
        this.deadLetters = deadLetters;
        this.json = json;
    }

    public RunCounts read() {
        return readFlow.run(FLOW, QUERY, (records, runId) -> {
            long approved = 0;
            List<DeadLetter> unknown = new ArrayList<>();
            for (Map<String, Object> record : records) {
                String id = String.valueOf(record.get("Id"));
                Object roId = record.get("FleetRock_RO_Id__c");
                if (roId == null || roId.toString().isBlank() || !store.exists(roId.toString())) {
                    unknown.add(new DeadLetter(FLOW, "WorkOrder", id, null, null, "FleetRock_RO_Id__c", "UNKNOWN_WORK_ORDER",
                            "WorkOrder " + id + " is approved, but its FleetRock_RO_Id__c '" + roId
                                    + "' names no work order LeaseBridge holds", payload(record)));
                    continue;
                }
                if (store.approve(roId.toString(), id,
                        SalesforceChangeReader.instant(String.valueOf(record.get("SystemModstamp"))))) {
                    approved++;
                }
            }
            deadLetters.record(unknown, runId);
            return new RunCounts(0, approved, 0, 0, unknown.size(), 0);
        });
    }

    private String payload(Map<String, Object> record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            return String.valueOf(record);
        }
    }
}
