package io.leasebridge.sandbox;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.leasebridge.salesforce.metadata.OrgMetadata;

import java.time.Clock;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

/**
 * An in-process Salesforce org that speaks the REST API's wire format, for route tests and the sandbox.
 *
 * <p>It answers what camel-salesforce calls with default settings: {@code POST /services/oauth2/token}
 * at start-up (the token's {@code instance_url} is this server, so re-logins land here too) and
 * {@code GET /services/oauth2/revoke?token=} at shutdown; then sObject Collections upsert by external id
 * ({@code PATCH /services/data/vNN.N/composite/sobjects/{SObject}/{ExternalIdField}}), SOQL query with
 * {@code nextRecordsUrl} paging, Bulk API 2.0 ingest jobs ({@code /jobs/ingest}: create, one CSV upload,
 * {@code UploadComplete} or {@code Aborted}, job info, successful, failed and unprocessed results) and {@code /limits}. Records are kept, so a second upsert of an external
 * id updates ({@code created:false}) and a query reads back what was written. Every other request gets
 * Salesforce's 404. A data call without a live session gets 401 {@code INVALID_SESSION_ID}.
 *
 * <p>The org is the shipped metadata ({@code config/salesforce/force-app}, with the standard fields LeaseBridge
 * touches): its objects, fields, external ids, lookups, record types, lengths, ranges and restricted picklists,
 * enforced with Salesforce's error codes and messages. A field or object it does not define does not exist here.
 * A Task's polymorphic {@code What} names its parent's type in {@code attributes} and is stored as {@code WhatId};
 * an {@code OwnerId} must be a user (005) or queue (00G) id. An update changes only the fields it sends, so a facet
 * such as the lease's promise KPIs leaves the rest of the record as it was.
 *
 * <p>Faults for resilience tests fire once: a dropped connection after some successful write calls, a
 * 503 on the next write call, an expired session. All state is guarded, so concurrent routes are safe.
 *
 * <pre>{@code
 * SalesforceSimulator salesforce = SalesforceSimulator.start(0);
 * // camel.component.salesforce.login-url = salesforce.baseUrl()
 * salesforce.dropConnectionAfterWriteCalls(2);
 * ...
 * assertThat(salesforce.createdCount("Account", "C-1")).isEqualTo(1);
 * salesforce.stop();
 * }</pre>
 */
public final class SalesforceSimulator {

    private final WireMockServer server;
    private final SalesforceOrg org;
    private final SalesforceApi api;
    private final BulkIngestJobs bulk;
    private final WriteFaults faults;
    private final boolean recordRequests;

