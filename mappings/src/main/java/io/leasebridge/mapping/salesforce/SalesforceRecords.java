package io.leasebridge.mapping.salesforce;

import io.leasebridge.agency.PlacementRecord;
import io.leasebridge.model.CollectorNote;
import io.leasebridge.model.CollectorTask;
import io.leasebridge.model.Customer;
import io.leasebridge.model.GpsAlert;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Payment;
import io.leasebridge.contact.ContactStanding;
import io.leasebridge.model.PromiseKpis;
import io.leasebridge.model.PromiseRecord;
import io.leasebridge.model.VehicleGpsStatus;
import io.leasebridge.repo.FinalAccountReview;
import io.leasebridge.repo.RecoveryCost;
import io.leasebridge.repo.VehicleDisposition;
import io.leasebridge.risk.RiskAssessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Canonical records as Salesforce records. Every field written here must be defined in the SFDX
 * metadata under {@code config/salesforce}; a test holds the two together.
 *
 * <p>Blank values are sent as null on purpose: an upsert that omits a field leaves a stale value in
 * Salesforce, and the unified record must show what LeaseWorks shows now.
 */
public final class SalesforceRecords {

    /** Salesforce Text fields hold at most 255 characters; long text areas at most 131,072. */
    static final int TEXT_LIMIT = 255;
    static final int LONG_TEXT_LIMIT = 131_072;
    /** A Task's Description is a long text area of 32,000 characters. */
    static final int TASK_DESCRIPTION_LIMIT = 32_000;
    /** Integration_Error__c is a long text area of 32,768 characters. */
    static final int INTEGRATION_ERROR_LIMIT = 32_768;
    /** GPS_Alert__c.Detail__c is a long text area of 32,768 characters. */
    static final int GPS_ALERT_DETAIL_LIMIT = 32_768;

    private SalesforceRecords() {
    }

    public static SObjectRecord account(Customer c) {
        Map<String, Object> f = fields(SObjectType.ACCOUNT, c.customerId());
        f.put("Name", text(c.name()));
        f.put("Phone", c.primaryPhone());
        f.put("Mobile_Phone__c", c.mobilePhone());
        f.put("Email__c", c.email());
        f.put("BillingStreet", text(c.street()));
        f.put("BillingCity", c.city());
        f.put("BillingState", c.state());
        f.put("BillingPostalCode", c.postalCode());
        f.put("Time_Zone__c", c.timeZone());
        f.put("Do_Not_Call__c", c.doNotCall());
        f.put("Do_Not_Text__c", c.doNotText());
        f.put("Text_Consent__c", c.textConsent());
        f.put("Email_Consent__c", c.emailConsent());
        f.put("Contact_Preference_Source__c", text(c.preferenceSource()));
        return new SObjectRecord(SObjectType.ACCOUNT, c.customerId(), f);
    }

    public static SObjectRecord lease(LeaseAccount l) {
        Map<String, Object> f = fields(SObjectType.LEASE, l.leaseId());
        f.put("Name", l.leaseId());
        f.put("Customer__r", parent(SObjectType.ACCOUNT, l.customerId()));
        f.put("Status__c", l.status());
        f.put("Next_Due_Date__c", date(l.nextDueDate()));
        f.put("Days_Past_Due__c", l.daysPastDue());
        f.put("Past_Due_Amount__c", l.pastDueAmount());
        f.put("Late_Fees__c", l.lateFees());
        f.put("Payoff_Balance__c", l.payoffBalance());
        f.put("Payments_Made__c", l.paymentsMade());
        f.put("Last_Payment_Date__c", date(l.lastPaymentDate()));
        f.put("Last_Payment_Amount__c", l.lastPaymentAmount());
        f.put("Collector__c", l.collector());
        f.put("VIN__c", l.vin());
        return new SObjectRecord(SObjectType.LEASE, l.leaseId(), f);
    }

    public static SObjectRecord payment(Payment p) {
        Map<String, Object> f = fields(SObjectType.PAYMENT, p.paymentId());
        f.put("Name", p.paymentId());
        f.put("Lease__r", parent(SObjectType.LEASE, p.leaseId()));
        f.put("Amount__c", p.amount());
        f.put("Received_Date__c", date(p.receivedDate()));
        f.put("Method__c", p.method());
        f.put("Reversal_Of__c", p.reversalOf());
        return new SObjectRecord(SObjectType.PAYMENT, p.paymentId(), f);
    }

