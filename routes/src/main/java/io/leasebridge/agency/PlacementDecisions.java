package io.leasebridge.agency;

import io.leasebridge.mapping.AgencyLayouts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.salesforce.ChangeQuery;
import io.leasebridge.salesforce.SalesforceChangeReader;
import io.leasebridge.salesforce.SalesforceReadFlow;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.leasebridge.mapping.salesforce.SoqlValues.text;

/**
 * Reads the managers' decisions on proposed placements from Salesforce: APPROVED with an agency the layouts know, or
 * REJECTED. An approval naming no agency, or one the layouts do not have, is quarantined naming the placement and
 * {@code Agency__c}; the placement stays proposed until the manager corrects it, and the next read takes it. A rejected
 * placement a manager approves after all is sent. What LeaseBridge wrote itself (SENT, RECALLED) reads back as nothing
 * to do.
 */
@Service
public class PlacementDecisions {

    public static final String FLOW = "salesforce-agency-placements-read";
    static final String OBJECT = "Agency_Placement__c";
    private static final ChangeQuery QUERY = new ChangeQuery(FLOW, OBJECT,
            List.of("Id", "LeaseBridge_Placement_Id__c", "Status__c", "Agency__c", "SystemModstamp"), "");

    private final SalesforceReadFlow readFlow;
    private final PlacementStore store;
    private final AgencyLayouts layouts;
    private final DeadLetters deadLetters;
    private final ObjectMapper json;

    PlacementDecisions(SalesforceReadFlow readFlow, PlacementStore store, AgencyLayouts layouts, DeadLetters deadLetters,
                       ObjectMapper json) {
        this.readFlow = readFlow;
        this.store = store;
        this.layouts = layouts;
        this.deadLetters = deadLetters;
        this.json = json;
    }

    public RunCounts read() {
        return readFlow.run(FLOW, QUERY, (records, runId) -> {
            List<DeadLetter> refused = new ArrayList<>();
            List<String> decided = new ArrayList<>();
            for (Map<String, Object> r : records) {
                String placementId = text(r.get("LeaseBridge_Placement_Id__c"));
                Decision decision = apply(r, placementId);
                if (decision.problem() != null) {
                    refused.add(new DeadLetter(FLOW, OBJECT, placementId == null ? text(r.get("Id")) : placementId, null, null,
                            placementId == null ? "LeaseBridge_Placement_Id__c" : "Agency__c", "INVALID_PLACEMENT",
                            decision.problem(), payload(r)));
                } else if (decision.taken()) {
                    decided.add(placementId);
                }
            }
            deadLetters.record(refused, runId);
            deadLetters.resolveRecovered(FLOW, OBJECT, decided, runId);
            return new RunCounts(0, decided.size(), 0, 0, refused.size(), 0);
        });
    }

    /** @param taken a manager's decision was recorded; @param problem why the record cannot be taken, or null */
    private record Decision(boolean taken, String problem) {
        static final Decision NOTHING = new Decision(false, null);
        static final Decision TAKEN = new Decision(true, null);
    }

    private Decision apply(Map<String, Object> r, String placementId) {
        if (placementId == null) {
            return new Decision(false, OBJECT + " " + text(r.get("Id")) + ": LeaseBridge_Placement_Id__c is blank; LeaseBridge"
                    + " sends only the placements it proposed");
        }
        Optional<PlacementRecord> stored = store.find(placementId);
        String status = text(r.get("Status__c"));
        PlacementStatus now = stored.map(PlacementRecord::status).orElse(null);
        if (status == null || status.equals(String.valueOf(now))
                || (now != PlacementStatus.PROPOSED && now != PlacementStatus.REJECTED)) {
            return Decision.NOTHING;
        }
        Instant at = SalesforceChangeReader.instant(String.valueOf(r.get("SystemModstamp")));
        if (PlacementStatus.REJECTED.name().equals(status)) {
            store.decide(placementId, PlacementStatus.REJECTED, text(r.get("Agency__c")), at);
            return Decision.TAKEN;
        }
        if (!PlacementStatus.APPROVED.name().equals(status)) {
            return Decision.NOTHING;
        }
        String agency = text(r.get("Agency__c"));
        if (agency == null || layouts.agency(agency).isEmpty()) {
            return new Decision(false, OBJECT + " " + placementId + ": Agency__c " + (agency == null ? "is blank" : "'" + agency + "' is not")
                    + " an agency of the agency layouts (" + String.join(", ", layouts.agencies().keySet())
                    + "); the placement stays proposed until it names one");
        }
        store.decide(placementId, PlacementStatus.APPROVED, agency, at);
        return Decision.TAKEN;
    }

    private String payload(Map<String, Object> record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            return String.valueOf(record);
        }
    }
}
