package io.leasebridge.agency;

import io.leasebridge.mapping.AgencyLayouts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.promises.LedgerProperties;
import io.leasebridge.replay.DeadLetterReplay;
import io.leasebridge.flow.ReplayOutcome;
import io.leasebridge.salesforce.SalesforceOutboxDrainRoute;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.TestProperties;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Agency placements end to end: leases in the hub proposed to a Salesforce org on WireMock, the managers' decisions
 * read back from it, and the approved placement dropped on the agency's SFTP server (Apache MINA SSHD) in the layout of
 * the shipped {@code config/mappings/agencies.yml}, once, whatever reruns and crashes come between.
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
@AutoConfigureMockMvc
class AgencyPlacementRouteTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final AgencySftpServer agency = AgencySftpServer.start();
    private static final ObjectMapper json = new ObjectMapper();
    private static final String LONE_STAR = "Lone Star Recovery Services";
    private static final String QUERY = "/services/data/v62.0/query/?";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        TestProperties.parked(registry, salesforce, "agency-placements");
        // the shipped layouts, with the agency's endpoint on this test's SFTP server
        String shipped = Files.readString(configDir().resolve("mappings/agencies.yml"));
        List<String> endpoints = shipped.lines().filter(l -> l.strip().startsWith("endpoint:")).toList();
        Path layouts = Files.createTempFile("agencies", ".yml");
        Files.writeString(layouts, shipped.replace(endpoints.get(0), "    endpoint: \"" + agency.endpoint() + "\"")
                .replace(endpoints.get(1), "      endpoint: \"" + agency.returnsEndpoint() + "\""));
        registry.add("leasebridge.agency.layouts-file", layouts::toString);
    }

    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AgencyLayouts layouts;
    @Autowired
    LedgerProperties lessor;
    @Autowired
    DeadLetterReplay replay;
    @Autowired
    PlacementStore placements;
    @Autowired
    AgencyReturnStore agencyReturns;
    @Autowired
    MockMvc mvc;

    @AfterAll
    static void stopServers() throws IOException {
        salesforce.stop();
        agency.close();
    }

    @BeforeEach
    void emptyHubOrgAndAgency() {
        HubTables.clear(jdbc);
        jdbc.update("delete from promise");
        jdbc.update("delete from repo_case");
        jdbc.update("delete from agency_file");
        jdbc.update("delete from agency_return");
        jdbc.update("delete from agency_placement");
        salesforce.resetAll();
        SalesforceWireMock.stubLogin(salesforce);
        salesforce.stubFor(patch(urlPathMatching("/services/data/v62.0/composite/sobjects/.*"))
                .willReturn(SalesforceWireMock.json(200, SalesforceWireMock.body("collections-upsert-results.json"))));
        agency.clear();
        customer("C-1");
        lease("L-59", 59);
        lease("L-60", 60);
        lease("L-61", 75);
        lease("L-62", 90);
        lease("L-70", 70);
        openCase("L-70");
        lease("L-80", 80);
        promise("L-80", today().plusDays(1));
    }

    @Test
    void leasesSixtyDaysPastDueOrMoreAreProposedUnderTheirLeaseOnceAndThoseAtFiftyNineWithAnOpenCaseOrAPromiseDueTomorrowAreNot()
            throws Exception {
        run();
        drain();

        List<JsonNode> proposed = sent("Agency_Placement__c");
        assertThat(proposed).extracting(p -> p.path("LeaseBridge_Placement_Id__c").asText())
                .containsExactly("AP-L-60-1", "AP-L-61-1", "AP-L-62-1");
        JsonNode first = proposed.get(0);
        assertThat(first.path("Status__c").asText()).isEqualTo("PROPOSED");
        assertThat(first.path("Lease__r").path("LeaseWorks_Lease_Id__c").asText()).isEqualTo("L-60");
        assertThat(first.path("Days_Past_Due__c").asInt()).isEqualTo(60);
        assertThat(first.path("Placed_Balance__c").decimalValue()).isEqualByComparingTo("1287.50");
        assertThat(first.path("Proposed_On__c").asText()).isEqualTo(today().toString());
        assertThat(first.has("Agency__c")).as("no agency until a manager names one").isFalse();

        salesforce.resetRequests();
        run();
        drain();
        assertThat(sent("Agency_Placement__c")).as("a lease holding a placement is not proposed again").isEmpty();
        assertThat(HubTables.count(jdbc, "select count(*) from agency_placement")).isEqualTo(3);
        assertThat(agency.files()).isEmpty();
    }

    @Test
    void anApprovedPlacementGoesToItsAgencyColumnByColumnInItsLayoutOnceAndIsSentInSalesforce() throws Exception {
        run();
        stubDecisions();
        run();
        drain();

        String fileName = "LSRS_PLACE_" + DateTimeFormatter.BASIC_ISO_DATE.format(today()) + "_1.csv";
        assertThat(agency.files()).extracting(p -> p.getFileName().toString()).containsExactly(fileName);
        List<CSVRecord> rows = csv(agency.files().get(0));
        AgencyLayouts.FileLayout layout = layouts.agency(LONE_STAR).orElseThrow().placementFile();
        Map<PlacementField, String> expected = expectedLineOfL60();
        assertThat(expected.keySet()).as("every column of the shipped layout is checked")
                .containsAll(layout.columns().stream().map(AgencyLayouts.Column::placementField).toList());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).values()).containsExactly(layout.columns().stream().map(AgencyLayouts.Column::header).toArray(String[]::new));
        for (int i = 0; i < layout.columns().size(); i++) {
            AgencyLayouts.Column column = layout.columns().get(i);
            assertThat(rows.get(1).get(i)).as(column.header()).isEqualTo(expected.get(column.placementField()));
        }

        JsonNode sentInSalesforce = single(sent("Agency_Placement__c").stream()
                .filter(p -> p.path("Status__c").asText().equals("SENT")).toList());
        assertThat(sentInSalesforce.path("LeaseBridge_Placement_Id__c").asText()).isEqualTo("AP-L-60-1");
        assertThat(sentInSalesforce.path("Agency__c").asText()).isEqualTo(LONE_STAR);
        assertThat(sentInSalesforce.path("Sent_On__c").asText()).isEqualTo(today().toString());
        assertThat(sentInSalesforce.path("Placement_File__c").asText()).isEqualTo(fileName);
        assertThat(status("AP-L-60-1")).isEqualTo("SENT");
        assertThat(status("AP-L-61-1")).as("rejected by the manager: never sent").isEqualTo("REJECTED");

        // read again with the same decisions: nothing written, nothing sent twice
        salesforce.resetRequests();
        run();
        drain();
        assertThat(agency.files()).hasSize(1);
        assertThat(sent("Agency_Placement__c")).isEmpty();
        assertThat(HubTables.count(jdbc, "select count(*) from agency_file")).isEqualTo(1);
    }

    @Test
    void anApprovalNamingAnAgencyTheLayoutsDoNotHaveIsQuarantinedNamingTheFieldAndThePlacementStaysProposed() {
        run();
        stubDecisions();
        run();

        assertThat(status("AP-L-62-1")).isEqualTo("PROPOSED");
        List<Map<String, Object>> letters = jdbc.queryForList(
                "select record_key, field, reason from dead_letter where flow = ? order by record_key", PlacementDecisions.FLOW);
        assertThat(letters).hasSize(2);
        assertThat(letters.get(0)).containsEntry("RECORD_KEY", "AP-L-62-1").containsEntry("FIELD", "Agency__c");
        assertThat(letters.get(0).get("REASON").toString())
                .contains("Agency_Placement__c AP-L-62-1: Agency__c 'Acme Debt Partners' is not an agency", LONE_STAR);
        assertThat(letters.get(1)).containsEntry("RECORD_KEY", "a0P5e000001AbC4EAK")
                .containsEntry("FIELD", "LeaseBridge_Placement_Id__c");
        assertThat(agency.files()).extracting(p -> csv(p).size()).containsExactly(2);
    }

    @Test
    void aFileTheAgencyTookBeforeACrashIsSentAgainUnderTheSameNameAndItsPlacementIsSentOnce() throws Exception {
        run();
        stubDecisions();
        // the agency's server takes the file, then LeaseBridge stops before it records it sent
        jdbc.execute("alter table agency_file add constraint agency_file_test_crash check (status <> 'SENT')");
        try {
            assertThat(catchThrowable(this::run)).isNull();
        } finally {
            jdbc.execute("alter table agency_file drop constraint agency_file_test_crash");
        }
        assertThat(agency.files()).hasSize(1);
        String firstTry = Files.readString(agency.files().get(0));
        assertThat(jdbc.queryForObject("select status from agency_file", String.class)).isEqualTo("SENDING");
        assertThat(status("AP-L-60-1")).isEqualTo("APPROVED");

        run();
        drain();

        assertThat(agency.files()).as("the same file again, under its name: the agency holds one").hasSize(1);
        assertThat(Files.readString(agency.files().get(0))).isEqualTo(firstTry);
        assertThat(jdbc.queryForObject("select status from agency_file", String.class)).isEqualTo("SENT");
        assertThat(sent("Agency_Placement__c").stream().filter(p -> p.path("Status__c").asText().equals("SENT")))
                .extracting(p -> p.path("LeaseBridge_Placement_Id__c").asText()).containsExactly("AP-L-60-1");
        assertThat(HubTables.count(jdbc, "select count(*) from agency_file")).isEqualTo(1);
    }

    @Test
    void aPlacedLeasePaidCurrentIsRecalledFromItsAgencyOnceInItsRecallLayout() throws Exception {
        run();
        stubDecisions();
        run();
        drain();
        jdbc.update("update lease_account set days_past_due = 0, past_due_amount = 0 where lease_id = 'L-60'");
        salesforce.resetRequests();
        run();
        drain();

        String recallName = "LSRS_RECALL_" + DateTimeFormatter.BASIC_ISO_DATE.format(today()) + "_1.csv";
        Path recall = agency.files().stream().filter(p -> p.getFileName().toString().equals(recallName)).findFirst().orElseThrow();
        AgencyLayouts.FileLayout layout = layouts.agency(LONE_STAR).orElseThrow().recallFile();
        Map<PlacementField, String> expected = Map.of(PlacementField.PLACEMENT_ID, "AP-L-60-1", PlacementField.LEASE_ID, "L-60",
                PlacementField.RECALLED_ON, DateTimeFormatter.ofPattern("MM/dd/yyyy").format(today()),
                PlacementField.RECALL_REASON, "paid current");
        List<CSVRecord> rows = csv(recall);
        assertThat(rows).hasSize(2);
        for (int i = 0; i < layout.columns().size(); i++) {
            AgencyLayouts.Column column = layout.columns().get(i);
            assertThat(rows.get(0).get(i)).isEqualTo(column.header());
            assertThat(rows.get(1).get(i)).as(column.header()).isEqualTo(expected.get(column.placementField()));
        }
        assertThat(single(sent("Agency_Placement__c")).path("Status__c").asText()).isEqualTo("RECALLED");
        assertThat(status("AP-L-60-1")).isEqualTo("RECALLED");

        salesforce.resetRequests();
        run();
        drain();
        assertThat(agency.files()).as("the placement file and one recall").hasSize(2);
        assertThat(sent("Agency_Placement__c")).isEmpty();
    }

    private static final String RETURN_HEADER = "Client Account,Activity Date,Account Status,Amount Collected,Contact Date,Contact Result\r\n";

    @Test
    void anAgencysReturnFileUpdatesItsPlacementInTheHubAndInSalesforceAndShowsInTheAccountViewAndItsClosureClosesIt()
            throws Exception {
        placeL60WithLoneStar();
        agency.dropReturn("LSRS_RETURN_20261203_1.csv", RETURN_HEADER
                + "AP-L-60-1,12/01/2026,ACTIVE,250.00,11/30/2026,\"Spoke with debtor, promised 250 by 12/01\"\r\n"
                + "AP-L-60-1,12/03/2026,ACTIVE,300.00,,\r\n");
        salesforce.resetRequests();
        readReturns();
        drain();

        JsonNode updated = single(sent("Agency_Placement__c"));
        assertThat(updated.path("LeaseBridge_Placement_Id__c").asText()).isEqualTo("AP-L-60-1");
        assertThat(updated.path("Status__c").asText()).isEqualTo("SENT");
        assertThat(updated.path("Collected_Amount__c").decimalValue()).isEqualByComparingTo("550.00");
        assertThat(updated.path("Agency_Status__c").asText()).isEqualTo("ACTIVE");
        assertThat(updated.path("Agency_Reported_On__c").asText()).isEqualTo("2026-12-03");
        assertThat(updated.path("Last_Contact_On__c").asText()).isEqualTo("2026-11-30");
        assertThat(updated.path("Last_Contact_Result__c").asText()).isEqualTo("Spoke with debtor, promised 250 by 12/01");
        assertThat(agency.returnsRead()).extracting(p -> p.getFileName().toString()).containsExactly("LSRS_RETURN_20261203_1.csv");
        assertThat(agency.returnsWaiting()).isEmpty();
        PlacementRecord.AgencyResults shown = placements.ofLease("L-60").get(0).results();
        assertThat(shown.collected()).isEqualByComparingTo("550.00");
        assertThat(agencyReturns.forLease("L-60")).extracting(AgencyReturnStore.Reported::reportedOn)
                .containsExactly(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 1));
        mvc.perform(MockMvcRequestBuilders.get("/api/accounts/L-60").with(user("viewer").roles("VIEWER"))).andExpect(MockMvcResultMatchers.status().isOk())
                .andExpect(jsonPath("$.agencyPlacements[0].placement.results.collected").value(550.0))
                .andExpect(jsonPath("$.agencyPlacements[0].reports[0].status").value("ACTIVE"));
        mvc.perform(MockMvcRequestBuilders.get("/accounts/L-60").with(user("viewer").roles("VIEWER"))).andExpect(MockMvcResultMatchers.status().isOk())
                .andExpect(content().string(containsString("Agency placement AP-L-60-1: SENT")))
                .andExpect(content().string(containsString("Spoke with debtor, promised 250 by 12/01")));
        mvc.perform(MockMvcRequestBuilders.get("/api/kpis/agencies").with(user("viewer").roles("VIEWER"))).andExpect(MockMvcResultMatchers.status().isOk())
                .andExpect(jsonPath("$.byAgency[0].agency").value(LONE_STAR))
                .andExpect(jsonPath("$.byAgency[0].recoveryRate").value(0.4272));
        mvc.perform(MockMvcRequestBuilders.get("/portfolio").with(user("viewer").roles("VIEWER"))).andExpect(MockMvcResultMatchers.status().isOk())
                .andExpect(content().string(containsString("42.7%")));

        agency.dropReturn("LSRS_RETURN_20261210_1.csv", RETURN_HEADER + "AP-L-60-1,12/10/2026,PAID IN FULL,737.50,12/09/2026,Paid by card\r\n");
        salesforce.resetRequests();
        readReturns();
        drain();
        JsonNode closed = single(sent("Agency_Placement__c"));
        assertThat(closed.path("Status__c").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("Collected_Amount__c").decimalValue()).isEqualByComparingTo("1287.50");
        assertThat(status("AP-L-60-1")).isEqualTo("CLOSED");
    }

    @Test
    void badRowsOfAReturnFileAreQuarantinedNamingLineAndColumnTheGoodOnesStoredAndARerunReadsNothingNew() throws Exception {
        placeL60WithLoneStar();
        String file = RETURN_HEADER
                + "AP-L-60-1,12/01/2026,ACTIVE,250.00,11/30/2026,Left message\r\n"
                + "AP-L-60-1,12/02/2026,ACTIVE,,,\r\n"
                + "AP-L-99-1,12/02/2026,ACTIVE,100.00,,\r\n"
                + "AP-L-60-1,12/45/2026,ACTIVE,75.00,,\r\n"
                + "AP-L-60-1,12/04/2026,ACTIVE,0,12/04/2026," + "x".repeat(300) + "\r\n";
        agency.dropReturn("LSRS_RETURN_20261204_1.csv", file);
        readReturns();

        List<Map<String, Object>> letters = jdbc.queryForList("""
                select source_line, record_key, field, error_code, reason from dead_letter where flow = 'agency-returns'
                order by source_line""");
        assertThat(letters).extracting(l -> ((Number) l.get("SOURCE_LINE")).longValue()).containsExactly(3L, 4L, 5L, 6L);
        assertThat(letters).extracting(l -> l.get("FIELD")).containsExactly("amountCollected", "placementId", "reportedOn", "contactResult");
        assertThat(letters.get(0).get("REASON").toString()).contains("column 'Amount Collected' (amountCollected): required value is blank");
        assertThat(letters.get(1)).containsEntry("ERROR_CODE", "UNKNOWN_PLACEMENT").containsEntry("RECORD_KEY", "AP-L-99-1");
        assertThat(letters.get(1).get("REASON").toString()).contains("column 'Client Account'", "holds no placement AP-L-99-1");
        assertThat(letters.get(2).get("REASON").toString()).contains("column 'Activity Date'");
        assertThat(letters.get(3).get("REASON").toString()).contains("column 'Contact Result'", "longer than 255 characters (300)");
        assertThat(collected("AP-L-60-1")).isEqualByComparingTo("250.00");

        // a quarantined row replayed as it is stays quarantined, saying why
        long blankAmount = jdbc.queryForObject("select id from dead_letter where flow = 'agency-returns' and source_line = 3", Long.class);
        ReplayOutcome outcome = replay.replay(blankAmount);
        assertThat(outcome.replayed()).isFalse();
        assertThat(outcome.detail()).contains("'Amount Collected'");

        // read again: the file was moved aside, and the same file dropped again stores its rows once
        readReturns();
        agency.dropReturn("LSRS_RETURN_20261204_1.csv", file);
        readReturns();
        assertThat(collected("AP-L-60-1")).isEqualByComparingTo("250.00");
        assertThat(HubTables.count(jdbc, "select count(*) from agency_return")).isEqualTo(1);
        assertThat(agency.returnsWaiting()).isEmpty();
    }

    @Test
    void aReturnFileACrashInterruptedIsReadAgainWholeAndItsRowsStoredOnce() throws Exception {
        placeL60WithLoneStar();
        agency.dropReturn("LSRS_RETURN_20261205_1.csv", RETURN_HEADER + "AP-L-60-1,12/05/2026,ACTIVE,125.00,,\r\n");
        jdbc.execute("alter table export_file add constraint export_file_test_crash check (status <> 'DONE')");
        try {
            readReturns();
        } finally {
            jdbc.execute("alter table export_file drop constraint export_file_test_crash");
        }
        assertThat(HubTables.count(jdbc, "select count(*) from agency_return")).isZero();
        assertThat(agency.returnsWaiting()).as("left for the next run").hasSize(1);

        readReturns();
        assertThat(collected("AP-L-60-1")).isEqualByComparingTo("125.00");
        assertThat(HubTables.count(jdbc, "select count(*) from agency_return")).isEqualTo(1);
        assertThat(agency.returnsWaiting()).isEmpty();
    }

    private void placeL60WithLoneStar() {
        run();
        stubDecisions();
        run();
        drain();
        assertThat(status("AP-L-60-1")).isEqualTo("SENT");
    }

    private java.math.BigDecimal collected(String placementId) {
        return jdbc.queryForObject("select collected_amount from agency_placement where placement_id = ?", java.math.BigDecimal.class,
                placementId);
    }

    private void readReturns() {
        producer.requestBody(AgencyReturnRoutes.RETURNS, (Object) null);
    }

    private Map<PlacementField, String> expectedLineOfL60() {
        DateTimeFormatter dates = DateTimeFormatter.ofPattern("MM/dd/yyyy");
        Map<PlacementField, String> line = new EnumMap<>(PlacementField.class);
        line.put(PlacementField.PLACEMENT_ID, "AP-L-60-1");
        line.put(PlacementField.LEASE_ID, "L-60");
        line.put(PlacementField.PLACED_ON, dates.format(today()));
        line.put(PlacementField.CUSTOMER_NAME, "Dana Whitfield");
        line.put(PlacementField.STREET, "1420 Prairie Ave");
        line.put(PlacementField.CITY, "Wichita");
        line.put(PlacementField.STATE, "KS");
        line.put(PlacementField.POSTAL_CODE, "67203");
        line.put(PlacementField.PRIMARY_PHONE, "316-555-0147");
        line.put(PlacementField.MOBILE_PHONE, "");
        line.put(PlacementField.EMAIL, "dana.whitfield@example.com");
        line.put(PlacementField.DAYS_PAST_DUE, "60");
        line.put(PlacementField.PLACED_BALANCE, "1287.50");
        line.put(PlacementField.LAST_PAYMENT_DATE, "09/15/2026");
        line.put(PlacementField.LAST_PAYMENT_AMOUNT, "412.00");
        line.put(PlacementField.VIN, "1HGCM82633A0L-60");
        return line;
    }

    private void customer(String id) {
        jdbc.update("""
                insert into customer (customer_id, name, primary_phone, email, street, city, state, postal_code, do_not_call,
                    do_not_text, text_consent, email_consent, content_hash, updated_at)
                values (?, 'Dana Whitfield', '316-555-0147', 'dana.whitfield@example.com', '1420 Prairie Ave', 'Wichita', 'KS',
                    '67203', false, false, false, false, 'h', current_timestamp)""", id);
    }

    private void lease(String id, int dpd) {
        jdbc.update("""
                insert into lease_account (lease_id, customer_id, status, days_past_due, past_due_amount, late_fees, payments_made,
                    last_payment_date, last_payment_amount, vin, content_hash, updated_at)
                values (?, 'C-1', 'Active', ?, 1212.50, 75.00, 10, ?, 412.00, ?, 'h', current_timestamp)""",
                id, dpd, Date.valueOf(LocalDate.of(2026, 9, 15)), "1HGCM82633A0" + id);
    }

    private void openCase(String lease) {
        jdbc.update("""
                insert into repo_case (case_id, case_number, vin, status, lease_id, updated_at)
                values ('500D000000Rp9AAAAZ', '00001099', ?, 'ORDERED', ?, current_timestamp)""", "1HGCM82633A0" + lease, lease);
    }

    private void promise(String lease, LocalDate due) {
        jdbc.update("""
                insert into promise (promise_id, lease_id, amount, promised_date, made_on, status, amount_applied, amended_count,
                    last_sequence) values (?, ?, 300.00, ?, ?, 'OPEN', 0, 0, 1)""",
                "P-" + lease, lease, Date.valueOf(due), Date.valueOf(due.minusDays(5)));
    }

    private void stubDecisions() {
        salesforce.stubFor(get(urlPathMatching(QUERY)).withQueryParam("q", containing("FROM Agency_Placement__c"))
                .willReturn(SalesforceWireMock.json(200, SalesforceWireMock.body("agency-placements-decided.json"))));
    }

    private String status(String placementId) {
        return jdbc.queryForObject("select status from agency_placement where placement_id = ?", String.class, placementId);
    }

    private LocalDate today() {
        return LocalDate.now(lessor.zone());
    }

    private void run() {
        producer.requestBody(AgencyPlacementRoutes.PLACEMENTS, (Object) null);
    }

    private void drain() {
        producer.requestBody(SalesforceOutboxDrainRoute.DRAIN, (Object) null);
    }

    private static List<CSVRecord> csv(Path file) {
        try {
            return CSVFormat.DEFAULT.parse(Files.newBufferedReader(file, StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record sent to {@code sObject}, in the order sent. */
    private List<JsonNode> sent(String sObject) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (ServeEvent call : salesforce.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("PATCH"))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList()) {
            if (call.getRequest().getUrl().contains("/composite/sobjects/" + sObject + "/")) {
                json.readTree(call.getRequest().getBodyAsString()).path("records").forEach(records::add);
            }
        }
        return records;
    }

    private static JsonNode single(List<JsonNode> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static Path configDir() {
        String configured = System.getProperty("leasebridge.config.dir");
        return configured == null || configured.isBlank() || configured.contains("${") ? Path.of("..", "config") : Path.of(configured);
    }
}