    public static SObjectRecord collectorNote(CollectorNote n) {
        Map<String, Object> f = fields(SObjectType.COLLECTOR_NOTE, n.noteId());
        f.put("Lease__r", parent(SObjectType.LEASE, n.leaseId()));
        f.put("Author__c", n.author());
        f.put("Noted_At__c", instant(n.notedAt()));
        f.put("Body__c", longText(n.text()));
        return new SObjectRecord(SObjectType.COLLECTOR_NOTE, n.noteId(), f);
    }

    public static SObjectRecord promise(PromiseRecord p) {
        Map<String, Object> f = fields(SObjectType.PROMISE, p.promiseId());
        f.put("Lease__r", parent(SObjectType.LEASE, p.leaseId()));
        f.put("Amount__c", p.amount());
        f.put("Promised_Date__c", date(p.promisedDate()));
        f.put("Status__c", p.status());
        f.put("Amount_Applied__c", p.amountApplied());
        f.put("Judged_On__c", date(p.judgedOn()));
        f.put("Made_By__c", p.madeBy());
        f.put("Made_On__c", date(p.madeOn()));
        f.put("Amended_Count__c", p.amendedCount());
        return new SObjectRecord(SObjectType.PROMISE, p.promiseId(), f);
    }

    /** A lease's standing against the contact limits; an empty value clears the field. */
    public static SObjectRecord leaseContactLimits(String leaseId, ContactStanding standing) {
        return leaseContactLimits(leaseId, standing, null);
    }

    /** The same, with the lease's text contact where texts are read (null: none are, and its fields are left alone). */
    public static SObjectRecord leaseContactLimits(String leaseId, ContactStanding standing, io.leasebridge.contact.TextContact texts) {
        Map<String, Object> f = fields(SObjectType.LEASE_CONTACT_LIMITS, leaseId);
        if (texts != null) {
            f.put("Texts_Sent_7D__c", texts.textsSent7D());
            f.put("Last_Text_Reply_At__c", instant(texts.lastReplyAt()));
        }
        f.put("Call_Attempts_7D__c", standing.callAttempts7D());
        f.put("Last_Conversation_At__c", instant(standing.lastConversationAt()));
        f.put("Next_Contact_Allowed_At__c", instant(standing.nextContactAllowedAt()));
        f.put("Contact_Blocked_Reason__c", standing.blockedReason() == null ? null : cut(standing.blockedReason(), 255));
        return new SObjectRecord(SObjectType.LEASE_CONTACT_LIMITS, leaseId, f);
    }

    public static SObjectRecord leasePromiseKpis(PromiseKpis k) {
        Map<String, Object> f = fields(SObjectType.LEASE_PROMISE_KPIS, k.leaseId());
        f.put("Promises_Made_12M__c", k.made());
        f.put("Promises_Kept_12M__c", k.kept());
        f.put("Promises_Broken_12M__c", k.broken());
        f.put("Repeat_Breaker__c", k.repeatBreaker());
        return new SObjectRecord(SObjectType.LEASE_PROMISE_KPIS, k.leaseId(), f);
    }

    /** A lease's recovery risk; blank reasons are sent as null so that a lease back to LOW shows none. */
    public static SObjectRecord leaseRecoveryRisk(RiskAssessment r) {
        Map<String, Object> f = fields(SObjectType.LEASE_RECOVERY_RISK, r.leaseId());
        f.put("Recovery_Risk__c", r.level().name());
        f.put("Recovery_Risk_Score__c", r.score());
        f.put("Recovery_Risk_Reasons__c", r.summary().isEmpty() ? null : text(r.summary()));
        return new SObjectRecord(SObjectType.LEASE_RECOVERY_RISK, r.leaseId(), f);
    }

    /** The GPS fields of a Vehicle__c; the record is found by its VIN. */
    public static SObjectRecord vehicleGps(VehicleGpsStatus v) {
        Map<String, Object> f = fields(SObjectType.VEHICLE_GPS, v.vin());
        f.put("Last_Latitude__c", v.latitude());
        f.put("Last_Longitude__c", v.longitude());
        f.put("Last_Located_At__c", instant(v.locatedAt()));
        f.put("GPS_Status__c", v.gpsStatus());
        return new SObjectRecord(SObjectType.VEHICLE_GPS, v.vin(), f);
    }

