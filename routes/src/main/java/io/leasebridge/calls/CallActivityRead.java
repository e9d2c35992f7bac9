package io.leasebridge.calls;

import io.leasebridge.config.ContactProperties;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.salesforce.ChangeQuery;
import io.leasebridge.salesforce.SalesforceChangeReader;
import io.leasebridge.salesforce.SalesforceQueries;
import io.leasebridge.salesforce.SalesforceReadFlow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
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
 * (do not call, no known local time). Lease__c gets the four contact-limit fields only when they change.
 */
@Service
public class CallActivityRead {

    public static final String FLOW = "salesforce-calls-read";

    private final SalesforceReadFlow readFlow;
    private final ContactStandings standings;
    private final SalesforceOutbox outbox;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ChangeQuery query;
    private final Set<String> conversations;
    private final SalesforceQueries queries;

    public CallActivityRead(SalesforceReadFlow readFlow, ContactStandings standings, SalesforceOutbox outbox, JdbcTemplate jdbc,
                            TransactionTemplate transaction, Clock clock, ContactProperties properties, SalesforceQueries queries) {
        this.queries = queries;
        this.readFlow = readFlow;
        this.standings = standings;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.query = new ChangeQuery(FLOW, "Task", List.of("Id", "WhatId", "CallDisposition", "CompletedDateTime", "CreatedDate",
                "SystemModstamp"), "Type = '" + properties.callTaskType().replace("'", "\\'") + "'");
        this.conversations = new java.util.HashSet<>(properties.conversationDispositions().stream()
                .map(d -> d.trim().toLowerCase(Locale.ROOT)).toList());
    }

    public RunCounts read() {
        RunCounts counts = readFlow.run(FLOW, query, (records, runId) -> {
            Set<String> touched = new LinkedHashSet<>();
            Map<String, String> leases = leasesOf(records);
            for (Map<String, Object> record : records) {
                String leaseId = leases.get(String.valueOf(record.get("WhatId")));
                if (leaseId != null && store(record, leaseId)) {
                    touched.add(leaseId);
                }
            }
            outbox.enqueue(standings.recompute(touched));
            return new RunCounts(0, touched.size(), 0, 0, 0, 0);
        });
        Integer due = transaction.execute(status -> {
            java.util.Set<String> leases = new java.util.TreeSet<>(standings.due());
            leases.addAll(standings.unsettled());
            outbox.enqueue(standings.recompute(leases));
            return leases.size();
        });
        return due == null || due == 0 ? counts : counts.plus(new RunCounts(0, due, 0, 0, 0, 0));
    }

    /** Keeps the call; returns whether it was new or changed (a Task read again in the overlap changes nothing). */
    private boolean store(Map<String, Object> record, String leaseId) {
        String id = String.valueOf(record.get("Id"));
        Object completed = record.get("CompletedDateTime");
        Instant at = SalesforceChangeReader.instant(String.valueOf(completed != null ? completed : record.get("CreatedDate")));
        Object disposition = record.get("CallDisposition");
        boolean conversation = disposition != null && conversations.contains(disposition.toString().trim().toLowerCase(Locale.ROOT));
        int updated = jdbc.update("""
                update call_attempt set lease_id = ?, attempted_at = ?, conversation = ?, read_at = ?
                where activity_id = ? and (lease_id <> ? or attempted_at <> ? or conversation <> ?)""",
                leaseId, Timestamp.from(at), conversation, Timestamp.from(clock.instant()), id, leaseId, Timestamp.from(at), conversation);
        if (updated > 0) {
            return true;
        }
        Integer known = jdbc.queryForObject("select count(*) from call_attempt where activity_id = ?", Integer.class, id);
        if (known != null && known > 0) {
            return false;
        }
        jdbc.update("insert into call_attempt (activity_id, lease_id, attempted_at, conversation, read_at) values (?, ?, ?, ?, ?)",
                id, leaseId, Timestamp.from(at), conversation, Timestamp.from(clock.instant()));
        return true;
    }

    /**
     * The LeaseWorks ids of the Lease__c records the calls were logged on (a call on anything else is not about a
     * lease and is left alone): one query per page, by Salesforce id.
     */
    private Map<String, String> leasesOf(List<Map<String, Object>> records) {
        List<String> whatIds = records.stream().map(r -> r.get("WhatId")).filter(java.util.Objects::nonNull).map(Object::toString)
                .filter(id -> id.matches("[A-Za-z0-9]{15,18}")).distinct().toList();
        Map<String, String> leases = new java.util.HashMap<>();
        if (whatIds.isEmpty()) {
            return leases;
        }
        SalesforceQueries.Page page = queries.query("SELECT Id, LeaseWorks_Lease_Id__c FROM Lease__c WHERE Id IN ('"
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
