package io.leasebridge.calls;

import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.salesforce.ChangeQuery;
import io.leasebridge.salesforce.SalesforceChangeReader;
import io.leasebridge.connectors.salesforce.QueryPage;
import io.leasebridge.connectors.salesforce.SalesforceGateway;
import io.leasebridge.salesforce.SalesforceReadFlow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Salesforce call activity -> contact limits: reads the Tasks of type Call logged on a Lease__c since the last read
 * (by SystemModstamp, paged, with the reader's overlap), keeps each as a call attempt (a conversation when its
 * CallDisposition says so), and works out again the standing of the leases they touched; then of the leases whose
 * standing may have changed with time alone, and of those no call has touched whom the limits block all the same
 * (do not call, no known local time). Where the org keeps texts in an SMS object of its own
 * ({@code leasebridge.contact.sms.object}), its messages on a Lease__c are read the same way, as texts sent or
 * replies. Lease__c gets the contact-limit fields only when they change.
 */
@Service
public class CallActivityRead {

    public static final String FLOW = "salesforce-calls-read";
    static final String TEXTS_READER = "salesforce-texts-read";

    private final SalesforceReadFlow readFlow;
    private final ContactStandings standings;
    private final SalesforceOutbox outbox;
    private final CallActivities activities;
    private final TransactionTemplate transaction;
    private final ChangeQuery query;
    private final Set<String> conversations;
    private final SalesforceGateway queries;
    private final ContactProperties.Sms sms;
    private final Set<String> inbound;

    public CallActivityRead(SalesforceReadFlow readFlow, ContactStandings standings, SalesforceOutbox outbox,
                            CallActivities activities, TransactionTemplate transaction, ContactProperties properties, SalesforceGateway queries) {
        this.queries = queries;
        this.readFlow = readFlow;
        this.standings = standings;
        this.outbox = outbox;
        this.activities = activities;
        this.transaction = transaction;
        this.query = new ChangeQuery(FLOW, "Task", List.of("Id", "WhatId", "CallDisposition", "CompletedDateTime", "CreatedDate",
                "SystemModstamp"), "Type = '" + properties.callTaskType().replace("'", "\\'") + "'");
        this.conversations = lowerCase(properties.conversationDispositions());
        this.sms = properties.sms();
        this.inbound = lowerCase(sms.inboundValues());
    }

    private static Set<String> lowerCase(List<String> values) {
        return new java.util.HashSet<>(values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).toList());
    }

    public RunCounts read() {
        RunCounts counts = readFlow.run(FLOW, query, (records, runId) -> keep(records, "WhatId", this::storeCall));
        if (sms.configured()) {
            counts = counts.plus(readFlow.run(FLOW, textQuery(), (records, runId) -> keep(records, sms.leaseField(), this::storeText)));
        }
        Integer due = transaction.execute(status -> {
            java.util.Set<String> leases = new java.util.TreeSet<>(standings.due());
            leases.addAll(standings.unsettled());
            outbox.enqueue(standings.recompute(leases));
            return leases.size();
        });
        return due == null || due == 0 ? counts : counts.plus(new RunCounts(0, due, 0, 0, 0, 0));
    }

    private ChangeQuery textQuery() {
        return new ChangeQuery(TEXTS_READER, sms.object(), List.of("Id", sms.leaseField(), sms.timestampField(), sms.directionField(),
                "SystemModstamp").stream().distinct().toList(), sms.leaseField() + " != null");
    }

    /** Keeps the page's activities on a lease; returns the leases whose standing is worked out again. */
    private RunCounts keep(List<Map<String, Object>> records, String leaseField, java.util.function.BiPredicate<Map<String, Object>, String> store) {
        Set<String> touched = new LinkedHashSet<>();
        Map<String, String> leases = leasesOf(records, leaseField);
        for (Map<String, Object> record : records) {
            String leaseId = leases.get(String.valueOf(record.get(leaseField)));
            if (leaseId != null && store.test(record, leaseId)) {
                touched.add(leaseId);
            }
        }
        outbox.enqueue(standings.recompute(touched));
        return new RunCounts(0, touched.size(), 0, 0, 0, 0);
    }

    /** Keeps the text; returns whether it was new or changed. */
    private boolean storeText(Map<String, Object> record, String leaseId) {
        Object stamp = record.get(sms.timestampField());
        Instant at = SalesforceChangeReader.instant(String.valueOf(stamp != null ? stamp : record.get("SystemModstamp")));
        Object direction = record.get(sms.directionField());
        boolean reply = direction != null && inbound.contains(direction.toString().trim().toLowerCase(Locale.ROOT));
        return activities.keepText(String.valueOf(record.get("Id")), leaseId, at, reply);
    }

    /** Keeps the call; returns whether it was new or changed (a Task read again in the overlap changes nothing). */
    private boolean storeCall(Map<String, Object> record, String leaseId) {
        Object completed = record.get("CompletedDateTime");
        Instant at = SalesforceChangeReader.instant(String.valueOf(completed != null ? completed : record.get("CreatedDate")));
        Object disposition = record.get("CallDisposition");
        boolean conversation = disposition != null && conversations.contains(disposition.toString().trim().toLowerCase(Locale.ROOT));
        return activities.keepCall(String.valueOf(record.get("Id")), leaseId, at, conversation);
    }

    /**
     * The LeaseWorks ids of the Lease__c records the activities were logged on (an activity on anything else is not
     * about a lease and is left alone): one query per page, by Salesforce id.
     */
    private Map<String, String> leasesOf(List<Map<String, Object>> records, String leaseField) {
        List<String> whatIds = records.stream().map(r -> r.get(leaseField)).filter(java.util.Objects::nonNull).map(Object::toString)
                .filter(id -> id.matches("[A-Za-z0-9]{15,18}")).distinct().toList();
        Map<String, String> leases = new java.util.HashMap<>();
        if (whatIds.isEmpty()) {
            return leases;
        }
        QueryPage page = queries.query("SELECT Id, LeaseWorks_Lease_Id__c FROM Lease__c WHERE Id IN ('"
                + String.join("', '", whatIds) + "')");
        while (true) {
            page.records().stream().filter(r -> r.get("LeaseWorks_Lease_Id__c") != null)
                    .forEach(r -> leases.put(String.valueOf(r.get("Id")), r.get("LeaseWorks_Lease_Id__c").toString()));
            if (!page.hasMore()) {
                return leases;
            }
            page = queries.next(page.nextRecordsUrl());
        }
    }
}
