package io.leasebridge.vehicles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.mapping.salesforce.SalesforceVehicles;
import io.leasebridge.model.Vehicle;
import io.leasebridge.salesforce.ChangeQuery;
import io.leasebridge.connectors.salesforce.SalesforceGateway;
import io.leasebridge.salesforce.SalesforceReadFlow;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Salesforce {@code Vehicle__c} -> hub: reads the vehicles changed since the last read, keeps the valid
 * ones (a changed one waits for the next LeaseWorks import) and quarantines the rest with the record id,
 * field and reason.
 */
@Service
public class VehicleSync {

    public static final String FLOW = "salesforce-vehicles-read";
    static final ChangeQuery QUERY = new ChangeQuery(FLOW, "Vehicle__c", SalesforceVehicles.FIELDS, null);

    private final SalesforceReadFlow readFlow;
    private final VehicleStore vehicles;
    private final DeadLetters deadLetters;
    private final ObjectMapper json;
    private final SalesforceGateway queries;
    private final TransactionTemplate transaction;

    public VehicleSync(SalesforceReadFlow readFlow, VehicleStore vehicles, DeadLetters deadLetters, ObjectMapper json,
                       SalesforceGateway queries, TransactionTemplate transaction) {
        this.json = json;
        this.queries = queries;
        this.transaction = transaction;
        this.readFlow = readFlow;
        this.vehicles = vehicles;
        this.deadLetters = deadLetters;
    }

    private String payload(Map<String, Object> record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            return String.valueOf(record);
        }
    }

    public RunCounts read() {
        return readFlow.run(FLOW, QUERY, (records, runId) -> {
            List<DeadLetter> refused = new ArrayList<>();
            long changed = store(records, refused);
            deadLetters.record(refused, runId);
            return new RunCounts(0, changed, 0, 0, refused.size(), 0);
        });
    }

    /**
     * Reads one vehicle again, for the replay of its dead letter: applied when Salesforce now holds it
     * right (a rep corrected the VIN), else the reason it is still refused.
     */
    public Optional<String> replay(String recordId) {
        List<Map<String, Object>> records = queries.query(QUERY.soqlById(recordId)).records();
        if (records.isEmpty()) {
            return Optional.of("Vehicle__c " + recordId + " is no longer in Salesforce");
        }
        List<DeadLetter> refused = new ArrayList<>();
        transaction.executeWithoutResult(status -> store(records, refused));
        return refused.stream().map(DeadLetter::reason).findFirst();
    }

    private long store(List<Map<String, Object>> records, List<DeadLetter> refused) {
        List<Vehicle> valid = new ArrayList<>(records.size());
        for (Map<String, Object> record : records) {
            SalesforceVehicles.Read read = SalesforceVehicles.read(record);
            if (read instanceof SalesforceVehicles.Read.Mapped mapped) {
                valid.add(mapped.vehicle());
            } else if (read instanceof SalesforceVehicles.Read.Refused r) {
                refused.add(new DeadLetter(FLOW, "Vehicle__c", r.recordId(), null, null, r.field(), "INVALID_VALUE",
                        r.reason(), payload(record)));
            }
        }
        return vehicles.save(valid).size();
    }
}