    public static SObjectRecord gpsAlert(GpsAlert a) {
        Map<String, Object> f = fields(SObjectType.GPS_ALERT, a.alertKey());
        f.put("Vehicle__r", parent(SObjectType.VEHICLE_GPS, a.vin()));
        if (a.leaseId() != null) {
            f.put("Lease__r", parent(SObjectType.LEASE, a.leaseId()));
        }
        f.put("Alert_Type__c", a.type());
        f.put("Status__c", a.status());
        f.put("Opened_At__c", instant(a.openedAt()));
        f.put("Closed_At__c", instant(a.closedAt()));
        f.put("Detail__c", cut(a.detail(), GPS_ALERT_DETAIL_LIMIT));
        f.put("Latitude__c", a.latitude());
        f.put("Longitude__c", a.longitude());
        f.put("Located_At__c", instant(a.locatedAt()));
        return new SObjectRecord(SObjectType.GPS_ALERT, a.alertKey(), f);
    }

    /** A Task on the lease; {@code What} is polymorphic, so the reference names the parent's type. */
    public static SObjectRecord task(CollectorTask t) {
        Map<String, Object> f = fields(SObjectType.TASK, t.key());
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("attributes", Map.of("type", SObjectType.LEASE.apiName()));
        what.put(SObjectType.LEASE.externalIdField(), t.leaseId());
        f.put("What", what);
        f.put("OwnerId", t.ownerId());
        f.put("Subject", text(t.subject()));
        f.put("Description", cut(t.description(), TASK_DESCRIPTION_LIMIT));
        f.put("ActivityDate", date(t.dueDate()));
        // no Status: the org's default opens a new Task, and a resend never reopens one a collector completed
        f.put("Priority", t.priority());
        return new SObjectRecord(SObjectType.TASK, t.key(), f);
    }

    /** Closes a Task LeaseBridge opened whose reason no longer holds, saying why. */
    public static SObjectRecord taskClosed(String key, String why) {
        Map<String, Object> f = fields(SObjectType.TASK_CLOSE, key);
        f.put("Status", "Completed");
        f.put("Closed_By_LeaseBridge_Because__c", text(why));
        return new SObjectRecord(SObjectType.TASK_CLOSE, key, f);
    }

    /** The disposition a repossession case gives a vehicle, by VIN. */
    public static SObjectRecord vehicleDisposition(String vin, VehicleDisposition disposition) {
        Map<String, Object> f = fields(SObjectType.VEHICLE_DISPOSITION, vin);
        f.put("Disposition__c", disposition.name());
        return new SObjectRecord(SObjectType.VEHICLE_DISPOSITION, vin, f);
    }

    /** A vehicle's title TRANSFERRED to the buyer on the day its repossession case sold it, by VIN. */
    public static SObjectRecord vehicleTitleTransferred(String vin, LocalDate transferredOn) {
        Map<String, Object> f = fields(SObjectType.VEHICLE_TITLE, vin);
        f.put("Title_Status__c", "TRANSFERRED");
        f.put("Title_Transferred_Date__c", date(transferredOn));
        return new SObjectRecord(SObjectType.VEHICLE_TITLE, vin, f);
    }

    /**
     * Everything LeaseBridge writes on a repossession Case, all at once: a later write of the Case replaces
     * an earlier one still queued, so each carries the whole of LeaseBridge's part.
     *
     * @param integrationError why LeaseBridge refused the Case's last change; null clears it
     * @param repoOrder        the repo order sent to the agent, null until one is sent
     * @param repoOrderSentAt  when the agent's mail server took it
     */
    public static SObjectRecord repoCase(String caseId, String integrationError, String repoOrder, Instant repoOrderSentAt) {
        Map<String, Object> f = fields(SObjectType.CASE_UPDATE, caseId);
        f.put("Integration_Error__c", integrationError == null ? null : cut(integrationError, INTEGRATION_ERROR_LIMIT));
        f.put("Repo_Order__c", repoOrder == null ? null : cut(repoOrder, LONG_TEXT_LIMIT));
        f.put("Repo_Order_Sent_At__c", repoOrderSentAt == null ? null : repoOrderSentAt.toString());
        return new SObjectRecord(SObjectType.CASE_UPDATE, caseId, f);
    }

    /** The charges to the lessee of a reinstated repossession Case, one line each, as the Case lists them. */
    public static SObjectRecord reinstatementCharges(String caseId, String charges) {
        Map<String, Object> f = fields(SObjectType.CASE_REINSTATEMENT, caseId);
        f.put("Reinstatement_Charges__c", cut(charges, LONG_TEXT_LIMIT));
        return new SObjectRecord(SObjectType.CASE_REINSTATEMENT, caseId, f);
    }

