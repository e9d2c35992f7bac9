package io.leasebridge.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The collections rules at their edges, as three export days after the portfolio's, each delivered on a run of its
 * own ({@link Sandbox#nextScenarioDay()}) and judged as of that day:
 * <ul>
 *   <li>{@value #EVENING}: a payment made on the evening of the promise's deadline day, after that day's 18:10
 *       export, is in the next morning's file; the promise, judged BROKEN without it, is revised to KEPT.</li>
 *   <li>{@value #NSF}: a kept promise whose payment comes back NSF three days after judgement is revised to BROKEN.</li>
 *   <li>{@value #QUARANTINED}: an open promise whose snapshot row is malformed one day stays UNCONFIRMED, not
 *       cancelled, and the next day's valid row settles it.</li>
 *   <li>{@value #BLANK_DO_NOT_CALL}: a customer whose Do Not Call is blank may not be called.</li>
 *   <li>{@value #CALLED_OUT} and {@value #SPOKEN_TO}: call Tasks logged in the org, seven unanswered and one
 *       conversation, block the next call.</li>
 *   <li>a vehicle with a GPS device sold by remarketing before the last day: not located again, its alerts closed.</li>
 * </ul>
 */
final class RuleScenarios {

    static final String EVENING = "L-R00001";
    static final String NSF = "L-R00002";
    static final String QUARANTINED = "L-R00003";
    static final String BLANK_DO_NOT_CALL = "L-R00004";
    static final String CALLED_OUT = "L-R00005";
    static final String SPOKEN_TO = "L-R00006";
    static final List<LocalDate> DAYS = List.of(LocalDate.of(2026, 1, 20), LocalDate.of(2026, 1, 21), LocalDate.of(2026, 1, 22));
    static final int UNANSWERED_CALLS = 7;
    /** The sandbox org's SMS package object; texts sent to the lease called out, a reply from the one spoken to. */
    static final String SMS_OBJECT = "sbxsms__Message__c";
    static final int TEXTS_SENT = 2;
    /** The conversation disposition LeaseBridge's default configuration counts. */
    static final String CONNECTED = "Connected";

    private static final String FOLDER = "rule-scenarios";
    private static final String DELIVERED = "delivered";
    private static final String SOLD = "sold-vin";
    private static final String PAYMENTS = "Payment ID,Contract Number,Amount,Received Date,Payment Method,Reversal Of";
    private static final String PROMISES = "Contract Number,Promise Amount,Promise Date,Promise Entered By,Promise Entered At";

    private RuleScenarios() {
    }

    /** Writes the three days' files under the sandbox's home, the accounts rows in the columns of {@code accountsExport}. */
    static void write(Path home, Path accountsExport) {
        try {
            String header;
            try (Stream<String> lines = Files.lines(accountsExport, StandardCharsets.UTF_8)) {
                header = lines.findFirst().orElseThrow(() -> new IllegalStateException(accountsExport + " has no header"));
            }
            Path folder = home.resolve(FOLDER);
            Files.createDirectories(folder);
            List<String> accounts = new ArrayList<>(List.of(header));
            accounts.add(lease(header, "R-00001", "Ruth Evening", EVENING, "N", "Aisha Khan"));
            accounts.add(lease(header, "R-00002", "Nate Returned", NSF, "N", "Tom Baker"));
            accounts.add(lease(header, "R-00003", "Quinn Quarantine", QUARANTINED, "N", "Aisha Khan"));
            accounts.add(lease(header, "R-00004", "Blanca Blank", BLANK_DO_NOT_CALL, "", "Tom Baker"));
            accounts.add(lease(header, "R-00005", "Carl Called", CALLED_OUT, "N", "Aisha Khan"));
            accounts.add(lease(header, "R-00006", "Sofia Spoken", SPOKEN_TO, "N", "Tom Baker"));
            Path day1 = day(folder, 0);
            Files.write(day1.resolve("accounts_20260120.csv"), accounts, StandardCharsets.UTF_8);
            // the promise due on the 18th is paid on time; the one due on the 18th + 2 grace days is not, yet
            Files.write(day1.resolve("promises_20260120.csv"), List.of(PROMISES,
                    EVENING + ",400.00,01/18/2026,Aisha Khan,01/12/2026 10:15",
                    NSF + ",250.00,01/16/2026,Tom Baker,01/10/2026 09:40",
                    QUARANTINED + ",300.00,01/26/2026,Aisha Khan,01/19/2026 14:05"), StandardCharsets.UTF_8);
            Files.write(day1.resolve("payments_20260120.csv"), List.of(PAYMENTS,
                    "P-R00021," + NSF + ",250.00,01/16/2026,ACH,"), StandardCharsets.UTF_8);
            Path day2 = day(folder, 1);
            // the 18:10 export of the 20th missed the evening payment: it is in the file of the next morning
            Files.write(day2.resolve("payments_20260121.csv"), List.of(PAYMENTS,
                    "P-R00011," + EVENING + ",400.00,01/20/2026,Card,",
                    "P-R00022," + NSF + ",-250.00,01/21/2026,ACH,P-R00021"), StandardCharsets.UTF_8);
            // an amount of 0.00 is refused by the field map (at least 0.01): the row is quarantined
            Files.write(day2.resolve("promises_20260121.csv"), List.of(PROMISES,
                    QUARANTINED + ",0.00,01/26/2026,Aisha Khan,01/19/2026 14:05"), StandardCharsets.UTF_8);
            Path day3 = day(folder, 2);
            Files.write(day3.resolve("promises_20260122.csv"), List.of(PROMISES,
                    QUARANTINED + ",300.00,01/26/2026,Aisha Khan,01/19/2026 14:05"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rule scenarios under " + home, e);
        }
    }

    /** One accounts row, by the export's column names; columns the scenarios do not need are left blank. */
    private static String lease(String header, String customerId, String name, String leaseId, String doNotCall, String collector) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Customer Number", customerId);
        values.put("Customer Name", name);
        values.put("Home Phone", "(713) 555-0142");
        values.put("Address Line 1", "4100 Westheimer Rd");
        values.put("City", "Houston");
        values.put("State", "TX");
        values.put("Zip", "77027");
        values.put("Time Zone", "America/Chicago");
        values.put("Do Not Call", doNotCall);
        values.put("Do Not Text", "N");
        values.put("Text Consent", "Y");
        values.put("Email Consent", "N");
        values.put("Contract Number", leaseId);
        values.put("Contract Status", "Delinquent");
        values.put("Next Due Date", "02/01/2026");
        values.put("Days Past Due", "24");
        values.put("Past Due Amount", "412.50");
        values.put("Payments Made", "11");
        values.put("Collector", collector);
        List<String> row = new ArrayList<>();
        for (String column : header.split(",", -1)) {
            row.add(values.getOrDefault(column.replace("\"", "").strip(), ""));
        }
        return String.join(",", row);
    }

    private static Path day(Path folder, int index) throws IOException {
        return Files.createDirectories(folder.resolve("day-" + (index + 1)));
    }

    /**
     * Moves the next undelivered day's files into the inbox and does in the org what people did that day: before the
     * second day, collectors log their calls; before the third, remarketing sells a tracked vehicle.
     *
     * @return the day delivered; empty when there are no scenarios or every day was delivered
     */
    static Optional<LocalDate> deliverNext(Path home, Path inbox, SalesforceSimulator salesforce, String hubUrl) {
        Path folder = home.resolve(FOLDER);
        try {
            for (int i = 0; i < DAYS.size(); i++) {
                Path day = folder.resolve("day-" + (i + 1));
                if (!Files.isDirectory(day) || Files.exists(day.resolve(DELIVERED))) {
                    continue;
                }
                if (i == 1) {
                    logCalls(salesforce);
                }
                if (i == 2) {
                    Optional<String> sold = soldVehicle(hubUrl);
                    if (sold.isPresent()) {
                        sell(salesforce, sold.get());
                        Files.writeString(folder.resolve(SOLD), sold.get());
                    }
                }
                try (Stream<Path> files = Files.list(day)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                        Files.copy(file, inbox.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Files.writeString(day.resolve(DELIVERED), "");
                return Optional.of(DAYS.get(i));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot deliver the rule scenarios of " + folder, e);
        }
    }

    /** Seven unanswered calls on one lease and a conversation on another, as collectors log them in Salesforce. */
    private static void logCalls(SalesforceSimulator salesforce) {
        String collector = salesforce.user("Aisha Khan");
        for (int i = 0; i < UNANSWERED_CALLS; i++) {
            call(salesforce, collector, CALLED_OUT, "Left voicemail");
        }
        call(salesforce, collector, SPOKEN_TO, CONNECTED);
        for (int i = 0; i < TEXTS_SENT; i++) {
            text(salesforce, collector, CALLED_OUT, "Outbound");
        }
        text(salesforce, collector, SPOKEN_TO, "Inbound");
    }

    private static void text(SalesforceSimulator salesforce, String collector, String leaseId, String direction) {
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("sbxsms__Lease__c", leaseRecord(salesforce, leaseId));
        text.put("sbxsms__Sent_At__c", java.time.Instant.now().toString());
        text.put("sbxsms__Direction__c", direction);
        salesforce.saveAs(collector, SMS_OBJECT, null, text);
    }

    private static void call(SalesforceSimulator salesforce, String collector, String leaseId, String disposition) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("OwnerId", collector);
        task.put("WhatId", leaseRecord(salesforce, leaseId));
        task.put("Subject", "Call");
        task.put("Type", "Call");
        task.put("Status", "Completed");
        task.put("CallDisposition", disposition);
        salesforce.saveAs(collector, "Task", null, task);
    }

    /** The lease's Salesforce id; a fresh org (a new sandbox process) has it entered as users would have. */
    private static String leaseRecord(SalesforceSimulator salesforce, String leaseId) {
        Map<String, Object> lease = salesforce.records("Lease__c").get(leaseId);
        if (lease != null) {
            return lease.get("Id").toString();
        }
        return salesforce.saveAs(salesforce.user("Dana Fleet"), "Lease__c", null, Map.of("Name", leaseId, "LeaseWorks_Lease_Id__c", leaseId));
    }

    /** A tracked vehicle still the lessor's, one with an open GPS alert if there is one. */
    private static Optional<String> soldVehicle(String hubUrl) {
        return firstVin(hubUrl, """
                select v.vin from vehicle v join gps_alert a on a.vin = v.vin
                where a.status = 'OPEN' and coalesce(v.disposition, 'ACTIVE') not in ('SOLD', 'CLOSED') order by v.vin""")
                .or(() -> firstVin(hubUrl, """
                        select v.vin from vehicle v where v.gps_device_id is not null
                        and coalesce(v.disposition, 'ACTIVE') not in ('SOLD', 'CLOSED') order by v.vin"""));
    }

    private static void sell(SalesforceSimulator salesforce, String vin) {
        Map<String, Object> vehicle = salesforce.records("Vehicle__c").get(vin);
        if (vehicle != null) {
            salesforce.saveAs(salesforce.user("Rita Alvarez"), "Vehicle__c", vehicle.get("Id").toString(), Map.of("Disposition__c", "SOLD"));
        }
    }

    /**
     * The vehicle remarketing sold in the org, by VIN: a sandbox started again seeds a fresh org, which must show the
     * sale the real org would have kept.
     */
    static Map<String, String> soldInTheOrg(Path home) {
        Path sold = home.resolve(FOLDER).resolve(SOLD);
        try {
            return Files.exists(sold) ? Map.of(Files.readString(sold).strip(), "SOLD") : Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sold, e);
        }
    }

    /** The vehicle remarketing sold, once it has been read back into the hub. */
    static Optional<String> vehicleSold(String hubUrl) {
        return firstVin(hubUrl, "select vin from vehicle where disposition = 'SOLD' and gps_device_id is not null order by vin");
    }

    private static Optional<String> firstVin(String hubUrl, String sql) {
        try (Connection hub = DriverManager.getConnection(hubUrl, "sa", "");
             ResultSet rs = hub.createStatement().executeQuery(sql)) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * What each rule decided on the scenarios so far: the ledger's events, the contact standings, the GPS skip; nothing
     * before the first scenario day arrived.
     */
    static void describe(PrintStream out, Path home, String hubUrl) {
        if (!Files.exists(home.resolve(FOLDER).resolve("day-1").resolve(DELIVERED))) {
            return;
        }
        try (Connection hub = DriverManager.getConnection(hubUrl, "sa", "")) {
            out.println("Collections rules at their edges (the sandbox's scenario leases):");
            out.printf("  %-44s %s%n", "evening payment on the deadline day (" + EVENING + ")", verdicts(hub, EVENING));
            out.printf("  %-44s %s%n", "NSF return after judgement (" + NSF + ")", verdicts(hub, NSF));
            out.printf("  %-44s %s%n", "quarantined promise row (" + QUARANTINED + ")", verdicts(hub, QUARANTINED));
            out.printf("  %-44s %s%n", "blank Do Not Call (" + BLANK_DO_NOT_CALL + ")", preference(hub, BLANK_DO_NOT_CALL)
                    + "; " + standing(hub, BLANK_DO_NOT_CALL));
            out.printf("  %-44s %s%n", UNANSWERED_CALLS + " unanswered calls (" + CALLED_OUT + ")", standing(hub, CALLED_OUT));
            out.printf("  %-44s %s%n", "a conversation (" + SPOKEN_TO + ")", standing(hub, SPOKEN_TO));
            out.printf("  %-44s %s%n", "texts in the org's SMS object", texts(hub, CALLED_OUT) + "; " + texts(hub, SPOKEN_TO));
            out.printf("  %-44s %s%n", "sold vehicle with a GPS device", soldVehicleLine(hub));
            out.println();
        } catch (SQLException e) {
            out.println("Collections rules at their edges: not read (" + e.getMessage() + ")");
        }
    }

    /** The promise's status and the ledger events that moved it, in order. */
    static String verdicts(Connection hub, String leaseId) throws SQLException {
        List<String> events = strings(hub, "select type from promise_event where lease_id = ? and type not in ('MADE', 'PAYMENT_APPLIED')"
                + " order by sequence", leaseId);
        List<String> status = strings(hub, "select status from promise where lease_id = ?", leaseId);
        return status.isEmpty() ? "no promise yet" : "now " + String.join(", ", status) + (events.isEmpty() ? ""
                : " (" + String.join(" -> ", events) + ")");
    }

    private static String preference(Connection hub, String leaseId) throws SQLException {
        List<String> source = strings(hub, "select case when c.do_not_call then 'yes' else 'no' end || ' (' || coalesce(c.preference_source, '')"
                + " || ')' from customer c join lease_account a on a.customer_id = c.customer_id where a.lease_id = ?", leaseId);
        return source.isEmpty() ? "no customer yet" : "do not call: " + source.get(0);
    }

    private static String standing(Connection hub, String leaseId) throws SQLException {
        List<String> reason = strings(hub, "select coalesce(blocked_reason, 'a call is allowed') from lease_contact_standing where lease_id = ?",
                leaseId);
        List<String> calls = strings(hub, "select count(*) from call_attempt where lease_id = ?", leaseId);
        return (reason.isEmpty() ? "no standing worked out" : reason.get(0)) + " [" + calls.get(0) + " calls read]";
    }

    private static String texts(Connection hub, String leaseId) throws SQLException {
        List<String> texts = strings(hub, "select sum(case when inbound then 0 else 1 end) || ' sent, ' || sum(case when inbound then 1 else 0 end)"
                + " || ' replies' from text_message where lease_id = ? having count(*) > 0", leaseId);
        return leaseId + " " + (texts.isEmpty() ? "no text read" : texts.get(0) + " read");
    }

    private static String soldVehicleLine(Connection hub) throws SQLException {
        List<String> sold = strings(hub, "select vin from vehicle where disposition = 'SOLD' and gps_device_id is not null"
                + " order by vin", null);
        if (sold.isEmpty()) {
            return "none sold yet";
        }
        String vin = sold.get(0);
        List<String> alerts = strings(hub, "select alert_type || ' ' || status from gps_alert where vin = ? order by alert_type", vin);
        return vin + " SOLD: " + pullsOnLastPoll(hub, vin) + " locations requested on the last poll, " + pulls(hub, vin)
                + " before; alerts " + (alerts.isEmpty() ? "none" : String.join(", ", alerts));
    }

    /** Locations requested for the vehicle on the last GPS poll. */
    static long pullsOnLastPoll(Connection hub, String vin) throws SQLException {
        return Long.parseLong(strings(hub, "select count(*) from gps_pull where vin = ? and run_id = "
                + "(select max(id) from flow_run where flow = 'gps-location-poll')", vin).get(0));
    }

    /** Locations requested for the vehicle on every poll before the last. */
    static long pulls(Connection hub, String vin) throws SQLException {
        return Long.parseLong(strings(hub, "select count(*) from gps_pull where vin = ? and run_id < "
                + "(select max(id) from flow_run where flow = 'gps-location-poll')", vin).get(0));
    }

    static List<String> strings(Connection hub, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = hub.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
