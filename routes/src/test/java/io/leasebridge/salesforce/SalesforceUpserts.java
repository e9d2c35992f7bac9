package io.leasebridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * A Salesforce org on WireMock that takes every sObject Collections upsert, and what it was sent:
 * {@code new SalesforceUpserts(salesforce)}, {@link #acceptAll()} before each test, then {@link #records} or
 * {@link #callSizes} of an sObject.
 */
public final class SalesforceUpserts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer salesforce;

    public SalesforceUpserts(WireMockServer salesforce) {
        this.salesforce = salesforce;
    }

    /** Forgets every request and stub, then answers the login and every upsert with the org's per-record successes. */
    public void acceptAll() {
        salesforce.resetAll();
        SalesforceWireMock.stubLogin(salesforce);
        salesforce.stubFor(patch(urlPathMatching("/services/data/v62.0/composite/sobjects/.*"))
                .willReturn(SalesforceWireMock.json(200, SalesforceWireMock.body("collections-upsert-results.json"))));
    }

    /** Every upsert call, in the order it came. */
    public List<ServeEvent> calls() {
        return salesforce.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("PATCH"))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    /** How many records each upsert call of {@code sObject} carried, in the order sent. */
    public List<Integer> callSizes(String sObject) {
        return callsTo(sObject).stream().map(JsonNode::size).toList();
    }

    /** Every record sent to {@code sObject}, in the order sent. */
    public List<JsonNode> records(String sObject) {
        List<JsonNode> records = new ArrayList<>();
        callsTo(sObject).forEach(call -> call.forEach(records::add));
        return records;
    }

    private List<JsonNode> callsTo(String sObject) {
        List<JsonNode> calls = new ArrayList<>();
        for (ServeEvent call : calls()) {
            if (call.getRequest().getUrl().contains("/composite/sobjects/" + sObject + "/")) {
                calls.add(body(call).path("records"));
            }
        }
        return calls;
    }

    private static JsonNode body(ServeEvent call) {
        try {
            return JSON.readTree(call.getRequest().getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
