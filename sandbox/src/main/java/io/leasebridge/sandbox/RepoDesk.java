package io.leasebridge.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The people of the lessor's Salesforce org, for the sandbox: the vehicles as the fleet admin keeps them,
 * and the repo desk walking a few repossession Cases through the workflow (a voluntary return, a
 * reinstatement, a sale that leaves a deficiency and one that leaves a surplus, and one with a jump the workflow refuses), so
 * that a sandbox run has cases to apply, repo orders to send and final account reviews to make.
 *
 * <p>The simulated org starts empty on every sandbox start, so this seeds it again each time, in the same
 * order: record ids come out the same, and LeaseBridge, whose hub remembers, recognises what it applied.
 */
final class RepoDesk {

    static final String RECORD_TYPE = "Repossession";
    static final String AGENT_EMAIL = "dispatch@lonestar-recovery.example";

    /**
     * One case the desk works, and the statuses it goes through, with what is filled in on the way.
     *
     * @param ruleSwitchedOff walked while an admin has Case's Repo_Status_Step rule off, as during a migration
     */
    record Walk(String name, String repoType, List<String> statuses, boolean ruleSwitchedOff) {
        Walk(String name, String repoType, List<String> statuses) {
            this(name, repoType, statuses, false);
        }
    }

    private static final String STATUS_RULE = "Repo_Status_Step";

    static final List<Walk> WALKS = List.of(
            new Walk("through to the sale", "INVOLUNTARY", List.of("REQUESTED", "PENDING", "ORDERED", "RECOVERED",
                    "INSPECTED", "IN_REPAIR", "INVENTORY", "SOLD", "CLOSED")),
            new Walk("voluntary return, nothing to repair", "VOLUNTARY", List.of("PENDING", "RECOVERED", "INSPECTED",
                    "INVENTORY")),
            new Walk("never found", "INVOLUNTARY", List.of("PENDING", "ORDERED", "UNRECOVERABLE")),
            // Salesforce's rule would refuse the jump; with it off, LeaseBridge's own check is what catches it
            new Walk("sold before it was ordered", "INVOLUNTARY", List.of("REQUESTED", "PENDING", "SOLD"), true),
            new Walk("paid up before the order", "INVOLUNTARY", List.of("REQUESTED", "CANCELLED")),
            new Walk("another chance after recovery", "INVOLUNTARY", List.of("PENDING", "ORDERED", "RECOVERED", "REINSTATED")),
            new Walk("returned and sold for more than was owed", "VOLUNTARY", List.of("PENDING", "RECOVERED", "INSPECTED",
                    "INVENTORY", "SOLD", "CLOSED")));

    /**
     * What each walk that sells its vehicle sells it for: a payoff at recovery is between 3,000 and 42,000 in the generated
     * portfolio, so the first sale leaves a deficiency whatever the lease and the second a surplus.
     */
    private static final Map<String, Integer> SALE_PRICES = Map.of("through to the sale", 2_900,
            "returned and sold for more than was owed", 52_500);

    private RepoDesk() {
    }

    /**
     * Seeds users, leases, vehicles and the walked cases; returns the cases' ids by walk name.
     *
     * @param dispositions what LeaseBridge set on vehicles in earlier runs, by VIN: the org kept it
     */
    static Map<String, String> seed(SalesforceSimulator salesforce, List<FleetVehicle> fleet, Map<String, String> dispositions) {
        return seed(salesforce, fleet, dispositions, () -> { });
    }