    private SalesforceSimulator(int port, boolean recordRequests, Clock clock, OrgMetadata metadata) {
        this.recordRequests = recordRequests;
        this.org = new SalesforceOrg(metadata, clock, SalesforceIds.id("005", 1));
        this.faults = new WriteFaults();
        this.bulk = new BulkIngestJobs(org, clock, SalesforceIds.id("005", 1));
        this.api = new SalesforceApi(org, bulk, faults, clock);
        WireMockConfiguration options = WireMockConfiguration.options()
                .port(port)
                .extensions(api)
                .notifier(new Slf4jNotifier(false));
        if (!recordRequests) {
            options.disableRequestJournal();
        }
        this.server = new WireMockServer(options);
        server.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withTransformers(SalesforceApi.NAME)));
    }

    /**
     * Starts an org on {@code port} (0 picks a free one). WireMock's request journal is on, so a test can
     * also {@code verify} what went over the wire through {@link #wireMock()}.
     */
    public static SalesforceSimulator start(int port) {
        return start(port, true, Clock.systemUTC());
    }

    /**
     * Starts an org for volume runs: no request journal, so a million records do not stay in memory
     * twice. Inspect it through the counters and {@link #records(String)}.
     */
    public static SalesforceSimulator startForLoad(int port) {
        return start(port, false, Clock.systemUTC());
    }

    static SalesforceSimulator start(int port, boolean recordRequests, Clock clock) {
        return start(port, recordRequests, clock, OrgMetadata.shippedWith(smsPackage()));
    }

    /**
     * The SMS package installed in the sandbox's org (texts in a message object of their own, as a vendor's managed
     * package keeps them): the product's metadata does not carry a vendor's object, the sandbox's org does.
     */
    private static java.nio.file.Path smsPackage() {
        try {
            return java.nio.file.Path.of(SalesforceSimulator.class.getResource("/salesforce/sms-package").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts an org holding {@code metadata} instead of the shipped SFDX tree and the sandbox's SMS package. */
    static SalesforceSimulator start(int port, boolean recordRequests, Clock clock, OrgMetadata metadata) {
        SalesforceSimulator simulator = new SalesforceSimulator(port, recordRequests, clock, metadata);
        simulator.server.start();
        simulator.api.baseUrl(simulator.baseUrl());
        return simulator;
    }

    /** The login URL and instance URL, e.g. {@code http://localhost:54321}, without a trailing slash. */
    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public void stop() {
        server.stop();
    }

    /** The underlying server, for {@code verify(...)} against the request journal. */
    public WireMockServer wireMock() {
        return server;
    }

    // ---------------------------------------------------------------- people working in the org

    /** Adds a Salesforce user; returns its id, to act as that user with {@link #saveAs}. */
    public String user(String name) {
        return org.saveAs(SalesforceIds.id("005", 1), "User", null, Map.of("Name", name));
    }

    /** The id of a record type the metadata defines for an object. */
    public String recordType(String sObject, String developerName) {
        String id = org.recordTypeId(sObject, developerName);
        if (id == null) {
            throw new IllegalArgumentException("the metadata defines no record type " + developerName + " of " + sObject);
        }
        return id;
    }

    /**
     * What a person does in the Salesforce UI: creates a record ({@code id} null) or changes the given
     * fields of one, stamping SystemModstamp and, for tracked fields, the object's field history.
     *
     * @return the record's id
     */
    public String saveAs(String userId, String sObject, String id, Map<String, Object> fields) {
        return org.saveAs(userId, sObject, id, fields);
    }

    // ---------------------------------------------------------------- rules of the org

    /** Makes a field unique: a second record with the same value fails with {@code DUPLICATE_VALUE}. */
    /** Switches a validation rule of the org off or on again, as an admin does around a data migration. */
    public SalesforceSimulator validationRuleActive(String sObject, String rule, boolean active) {
        org.validationRuleActive(sObject, rule, active);
        return this;
    }

        public SalesforceSimulator uniqueField(String sObject, String field) {
        org.uniqueField(sObject, field);
        return this;
    }

    /** How many records a query page holds (default 2,000, Salesforce's maximum). */
    public SalesforceSimulator queryPageSize(int records) {
        org.queryPageSize(records);
        return this;
    }

    /**
     * How long a Bulk API 2.0 ingest job stays InProgress once closed: {@code perJob} plus {@code perRecord} for each
     * uploaded row (default none: a job is complete when it is closed).
     */
    public SalesforceSimulator bulkProcessingTime(java.time.Duration perJob, java.time.Duration perRecord) {
        bulk.processingTime(perJob, perRecord);
        return this;
    }

    /** The org's daily API request limit reported in {@code Sforce-Limit-Info} (default 15,000); beyond it, 403. */
    public SalesforceSimulator apiDailyLimit(long requests) {
        api.apiLimit(requests);
        return this;
    }

    // ---------------------------------------------------------------- inspection

    /**
     * The stored records of an object keyed by external id value, in creation order. Each map holds
     * {@code Id} and the fields as written; a parent reference is stored as the parent's id in the
     * lookup field ({@code Customer__r} becomes {@code Customer__c}).
     */
    public Map<String, Map<String, Object>> records(String sObject) {
        return org.records(sObject);
    }

    /**
     * Puts records in the org as if users had entered them (no API call is counted), upserted by
     * {@code externalIdField}: e.g. the {@code Vehicle__c} records that LeaseBridge's work orders refer to.
     */
    public void seedRecords(String sObject, String externalIdField, java.util.List<Map<String, Object>> records) {
        for (int from = 0; from < records.size(); from += SalesforceOrg.COLLECTION_LIMIT) {
            var results = org.upsert(sObject, externalIdField, false,
                    records.subList(from, Math.min(records.size(), from + SalesforceOrg.COLLECTION_LIMIT)));
            results.stream().filter(r -> !r.success()).findFirst().ifPresent(r -> {
                throw new IllegalArgumentException("cannot seed " + sObject + ": " + r.errors());
            });
        }
    }

    /** Collection upsert calls made for an object with a live session, including those a fault answered. */
    public int writeCalls(String sObject) {
        return org.writeCalls(sObject);
    }

    /** Upsert calls for an object whose records carried this field, e.g. the recovery-risk facet of Lease__c. */
    public int upsertCallsWith(String sObject, String field) {
        return org.upsertCallsWith(sObject, field);
    }

    public int totalWriteCalls() {
        return org.totalWriteCalls();
    }

    /** How many times a record with this external id was created; anything but 0 or 1 is a duplicate. */
    public int createdCount(String sObject, String externalId) {
        return org.createdCount(sObject, externalId);
    }

    /** Bulk API 2.0 ingest jobs created for an object. */
    public int bulkJobs(String sObject) {
        return bulk.jobs(sObject);
    }

    public int totalBulkJobs() {
        return bulk.totalJobs();
    }

    /** Successful calls to the token endpoint. */
    public int loginCalls() {
        return api.loginCalls();
    }

    /** API calls counted so far, as reported in {@code Sforce-Limit-Info: api-usage=N/limit}. */
    public long apiUsage() {
        return api.apiUsage();
    }

    // ---------------------------------------------------------------- faults

    /**
     * After {@code successfulWriteCalls} more write calls succeed, the next one has its connection
     * reset by peer before anything is stored; later calls are answered normally.
     */
    public void dropConnectionAfterWriteCalls(int successfulWriteCalls) {
        faults.dropConnectionAfter(successfulWriteCalls);
    }

    /** The next write call is answered 503 {@code SERVER_UNAVAILABLE} without storing anything. */
    /** How long each write call takes after its records are stored, as a slow org would; 0 (the default) for none. */
    public void writeLatency(java.time.Duration latency) {
        faults.writeLatency(latency.toMillis());
    }

    public void failNextWriteWith503() {
        faults.unavailableNext();
    }

    /**
     * Ends every session now, as a Salesforce session timeout does: the next data call answers 401
     * {@code INVALID_SESSION_ID} and works again after a new login.
     */
    public void expireSessionOnce() {
        api.expireSessions();
    }

    /** Forgets records, counters, open query cursors and armed faults; keeps the metadata and live sessions. */
    public void reset() {
        org.reset();
        bulk.reset();
        faults.reset();
        api.resetCounters();
        if (recordRequests) {
            server.resetRequests();
        }
    }
}
