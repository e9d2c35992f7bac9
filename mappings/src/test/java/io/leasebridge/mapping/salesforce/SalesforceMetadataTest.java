package io.leasebridge.mapping.salesforce;

import io.leasebridge.model.CollectorNote;
import io.leasebridge.model.CollectorTask;
import io.leasebridge.model.Customer;
import io.leasebridge.model.GpsAlert;
import io.leasebridge.repo.VehicleDisposition;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Payment;
import io.leasebridge.model.PromiseKpis;
import io.leasebridge.model.PromiseRecord;
import io.leasebridge.model.WorkOrder;
import io.leasebridge.model.WorkOrderLine;
import io.leasebridge.model.VehicleGpsStatus;
import io.leasebridge.risk.RiskAssessment;
import io.leasebridge.risk.RiskLevel;
import io.leasebridge.risk.RiskReason;
import io.leasebridge.risk.RiskRule;
import io.leasebridge.salesforce.metadata.FieldDescription;
import io.leasebridge.salesforce.metadata.ObjectDescription;
import io.leasebridge.salesforce.metadata.OrgMetadata;
import io.leasebridge.salesforce.metadata.RecordRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Holds {@link SalesforceRecords} and the SFDX metadata under {@code config/salesforce} together: a field a
 * mapper writes that the org does not define fails every upsert of that object with INVALID_FIELD, so it
 * must fail here first.
 */
class SalesforceMetadataTest {

    private static SalesforceMetadata metadata;

    @BeforeAll
    static void loadMetadata() {
        metadata = SalesforceMetadata.load(configDir().resolve("salesforce/force-app/main/default/objects"));
    }

    @Test
    void everyFieldTheMappersWriteIsDefinedInTheMetadata() {
        List<SObjectRecord> records = sampleRecords();

        assertThat(records).extracting(SObjectRecord::type).containsExactlyInAnyOrder(SObjectType.values());
        // A null sample value would hide a type mismatch, so the samples set every field.
        records.forEach(r -> assertThat(r.fields()).as("%s fields", r.type().apiName()).doesNotContainValue(null));
        assertThat(records.stream().flatMap(r -> metadata.problems(r).stream()).toList()).isEmpty();
    }

    @Test
    void everyObjectsExternalIdIsDefinedUniqueAndMarkedExternal() {
        for (SObjectType type : SObjectType.values()) {
            if (type.updatesById()) {
                continue;
            }
            FieldDef field = metadata.field(type.apiName(), type.externalIdField());

            assertThat(field).as("%s.%s", type.apiName(), type.externalIdField()).isNotNull();
            assertThat(field.type()).as("%s.%s type", type.apiName(), field.name()).isEqualTo("Text");
            assertThat(field.externalId()).as("%s.%s externalId", type.apiName(), field.name()).isTrue();
            assertThat(field.unique()).as("%s.%s unique", type.apiName(), field.name()).isTrue();
            assertThat(field.caseSensitive()).as("%s.%s caseSensitive", type.apiName(), field.name()).isFalse();
        }
    }

    @Test
    void aFieldTheMetadataLacksIsReportedByObjectAndName() {
        SObjectRecord record = new SObjectRecord(SObjectType.ACCOUNT, "C-1",
                fields("LeaseWorks_Customer_Id__c", "C-1", "Name", "Dana", "Not_A_Field__c", "x"));

        assertThat(metadata.problems(record)).singleElement().asString()
                .startsWith("Account.Not_A_Field__c:")
                .contains("Account/fields/Not_A_Field__c.field-meta.xml");
    }

    @Test
    void aStandardFieldOutsideTheAllowListIsReported() {
        SObjectRecord record = new SObjectRecord(SObjectType.ACCOUNT, "C-1",
                fields("LeaseWorks_Customer_Id__c", "C-1", "Website", "https://example.com"));

        assertThat(metadata.problems(record)).singleElement().asString().startsWith("Account.Website:");
    }

    @Test
    void aNameOnAnAutoNumberedObjectIsReported() {
        SObjectRecord record = new SObjectRecord(SObjectType.COLLECTOR_NOTE, "N-1",
                fields("LeaseWorks_Note_Id__c", "N-1", "Name", "N-1"));

        assertThat(metadata.problems(record)).singleElement().asString()
                .startsWith("Collector_Note__c.Name:").contains("AutoNumber");
    }

    @Test
    void aParentReferenceByAFieldOtherThanTheParentsExternalIdIsReported() {
        SObjectRecord record = new SObjectRecord(SObjectType.LEASE, "L-1",
                fields("LeaseWorks_Lease_Id__c", "L-1", "Customer__r", Map.of("Email__c", "dana@example.com")));

        assertThat(metadata.problems(record)).singleElement().asString()
                .startsWith("Lease__c.Customer__r:").contains("LeaseWorks_Customer_Id__c");
    }