    /**
     * {@link #seed}, opening the cases only once {@code beforeCases} returns: a serving LeaseBridge reads the cases
     * and the vehicles on crons of their own, and holds a case of a vehicle its hub does not know yet until it does.
     */
    static Map<String, String> seed(SalesforceSimulator salesforce, List<FleetVehicle> fleet, Map<String, String> dispositions,
                                    Runnable beforeCases) {
        if (!salesforce.records("Vehicle__c").isEmpty() || fleet.isEmpty()) {
            return Map.of();
        }
        String admin = salesforce.user("Dana Fleet");
        String repoDesk = salesforce.user("Rita Alvarez");
        String titleDesk = salesforce.user("Sam Okafor");
        String recordType = salesforce.recordType("Case", RECORD_TYPE);

        Map<String, String> leaseIds = new HashMap<>();
        Map<String, String> vehicleIds = new HashMap<>();
        for (FleetVehicle v : fleet) {
            // the org has the leases LeaseWorks exports well; a vehicle of a lease whose row is malformed is unlinked
            String leaseId = !v.leaseValid() ? null : leaseIds.computeIfAbsent(v.leaseId(), id -> salesforce.saveAs(admin,
                    "Lease__c", null, Map.of("Name", id, "LeaseWorks_Lease_Id__c", id)));
            Map<String, Object> vehicle = new LinkedHashMap<>();
            vehicle.put("Name", v.modelYear() + " " + v.make() + " " + v.model());
            vehicle.put("VIN__c", v.vin());
            vehicle.put("Lease__c", leaseId);
            vehicle.put("Model_Year__c", v.modelYear());
            vehicle.put("Make__c", v.make());
            vehicle.put("Model__c", v.model());
            vehicle.put("Unit_Number__c", v.unitNumber());
            vehicle.put("GPS_Provider__c", v.gpsProvider());
            vehicle.put("GPS_Device_Id__c", v.gpsDeviceId());
            vehicle.put("Disposition__c", dispositions.getOrDefault(v.vin(), "ACTIVE"));
            vehicle.put("Title_Status__c", "NOT_REQUESTED");
            vehicleIds.put(v.vin(), salesforce.saveAs(admin, "Vehicle__c", null, vehicle));
        }

        beforeCases.run();
        List<FleetVehicle> mostDelinquent = fleet.stream().filter(FleetVehicle::leaseValid)
                .sorted(Comparator.comparingInt(FleetVehicle::daysPastDue).reversed().thenComparing(FleetVehicle::vin))
                .limit(WALKS.size()).toList();
        Map<String, String> cases = new LinkedHashMap<>();
        for (int i = 0; i < mostDelinquent.size(); i++) {
            Walk walk = WALKS.get(i);
            FleetVehicle vehicle = mostDelinquent.get(i);
            Map<String, Object> opened = new LinkedHashMap<>();
            opened.put("RecordTypeId", recordType);
            opened.put("Subject", "Repossession " + vehicle.leaseId());
            opened.put("Vehicle__c", vehicleIds.get(vehicle.vin()));
            opened.put("Repo_Status__c", walk.statuses().get(0));
            opened.put("Repo_Type__c", walk.repoType());
            if (!walk.repoType().equals("VOLUNTARY")) {
                opened.put("Repo_Agent_Name__c", "Lone Star Recovery LLC");
                opened.put("Repo_Agent_Email__c", AGENT_EMAIL);
            }
            opened.put("Title_Verified__c", false);
            String caseId = salesforce.saveAs(repoDesk, "Case", null, opened);
            salesforce.validationRuleActive("Case", STATUS_RULE, !walk.ruleSwitchedOff());
            for (String status : walk.statuses().subList(1, walk.statuses().size())) {
                Map<String, Object> change = new HashMap<>();
                change.put("Repo_Status__c", status);
                String by = repoDesk;
                // the agent bills for a recovery, and a smaller search fee when the vehicle is never found
                if (status.equals("RECOVERED") && walk.repoType().equals("VOLUNTARY")) {
                    // the lessee brought it back: no agent, the drop-off is recorded instead
                    change.put("Drop_Off_Date__c", "2026-11-18");
                    change.put("Drop_Off_Location__c", "Yard 2, 2200 Commerce St, Dallas, TX 75226");
                } else if (status.equals("RECOVERED")) {
                    change.put("Repo_Agent_Fee__c", 425);
                } else if (status.equals("UNRECOVERABLE")) {
                    change.put("Repo_Agent_Fee__c", 150);
                }
                if (status.equals("REINSTATED")) {
                    // the lease is still past due in LeaseWorks: asset management gives its reason
                    change.put("Reinstatement_Reason__c", "Payment arrangement approved: arrears in three installments");
                }
                if (status.equals("SOLD") && walk.statuses().contains("INVENTORY")) {
                    salesforce.saveAs(titleDesk, "Vehicle__c", vehicleIds.get(vehicle.vin()), Map.of("Title_Status__c", "RECEIVED",
                            "Title_Requested_Date__c", "2026-11-19", "Title_Received_Date__c", "2026-11-24"));
                    change.put("Sale_Price__c", SALE_PRICES.get(walk.name()));
                    change.put("Sale_Date__c", "2026-11-25");
                    change.put("Buyer__c", "Metro Auto Auction");
                    by = titleDesk;
                }
                salesforce.saveAs(by, "Case", caseId, change);
            }
            salesforce.validationRuleActive("Case", STATUS_RULE, true);
            cases.put(walk.name(), caseId);
        }
        return cases;
    }

    static List<String> describe(Map<String, String> cases) {
        List<String> lines = new ArrayList<>();
        WALKS.forEach(w -> {
            if (cases.containsKey(w.name())) {
                lines.add(String.format("  %-30s %s", w.name(), String.join(" -> ", w.statuses())));
            }
        });
        return lines;
    }
}
