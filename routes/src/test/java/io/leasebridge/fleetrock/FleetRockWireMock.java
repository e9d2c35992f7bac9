package io.leasebridge.fleetrock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server answering like FleetRock's API: JSON with {@code "result": "success"} and the token or the
 * {@code repair_orders} array, or {@code "result": "error"} with a {@code message}.
 */
final class FleetRockWireMock {

    static final String USERNAME = "lessor-api";
    static final String KEY = "fr-key-0123456789";

    private FleetRockWireMock() {
    }

    static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    static String token(String token, long expiresInSeconds) {
        return """
                {"result":"success","token":"%s","expires_in":%d}""".formatted(token, expiresInSeconds);
    }

    static String error(String message) {
        return """
                {"result":"error","message":"%s"}""".formatted(message);
    }

    static String repairOrders(String... repairOrders) {
        return "{\"result\":\"success\",\"repair_orders\":[" + String.join(",", repairOrders) + "]}";
    }

    /** A finished, invoiced RO with one task and one part; {@code grandTotal} as FleetRock would send it. */
    static String repairOrder(String id, String vin, String grandTotal) {
        return """
                {"id":"%s","vin":"%s","unit_number":"U-%s","vendor_name":"Midway Truck Repair","status":"Invoiced",
                 "date_created":"2026-11-20 09:15:00","date_finished":"2026-11-24 16:40:00","date_invoiced":"2026-11-25 08:00:00",
                 "labor_total":180.00,"part_total":96.50,"tax_total":22.12,"grand_total":%s,
                 "tasks":[{"description":"Replace front brake pads","labor_hours":1.5,"labor_total":180.00,
                   "parts":[{"part_number":"BP-220","description":"Brake pad set","quantity":2,"total":96.50}]}]}"""
                .formatted(id, vin, id, grandTotal);
    }

    static List<String> vins() {
        return List.of("1HGCM82633A004352", "1M8GDM9AXKP042788", "WVWZZZ3CZWE689725");
    }
}