    @Test
    void aValueOfTheWrongTypeForItsFieldIsReported() {
        SObjectRecord record = new SObjectRecord(SObjectType.LEASE, "L-1",
                fields("LeaseWorks_Lease_Id__c", "L-1", "Past_Due_Amount__c", "lots", "Next_Due_Date__c", "04/01/2026"));

        assertThat(metadata.problems(record)).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("Lease__c.Past_Due_Amount__c:").contains("Currency"))
                .anySatisfy(p -> assertThat(p).startsWith("Lease__c.Next_Due_Date__c:").contains("Date"));
    }

    @Test
    void theMapperTruncatesTextToTheLengthsTheMetadataDefines() {
        assertThat(metadata.field("Collector_Note__c", "Body__c").length()).isEqualTo(SalesforceRecords.LONG_TEXT_LIMIT);
        assertThat(SalesforceRecords.TEXT_LIMIT).isLessThanOrEqualTo(255);
    }

    @Test
    void aMasterDetailChildIsControlledByItsParent() {
        metadata.objects().forEach((object, def) -> {
            boolean detail = def.fields().values().stream().anyMatch(f -> "MasterDetail".equals(f.type()));
            if (detail) {
                assertThat(def.sharingModel()).as("%s sharingModel", object).isEqualTo("ControlledByParent");
            }
        });
    }

    @Test
    void everyStatusTheLedgerGivesAPromiseIsAValueOfTheRestrictedPicklist() {
        FieldDef status = metadata.field("Promise_To_Pay__c", "Status__c");
        assertThat(status.restrictedPicklist()).isTrue();
        assertThat(status.picklistValues()).containsExactly("OPEN", "UNCONFIRMED", "CANCELLED", "KEPT", "PARTIALLY_KEPT", "BROKEN");

        for (String value : status.picklistValues()) {
            SObjectRecord record = SalesforceRecords.promise(promise(value));
            assertThat(metadata.problems(record)).as(value).isEmpty();
        }
        assertThat(metadata.problems(SalesforceRecords.promise(promise("PENDING")))).singleElement().asString()
                .startsWith("Promise_To_Pay__c.Status__c:").contains("PENDING", "OPEN, UNCONFIRMED, CANCELLED, KEPT, PARTIALLY_KEPT, BROKEN");
    }

    @Test
    void theKpiFacetWritesOnlyLeaseFieldsTheLeaseMapperLeavesAlone() {
        // Each facet is sent in calls of its own: a field written by two facets would flip between their values.
        Map<String, Set<String>> writtenBy = new TreeMap<>();
        for (SObjectRecord record : sampleRecords()) {
            record.fields().keySet().stream()
                    .filter(field -> !field.equals(record.type().externalIdField()))
                    .forEach(field -> writtenBy.computeIfAbsent(record.type().apiName() + "." + field, k -> new TreeSet<>())
                            .add(record.type().recordType()));
        }

        assertThat(writtenBy).allSatisfy((field, types) -> assertThat(types).as(field).hasSize(1));
        assertThat(writtenBy).containsEntry("Lease__c.Promises_Made_12M__c", Set.of("Lease__c#promise-kpis"))
                .containsEntry("Lease__c.Repeat_Breaker__c", Set.of("Lease__c#promise-kpis"));
        for (String kpi : List.of("Promises_Made_12M__c", "Promises_Kept_12M__c", "Promises_Broken_12M__c")) {
            FieldDef field = metadata.field("Lease__c", kpi);
            assertThat(field.type()).as(kpi).isEqualTo("Number");
            assertThat(field.scale()).as(kpi + " scale").isZero();
        }
        assertThat(metadata.field("Lease__c", "Repeat_Breaker__c").type()).isEqualTo("Checkbox");
    }

    @Test
    void everyRiskLevelIsAValueOfTheRestrictedPicklistAndTheRiskFacetOwnsItsThreeFields() {
        FieldDef level = metadata.field("Lease__c", "Recovery_Risk__c");
        assertThat(level.restrictedPicklist()).isTrue();
        assertThat(level.picklistValues()).containsExactly("LOW", "MEDIUM", "HIGH");
        for (RiskLevel value : RiskLevel.values()) {
            assertThat(metadata.problems(SalesforceRecords.leaseRecoveryRisk(riskAssessment(value)))).as(value.name()).isEmpty();
        }
        assertThat(metadata.field("Lease__c", "Recovery_Risk_Score__c").scale()).isZero();

        SObjectRecord risk = SalesforceRecords.leaseRecoveryRisk(riskAssessment(RiskLevel.HIGH));
        assertThat(risk.type().recordType()).isEqualTo("Lease__c#recovery-risk");
        assertThat(risk.fields()).containsOnlyKeys("LeaseWorks_Lease_Id__c", "Recovery_Risk__c", "Recovery_Risk_Score__c",
                "Recovery_Risk_Reasons__c");
        assertThat(ParentRef.of(risk)).contains(new ParentRef(ParentRef.LEASE, "L-2001"));
        assertThat(SalesforceRecords.leaseRecoveryRisk(new RiskAssessment("L-2001", RiskLevel.LOW, 0, List.of(), "")).fields())
                .as("a lease back to LOW clears its reasons").containsEntry("Recovery_Risk_Reasons__c", null);
    }

    private static RiskAssessment riskAssessment(RiskLevel level) {
        return new RiskAssessment("L-2001", level, 75,
                List.of(new RiskReason(RiskRule.GPS_ALERT, 25, "left garaging state 2 days ago")), "left garaging state 2 days ago; " + "x".repeat(300));
    }

    @Test
    void customFieldsOfTaskAreDefinedOnActivity() {
        // Salesforce keeps the custom fields of Task and Event on Activity; objects/Task/fields is refused on deploy.
        assertThat(configDir().resolve("salesforce/force-app/main/default/objects/Task/fields")).doesNotExist();
        assertThat(configDir().resolve("salesforce/force-app/main/default/objects/Event/fields")).doesNotExist();
        assertThat(metadata.field("Task", "LeaseBridge_Key__c")).isEqualTo(metadata.field("Activity", "LeaseBridge_Key__c"));
        assertThat(metadata.field("Task", "LeaseBridge_Key__c").length()).isEqualTo(80);
    }

    @Test
    void theTaskMapperRelatesTheTaskToItsLeaseThroughThePolymorphicWhat() {
        SObjectRecord task = SalesforceRecords.task(task());

        assertThat(task.fields().get("What")).isEqualTo(Map.of("attributes", Map.of("type", "Lease__c"), "LeaseWorks_Lease_Id__c", "L-2001"));
        assertThat(metadata.problems(task)).isEmpty();
        // a Task may only name a record of an object that allows activities
        assertThat(metadata.objects().get("Lease__c").enableActivities()).isTrue();
    }

    @Test
    void whatOnAnyObjectButTaskIsReported() {
        SObjectRecord record = new SObjectRecord(SObjectType.PROMISE, "PTP-1",
                fields("Ledger_Promise_Id__c", "PTP-1", "What", what("Lease__c", "LeaseWorks_Lease_Id__c", "L-1")));

        assertThat(metadata.problems(record)).singleElement().asString()
                .startsWith("Promise_To_Pay__c.What:").contains("polymorphic", "Task");
    }

    @Test
    void whatMustNameItsTypeAndThatTypesExternalId() {
        Map<String, Object> noType = new LinkedHashMap<>();
        noType.put("LeaseWorks_Lease_Id__c", "L-1");

        assertThat(taskProblems(noType)).singleElement().asString().startsWith("Task.What:").contains("attributes");
        assertThat(taskProblems(what("Lease__c", "VIN__c", "1HGCM82633A004352"))).singleElement().asString()
                .startsWith("Task.What:").contains("LeaseWorks_Lease_Id__c");
        assertThat(taskProblems(what("Lease__c", "LeaseWorks_Customer_Id__c", "C-1"))).singleElement().asString()
                .startsWith("Task.What:").contains("LeaseWorks_Lease_Id__c");
        assertThat(taskProblems(what("Contact", "Email", "dana@example.com"))).singleElement().asString()
                .startsWith("Task.What:").contains("Contact", "does not write");
        Map<String, Object> twoKeys = what("Lease__c", "LeaseWorks_Lease_Id__c", "L-1");
        twoKeys.put("Name", "L-1");
        assertThat(taskProblems(twoKeys)).singleElement().asString().startsWith("Task.What:");
    }

    @Test
    void whatNamingAnObjectThatDoesNotAllowActivitiesIsReported() {
        assertThat(metadata.objects().get("Payment__c").enableActivities()).isFalse();

        assertThat(taskProblems(what("Payment__c", "LeaseWorks_Payment_Id__c", "P-1"))).singleElement().asString()
                .startsWith("Task.What:").contains("enableActivities", "Payment__c");
    }

    @Test
    void aTaskStandardFieldOutsideTheAllowListOrOfTheWrongTypeIsReported() {
        SObjectRecord record = new SObjectRecord(SObjectType.TASK, "K-1",
                fields("LeaseBridge_Key__c", "K-1", "WhoId", "003000000000001AAA", "ActivityDate", "04/01/2026",
                        "Subject", "x".repeat(256)));

        assertThat(metadata.problems(record)).hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("Task.WhoId:").contains("not a standard field"))
                .anySatisfy(p -> assertThat(p).startsWith("Task.ActivityDate:").contains("Date"))
                .anySatisfy(p -> assertThat(p).startsWith("Task.Subject:").contains("255"));
    }

    @Test
    void aRecordTypeNamesItsFacetAndResolvesBack() {
        assertThat(SObjectType.LEASE_PROMISE_KPIS.recordType()).isEqualTo("Lease__c#promise-kpis");
        assertThat(SObjectType.ofApiName("Lease__c")).isEqualTo(SObjectType.LEASE);
        for (SObjectType type : SObjectType.values()) {
            assertThat(SObjectType.ofRecordType(type.recordType())).isEqualTo(type);
        }
        assertThatThrownBy(() -> SObjectType.ofRecordType("Lease__c#nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aParentIsDeliveredBeforeEveryChildThatRefersToIt() {
        for (SObjectRecord record : sampleRecords()) {
            record.fields().forEach((key, value) -> {
                if (value instanceof Map<?, ?> reference) {
                    String parent = key.endsWith("__r")
                            ? metadata.field(record.type().apiName(), key.replace("__r", "__c")).referenceTo()
                            : reference.containsKey("attributes") ? String.valueOf(((Map<?, ?>) reference.get("attributes")).get("type"))
                            : key;
                    if (SalesforceMetadata.REFERENCED_NOT_WRITTEN.containsKey(parent)) {
                        return;
                    }
                    assertThat(SObjectType.ofApiName(parent).deliveryRank()).as("%s.%s", record.type().recordType(), key)
                            .isLessThan(record.type().deliveryRank());
                }
            });
        }
    }

    @Test
    void childRelationshipNamesAreUniquePerParent() {
        // Salesforce refuses a second child relationship of the same name on one parent object.
        Map<String, List<String>> byParentAndName = new TreeMap<>();
        metadata.objects().forEach((object, def) -> def.fields().values().stream()
                .filter(FieldDef::isRelationship)
                .forEach(f -> byParentAndName.computeIfAbsent(f.referenceTo() + "." + f.relationshipName(), k -> new ArrayList<>())
                        .add(object + "." + f.name())));

        assertThat(byParentAndName).allSatisfy((name, fields) -> assertThat(fields).as(name).hasSize(1));
    }

    @Test
    void everyRecordTheMappersWriteIsOneTheOrgOfTheMetadataAccepts() {
        OrgMetadata org = OrgMetadata.shipped();
        List<SObjectRecord> records = new ArrayList<>(sampleRecords());
        records.addAll(longTextRecords());

        List<String> refused = new ArrayList<>();
        for (SObjectRecord record : records) {
            ObjectDescription object = org.object(record.type().apiName());
            RecordRules.requestProblem(object, record.fields()).ifPresent(p -> refused.add(record.type().recordType() + ": " + p));
            RecordRules.valueErrors(object, record.fields(), null).forEach(p -> refused.add(record.type().recordType() + ": " + p));
        }
        assertThat(refused).isEmpty();
    }

    @Test
    void aMapperWritingThreeHundredCharactersIntoA255CharacterFieldIsRefusedAsTheOrgWouldRefuseIt() {
        ObjectDescription account = OrgMetadata.shipped().object("Account");
        SObjectRecord uncut = new SObjectRecord(SObjectType.ACCOUNT, "C-1",
                fields("LeaseWorks_Customer_Id__c", "C-1", "Name", "x".repeat(300)));

        assertThat(RecordRules.valueErrors(account, uncut.fields(), null)).singleElement().satisfies(error -> {
            assertThat(error.statusCode()).isEqualTo("STRING_TOO_LONG");
            assertThat(error.message()).startsWith("Account Name: data value too large: xxx").endsWith("(max length=255)");
            assertThat(error.fields()).containsExactly("Name");
        });
    }

    @Test
    void everyFieldTheVehicleReaderQueriesExists() {
        OrgMetadata org = OrgMetadata.shipped();
        for (String path : SalesforceVehicles.FIELDS) {
            String[] parts = path.split("\\.", 2);
            if (parts.length == 1) {
                assertThat(org.field("Vehicle__c", path)).as(path).isNotNull();
            } else {
                FieldDescription lookup = org.object("Vehicle__c").relationship(parts[0]);
                assertThat(lookup).as(path).isNotNull();
                assertThat(org.field(lookup.referencedObject(), parts[1])).as(path).isNotNull();
            }
        }
    }

    /** The values the mappers cut to their fields' lengths, each longer than its field. */
    private static List<SObjectRecord> longTextRecords() {
        String long300 = "x".repeat(300);
        String long200k = "y".repeat(200_000);
        Customer customer = new Customer("C-1002", long300, null, null, null, long300, null, null, null, null,
                false, false, false, false, long300);
        CollectorNote note = new CollectorNote("N-4002", "L-2001", "jsmith", Instant.parse("2026-03-05T20:30:00Z"), long200k);
        CollectorTask task = new CollectorTask("broken-promise:PTP-2", "L-2001", "005000000000001AAA", long300, long200k,
                LocalDate.of(2026, 3, 12), "High");
        GpsAlert alert = new GpsAlert("1HGCM82633A004352-NOT_MOVING-1", "1HGCM82633A004352", "L-2001", "NOT_MOVING", "OPEN",
                Instant.parse("2026-11-20T11:58:02Z"), null, long200k, null, null, null);
        WorkOrder w = workOrder();
        WorkOrder longVendor = new WorkOrder(w.roId(), w.roNumber(), w.vin(), w.unitNumber(), long300, w.status(), w.dateCreated(),
                w.dateFinished(), w.dateInvoiced(), w.laborTotal(), w.partTotal(), w.taxTotal(), w.grandTotal(),
                List.of(new WorkOrderLine(1, WorkOrderLine.PART, long200k, new BigDecimal("1.000"), new BigDecimal("9.99"))));
        List<SObjectRecord> records = new ArrayList<>(List.of(SalesforceRecords.account(customer), SalesforceRecords.collectorNote(note),
                SalesforceRecords.task(task), SalesforceRecords.gpsAlert(alert),
                SalesforceRecords.repoCase("500000000000001AAA", long200k, long200k, null),
                SalesforceRecords.reinstatementCharges("500000000000001AAA", long200k)));
        records.addAll(WorkOrderRecords.of(longVendor));
        return records;
    }

    private static List<SObjectRecord> sampleRecords() {
        Customer customer = new Customer("C-1001", "Dana Whitfield", "(312) 555-0100", "(312) 555-0199",
                "dana@example.com", "12 Elm St", "Chicago", "IL", "60601", "America/Chicago", true, false, true, false,
                "LeaseWorks; not allowed for want of a value: Email Consent (blank)");
        LeaseAccount lease = new LeaseAccount("L-2001", "C-1001", "Active", LocalDate.of(2026, 4, 1), 12,
                new BigDecimal("1234.50"), new BigDecimal("25.00"), new BigDecimal("12000.00"), 7,
                LocalDate.of(2026, 2, 27), new BigDecimal("410.00"), "jsmith", "1HGCM82633A004352", null, null, null, null);
        Payment payment = new Payment("P-3001", "L-2001", new BigDecimal("-410.00"), LocalDate.of(2026, 3, 2), "ACH", "P-3000");
        CollectorNote note = new CollectorNote("N-4001", "L-2001", "jsmith", Instant.parse("2026-03-05T20:30:00Z"),
                "Promised to pay Friday.");
        PromiseKpis kpis = new PromiseKpis("L-2001", 4, 2, 2, true);
        return List.of(SalesforceRecords.account(customer), SalesforceRecords.lease(lease),
                SalesforceRecords.payment(payment), SalesforceRecords.collectorNote(note),
                SalesforceRecords.promise(promise("PARTIALLY_KEPT")), SalesforceRecords.leasePromiseKpis(kpis),
                SalesforceRecords.task(task()), SalesforceRecords.leaseRecoveryRisk(riskAssessment(RiskLevel.HIGH)),
                SalesforceRecords.leaseContactLimits("L-1", new io.leasebridge.contact.ContactStanding(7,
                        java.time.Instant.parse("2026-03-02T15:00:00Z"), java.time.Instant.parse("2026-03-09T15:00:00Z"),
                        "ATTEMPT_LIMIT: 7 call attempts within 7 days (at most 7)", java.time.Instant.parse("2026-03-09T15:00:00Z")),
                        new io.leasebridge.contact.TextContact(2, java.time.Instant.parse("2026-03-04T18:10:00Z"), null)),
                SalesforceRecords.taskClosed("BROKEN-PTP-L-2001-20260301T150000Z", "Closed by LeaseBridge: the promise was revised to KEPT."),
                SalesforceRecords.vehicleGps(new VehicleGpsStatus("1HGCM82633A004352", new BigDecimal("38.952311"),
                        new BigDecimal("-94.621874"), Instant.parse("2026-11-20T11:58:02Z"), "REPORTING")),
                SalesforceRecords.gpsAlert(new GpsAlert("1HGCM82633A004352-OUT_OF_STATE-1763639882", "1HGCM82633A004352", "L-2001",
                        "OUT_OF_STATE", "CLOSED", Instant.parse("2026-11-20T11:58:02Z"), Instant.parse("2026-11-21T08:00:00Z"),
                        "located in MO, garaged in KS", new BigDecimal("38.950000"), new BigDecimal("-94.590000"),
                        Instant.parse("2026-11-20T11:58:02Z"))),
                SalesforceRecords.vehicleDisposition("1HGCM82633A004352", VehicleDisposition.PENDING),
                SalesforceRecords.vehicleTitleTransferred("1HGCM82633A004352", LocalDate.of(2026, 11, 28)),
                SalesforceRecords.repoCase("500000000000001AAA", "PENDING -> SOLD is not a step", "REPOSSESSION ORDER ...",
                        Instant.parse("2026-03-05T20:30:00Z")),
                SalesforceRecords.reinstatementCharges("500000000000001AAA", "Repo agent fee (Lone Star Recovery LLC): 425.00"),
                WorkOrderRecords.workOrder(workOrder()), WorkOrderRecords.lineItem("RO-5001", workOrder().lines().get(1)),
                SalesforceRecords.recoveryCost("REPAIR-RO-5001", "500000000000001AAA", new io.leasebridge.repo.RecoveryCost(
                        io.leasebridge.repo.RecoveryCostType.REPAIR, "Midway Truck Repair", new BigDecimal("298.62"),
                        LocalDate.parse("2026-03-05"), "RO-5001")),
                SalesforceRecords.caseRecoveryCosts("500000000000001AAA", new BigDecimal("723.62")),
                SalesforceRecords.caseFinalReview("500000000000001AAA", review()),
                SalesforceRecords.leaseFinalReview("L-1001", review()),
                SalesforceRecords.agencyPlacement(new io.leasebridge.agency.PlacementRecord("AP-L-2001-1", "L-2001",
                        io.leasebridge.agency.PlacementStatus.SENT, 64, new BigDecimal("1287.50"), LocalDate.of(2026, 11, 30),
                        "Lone Star Recovery Services", LocalDate.of(2026, 12, 2), "LSRS_PLACE_20261202_1.csv",
                        new io.leasebridge.agency.PlacementRecord.AgencyResults("ACTIVE", LocalDate.of(2026, 12, 9),
                                new BigDecimal("250.00"), LocalDate.of(2026, 12, 8), "Promised to pay by Friday"))));
    }

    private static io.leasebridge.repo.FinalAccountReview review() {
        return io.leasebridge.repo.FinalAccountReview.of("00001042", new BigDecimal("14250.00"), List.of(new io.leasebridge.repo.RecoveryCost(
                io.leasebridge.repo.RecoveryCostType.AGENT_FEE, "Lone Star Recovery LLC", new BigDecimal("425.00"), null, null)),
                new BigDecimal("9800.00"));
    }

    private static WorkOrder workOrder() {
        return new WorkOrder("RO-5001", "RO-5001", "1HGCM82633A004352", "U-17", "Midway Truck Repair", "Invoiced",
                Instant.parse("2026-03-02T15:00:00Z"), Instant.parse("2026-03-04T21:00:00Z"), Instant.parse("2026-03-05T14:00:00Z"),
                new BigDecimal("180.00"), new BigDecimal("96.50"), new BigDecimal("22.12"), new BigDecimal("298.62"),
                List.of(new WorkOrderLine(1, WorkOrderLine.LABOR, "Replace front brake pads", new BigDecimal("1.500"), new BigDecimal("180.00")),
                        new WorkOrderLine(2, WorkOrderLine.PART, "BP-220 Brake pad set", new BigDecimal("2.000"), new BigDecimal("96.50"))));
    }

    @Test
    void aWorkOrderRefersToItsVehicleByVinAndItsLinesToItByTheRoId() {
        SObjectRecord workOrder = WorkOrderRecords.workOrder(workOrder());
        SObjectRecord line = WorkOrderRecords.lineItem("RO-5001", workOrder().lines().get(0));

        assertThat(workOrder.fields()).containsEntry("Vehicle__r", Map.of("VIN__c", "1HGCM82633A004352"))
                .doesNotContainKey("Approval_Status__c");
        assertThat(line.externalId()).isEqualTo("RO-5001-1");
        assertThat(line.fields()).containsEntry("WorkOrder", Map.of("FleetRock_RO_Id__c", "RO-5001"));
        assertThat(metadata.problems(new SObjectRecord(SObjectType.WORK_ORDER, "RO-1",
                fields("FleetRock_RO_Id__c", "RO-1", "Vehicle__r", Map.of("Name", "x"))))).singleElement().asString()
                .startsWith("WorkOrder.Vehicle__r:").contains("VIN__c");
        assertThat(metadata.field("WorkOrder", "Approval_Status__c").picklistValues()).contains("Approved");
    }

    private static PromiseRecord promise(String status) {
        return new PromiseRecord("PTP-L-2001-20260305T203000Z", "L-2001", new BigDecimal("410.00"), LocalDate.of(2026, 3, 9),
                status, new BigDecimal("200.00"), LocalDate.of(2026, 3, 11), "Renée Dubois", LocalDate.of(2026, 3, 5), 1);
    }

    private static CollectorTask task() {
        return new CollectorTask("broken-promise:PTP-L-2001-20260305T203000Z", "L-2001", "005000000000001AAA",
                "Broken promise: $410.00 due 03/09/2026", "Only $200.00 of $410.00 came in by 03/11/2026.",
                LocalDate.of(2026, 3, 12), "High");
    }

    private static Map<String, Object> what(String type, String keyField, String key) {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("attributes", Map.of("type", type));
        what.put(keyField, key);
        return what;
    }

    private static List<String> taskProblems(Map<String, Object> what) {
        return metadata.problems(new SObjectRecord(SObjectType.TASK, "K-1",
                fields("LeaseBridge_Key__c", "K-1", "What", what)));
    }

    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    static Path configDir() {
        String configured = System.getProperty("leasebridge.config.dir");
        return configured == null || configured.isBlank() || configured.contains("${")
                ? Path.of("..", "config")
                : Path.of(configured);
    }

    /**
     * One custom field as its field-meta.xml defines it.
     *
     * @param picklistValues the API names of a picklist's values, in order; empty for other types
     */
    record FieldDef(String name, String type, String referenceTo, String relationshipName, boolean externalId,
                    boolean unique, boolean caseSensitive, Integer length, Integer scale, List<String> picklistValues,
                    boolean restrictedPicklist) {

        boolean isRelationship() {
            return "Lookup".equals(type) || "MasterDetail".equals(type);
        }
    }

    /** One object folder: its object-meta.xml settings (none for a standard object) and its custom fields. */
    record ObjectDef(String name, boolean custom, String nameFieldType, String sharingModel, boolean enableActivities,
                     Map<String, FieldDef> fields) {
    }

    /** A standard field LeaseBridge may write, with the type and length Salesforce gives it. */
    record StandardField(String type, Integer length) {
    }

    /** The objects folder of an SFDX source tree, read with the JDK's DOM parser. */
    record SalesforceMetadata(Path objectsDir, Map<String, ObjectDef> objects) {


        /** Standard fields LeaseBridge may write, by standard object; a custom object may write only Name. */
        private static final Map<String, Map<String, StandardField>> STANDARD_FIELDS = Map.of(
                "Account", Map.of("Name", new StandardField("Text", 255), "Phone", new StandardField("Phone", 40),
                        "BillingStreet", new StandardField("TextArea", 255), "BillingCity", new StandardField("Text", 40),
                        "BillingState", new StandardField("Text", 80), "BillingPostalCode", new StandardField("Text", 20)),
                "Case", Map.of("Id", new StandardField("Id", 18)),
                "Task", Map.of("OwnerId", new StandardField("Id", 18), "Subject", new StandardField("Text", 255),
                        "Description", new StandardField("TextArea", 32_000), "ActivityDate", new StandardField("Date", null),
                        "Status", new StandardField("Text", 40), "Priority", new StandardField("Text", 40)),
                "WorkOrder", Map.of("Subject", new StandardField("Text", 255)),
                "WorkOrderLineItem", Map.of("Description", new StandardField("TextArea", 32_000)));

        /** Standard lookups a record sets by its parent's external id, by object: field -> parent object. */
        private static final Map<String, Map<String, String>> STANDARD_REFERENCES = Map.of(
                "WorkOrderLineItem", Map.of("WorkOrder", "WorkOrder"));

        /**
         * Objects kept in Salesforce that LeaseBridge refers to by an external id but never writes itself, with
         * that external id: the referenced record exists before LeaseBridge refers to it.
         */
        static final Map<String, String> REFERENCED_NOT_WRITTEN = Map.of("Vehicle__c", "VIN__c");

        /** Polymorphic references ({@code What} names its target's type in {@code attributes}), by object. */
        private static final Map<String, Set<String>> POLYMORPHIC = Map.of("Task", Set.of("What"), "Event", Set.of("What"));

        /** Standard objects whose custom fields live in the folder of another: Task and Event share Activity's. */
        private static final Map<String, String> CUSTOM_FIELDS_FROM = Map.of("Task", "Activity", "Event", "Activity");

        static SalesforceMetadata load(Path objectsDir) {
            assertThat(objectsDir).as("SFDX objects folder").isDirectory();
            OrgMetadata org = OrgMetadata.load(objectsDir.getParent().getParent().getParent());
            Map<String, ObjectDef> objects = new HashMap<>();
            org.objects().values().forEach(o -> objects.put(o.name(), objectDef(o.name(), o)));
            CUSTOM_FIELDS_FROM.forEach((object, from) -> {
                ObjectDescription shared = org.object(object);
                if (shared != null) {
                    objects.put(from, objectDef(from, shared));
                }
            });
            return new SalesforceMetadata(objectsDir, Map.copyOf(objects));
        }

        /** An object's settings and its custom fields; Task's are Activity's, so {@code name} may be Activity. */
        private static ObjectDef objectDef(String name, ObjectDescription o) {
            Map<String, FieldDef> fields = new HashMap<>();
            o.fields().values().stream().filter(FieldDescription::custom).forEach(f -> fields.put(f.name(),
                    new FieldDef(f.name(), f.type(), f.referencedObject(), f.childRelationshipName(), f.externalId(), f.unique(),
                            f.caseSensitive(), f.length(), f.scale(), f.picklistValues(), f.restrictedPicklist())));
            return new ObjectDef(name, o.custom(), o.nameFieldType(), o.sharingModel(), o.enableActivities(), Map.copyOf(fields));
        }

        FieldDef field(String object, String field) {
            ObjectDef def = objects.get(object);
            return def == null ? null : def.fields().get(field);
        }

        /** What in the record the metadata does not allow, one line each naming {@code Object.field}; empty when all is defined. */
        List<String> problems(SObjectRecord record) {
            String object = record.type().apiName();
            ObjectDef def = objects.get(object);
            if (def == null) {
                return List.of(object + ": no folder " + objectsDir.resolve(object));
            }
            List<String> problems = new ArrayList<>();
            record.fields().forEach((key, value) -> {
                String problem = key.endsWith("__r") ? parentReferenceProblem(def, key, value)
                        : STANDARD_REFERENCES.getOrDefault(object, Map.of()).containsKey(key)
                        ? standardReferenceProblem(STANDARD_REFERENCES.get(object).get(key), value)
                        : key.endsWith("__c") ? customFieldProblem(def, key, value)
                        : key.equals("What") || value instanceof Map<?, ?> ? polymorphicReferenceProblem(def, key, value)
                        : standardFieldProblem(def, key, value);
                if (problem != null) {
                    problems.add(object + "." + key + ": " + problem);
                }
            });
            return problems;
        }

        private String parentReferenceProblem(ObjectDef def, String key, Object value) {
            String fieldName = key.substring(0, key.length() - "__r".length()) + "__c";
            FieldDef field = def.fields().get(fieldName);
            if (field == null || !field.isRelationship()) {
                return "needs a Lookup or MasterDetail field " + fieldName + " in " + fieldFile(def.name(), fieldName);
            }
            SObjectType parent;
            try {
                parent = SObjectType.ofApiName(field.referenceTo());
            } catch (IllegalArgumentException e) {
                String parentKey = REFERENCED_NOT_WRITTEN.get(field.referenceTo());
                if (parentKey == null) {
                    return fieldName + " refers to " + field.referenceTo() + ", which LeaseBridge does not write";
                }
                return referenceByKeyProblem(field.referenceTo(), parentKey, fieldName, value);
            }
            if (!(value instanceof Map<?, ?> reference) || reference.size() != 1
                    || !parent.externalIdField().equals(reference.keySet().iterator().next())) {
                return "must be {" + parent.externalIdField() + ": id}, the external id of " + parent.apiName()
                        + " that " + fieldName + " refers to, but is " + value;
            }
            FieldDef parentKey = field(parent.apiName(), parent.externalIdField());
            if (parentKey == null || !parentKey.externalId()) {
                return parent.apiName() + "." + parent.externalIdField() + " is not defined as an external id";
            }
            return null;
        }

        private String standardReferenceProblem(String parentObject, Object value) {
            SObjectType parent = SObjectType.ofApiName(parentObject);
            return referenceByKeyProblem(parent.apiName(), parent.externalIdField(), parentObject, value);
        }

        private String referenceByKeyProblem(String parentObject, String key, String fieldName, Object value) {
            if (!(value instanceof Map<?, ?> reference) || reference.size() != 1 || !key.equals(reference.keySet().iterator().next())) {
                return "must be {" + key + ": id}, the external id of " + parentObject + " that " + fieldName
                        + " refers to, but is " + value;
            }
            FieldDef parentKey = field(parentObject, key);
            return parentKey == null || !parentKey.externalId() ? parentObject + "." + key + " is not defined as an external id" : null;
        }

        /**
         * A polymorphic reference names its target's type: {@code What: {attributes: {type: Lease__c},
         * LeaseWorks_Lease_Id__c: "L-1"}}. The target must be an object LeaseBridge writes, referred to by its
         * external id, and (a custom object) must allow activities, or Salesforce refuses the Task.
         */
        private String polymorphicReferenceProblem(ObjectDef def, String key, Object value) {
            if (!POLYMORPHIC.getOrDefault(def.name(), Set.of()).contains(key)) {
                return key + " is not a polymorphic reference of " + def.name() + "; only " + POLYMORPHIC.keySet().stream().sorted().toList()
                        + " have What";
            }
            if (!(value instanceof Map<?, ?> reference) || !(reference.get("attributes") instanceof Map<?, ?> attributes)
                    || !(attributes.get("type") instanceof String type)) {
                return "a polymorphic reference needs attributes: {type: <sObject>} naming what it refers to, but is " + value;
            }
            SObjectType target;
            try {
                target = SObjectType.ofApiName(type);
            } catch (IllegalArgumentException e) {
                return "refers to " + type + ", which LeaseBridge does not write";
            }
            List<String> keys = reference.keySet().stream().map(String::valueOf).filter(k -> !k.equals("attributes")).toList();
            if (keys.size() != 1 || !keys.get(0).equals(target.externalIdField())) {
                return "must be {attributes: {type: " + type + "}, " + target.externalIdField() + ": id}, the external id of "
                        + type + ", but is " + value;
            }
            FieldDef targetKey = field(type, target.externalIdField());
            if (targetKey == null || !targetKey.externalId()) {
                return type + "." + target.externalIdField() + " is not defined as an external id";
            }
            ObjectDef targetDef = objects.get(type);
            if (targetDef != null && targetDef.custom() && !targetDef.enableActivities()) {
                return type + " does not allow activities: set enableActivities in " + type + "/" + type + ".object-meta.xml";
            }
            return null;
        }

        private String customFieldProblem(ObjectDef def, String key, Object value) {
            FieldDef field = def.fields().get(key);
            if (field == null) {
                return "no " + fieldFile(def.name(), key);
            }
            return value == null ? null : valueProblem(field, value);
        }

        private String standardFieldProblem(ObjectDef def, String key, Object value) {
            if (!def.custom()) {
                StandardField standard = STANDARD_FIELDS.getOrDefault(def.name(), Map.of()).get(key);
                if (standard == null) {
                    return "not a standard field LeaseBridge may write on " + def.name();
                }
                return value == null ? null : valueProblem(standard.type(), standard.length(), List.of(), value);
            }
            if (!"Name".equals(key)) {
                return "a custom object takes only Name and __c fields";
            }
            return "Text".equals(def.nameFieldType()) ? null
                    : "the nameField of " + def.name() + " is " + def.nameFieldType() + "; Salesforce sets Name itself";
        }

        private static String valueProblem(FieldDef field, Object value) {
            return valueProblem(field.type(), field.length(), field.restrictedPicklist() ? field.picklistValues() : List.of(), value);
        }

        /** {@code allowed}: the values of a restricted picklist, which refuses any other; empty when not restricted. */
        private static String valueProblem(String type, Integer length, List<String> allowed, Object value) {
            boolean fits = switch (type) {
                case "Checkbox" -> value instanceof Boolean;
                case "Currency", "Number", "Percent" -> value instanceof Number;
                case "Date" -> value instanceof String s && parses(() -> LocalDate.parse(s));
                case "DateTime" -> value instanceof String s && parses(() -> Instant.parse(s));
                // a lookup takes its parent's record Id as well as a reference through its relationship
                case "Id", "Lookup" -> value instanceof String s && s.matches("[0-9A-Za-z]{15}([0-9A-Za-z]{3})?");
                case "Text", "TextArea", "LongTextArea", "Email", "Phone", "Url", "Picklist" -> value instanceof String;
                default -> false;
            };
            if (!fits) {
                return "a " + type + " field cannot take " + value.getClass().getSimpleName() + " '" + value + "'";
            }
            if (length != null && value instanceof String s && s.length() > length) {
                return "longer than the " + length + " characters the field holds";
            }
            if (!allowed.isEmpty() && !allowed.contains(value)) {
                return "'" + value + "' is not a value of the restricted picklist (" + String.join(", ", allowed) + ")";
            }
            return null;
        }

        private static boolean parses(Runnable parse) {
            try {
                parse.run();
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        private String fieldFile(String object, String field) {
            return object + "/fields/" + field + ".field-meta.xml";
        }
    }
}