    /**
     * A cost LeaseBridge derived for a repossession case (a FleetRock repair on its vehicle, the agent's fee), as a
     * Recovery_Cost__c of the Case; the Bill for it is the repair order's or the fee's, so the record says it is posted.
     */
    public static SObjectRecord recoveryCost(String key, String caseId, RecoveryCost cost) {
        Map<String, Object> f = fields(SObjectType.RECOVERY_COST, key);
        f.put("Case__c", caseId);
        f.put("Type__c", cost.type().name());
        f.put("Vendor__c", text(cost.vendor()));
        f.put("Amount__c", cost.amount());
        f.put("Cost_Date__c", date(cost.date()));
        f.put("Invoice_Number__c", cost.invoice() == null ? null : cut(cost.invoice(), 21));
        return new SObjectRecord(SObjectType.RECOVERY_COST, key, f);
    }

    /** What a repossession case's recovery costs add up to. */
    public static SObjectRecord caseRecoveryCosts(String caseId, java.math.BigDecimal total) {
        Map<String, Object> f = fields(SObjectType.CASE_RECOVERY_COSTS, caseId);
        f.put("Total_Recovery_Cost__c", total);
        return new SObjectRecord(SObjectType.CASE_RECOVERY_COSTS, caseId, f);
    }

    /** The final account review of a sold repossession case, on the Case: the balance, its components, and the review line by line. */
    public static SObjectRecord caseFinalReview(String caseId, FinalAccountReview review) {
        Map<String, Object> f = fields(SObjectType.CASE_FINAL_REVIEW, caseId);
        f.put("Payoff_At_Recovery__c", review.payoffAtRecovery());
        f.put("Net_Sale_Proceeds__c", review.netProceeds());
        f.put("Deficiency_Amount__c", review.deficiency());
        f.put("Surplus_Amount__c", review.surplus());
        f.put("Final_Account_Review__c", cut(review.describe(), INTEGRATION_ERROR_LIMIT));
        return new SObjectRecord(SObjectType.CASE_FINAL_REVIEW, caseId, f);
    }

    /** The same review on the lease whose vehicle was sold. */
    public static SObjectRecord leaseFinalReview(String leaseId, FinalAccountReview review) {
        Map<String, Object> f = fields(SObjectType.LEASE_FINAL_REVIEW, leaseId);
        f.put("Payoff_At_Recovery__c", review.payoffAtRecovery());
        f.put("Recovery_Costs__c", review.totalCosts());
        f.put("Net_Sale_Proceeds__c", review.netProceeds());
        f.put("Deficiency_Amount__c", review.deficiency());
        f.put("Surplus_Amount__c", review.surplus());
        return new SObjectRecord(SObjectType.LEASE_FINAL_REVIEW, leaseId, f);
    }

    /** A collection agency placement under its lease; the agency, sending day and file once there are any. */
    public static SObjectRecord agencyPlacement(PlacementRecord p) {
        Map<String, Object> f = fields(SObjectType.AGENCY_PLACEMENT, p.placementId());
        f.put("Lease__r", parent(SObjectType.LEASE, p.leaseId()));
        f.put("Status__c", p.status().name());
        f.put("Days_Past_Due__c", p.daysPastDue());
        f.put("Placed_Balance__c", p.placedBalance());
        f.put("Proposed_On__c", date(p.proposedOn()));
        if (p.agency() != null) {
            f.put("Agency__c", text(p.agency()));
        }
        if (p.sentOn() != null) {
            f.put("Sent_On__c", date(p.sentOn()));
            f.put("Placement_File__c", text(p.fileName()));
        }
        if (p.results() != null) {
            f.put("Agency_Status__c", text(p.results().agencyStatus()));
            f.put("Agency_Reported_On__c", date(p.results().reportedOn()));
            f.put("Collected_Amount__c", p.results().collected());
            f.put("Last_Contact_On__c", date(p.results().lastContactOn()));
            f.put("Last_Contact_Result__c", text(p.results().contactResult()));
        }
        return new SObjectRecord(SObjectType.AGENCY_PLACEMENT, p.placementId(), f);
    }

    private static Map<String, Object> fields(SObjectType type, String externalId) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(type.externalIdField(), externalId);
        return f;
    }

    private static Map<String, Object> parent(SObjectType parent, String externalId) {
        return Map.of(parent.externalIdField(), externalId);
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String text(String value) {
        return value == null || value.length() <= TEXT_LIMIT ? value : value.substring(0, TEXT_LIMIT);
    }

    private static String longText(String value) {
        return cut(value, LONG_TEXT_LIMIT);
    }

    private static String cut(String value, int limit) {
        return value == null || value.length() <= limit ? value : value.substring(0, limit);
    }
}
