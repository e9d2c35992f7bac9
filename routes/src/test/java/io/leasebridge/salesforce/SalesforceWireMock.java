package io.leasebridge.salesforce;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.salesforce.metadata.OrgMetadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server that answers like a Salesforce org: OAuth token endpoint, token revocation and
 * sObject Collections upserts whose results follow the request's records. Bodies live in
 * src/test/resources/salesforce/. The org holds the shipped metadata: a write or query it does not define
 * is refused whatever a test stubbed (see {@link MetadataEnforcingOrg}).
 */
public final class SalesforceWireMock {

    public static final String API_VERSION = "62.0";
    private static final OrgMetadata SHIPPED = OrgMetadata.shipped();

    private SalesforceWireMock() {
    }

    public static WireMockServer start() {
        return start(SHIPPED);
    }

    /** An org holding {@code metadata}: the shipped tree with an installed package's objects, say. */
    public static WireMockServer start(OrgMetadata metadata) {
        WireMockServer server = new WireMockServer(options().dynamicPort().globalTemplating(true)
                .extensions(new MetadataEnforcingOrg(metadata)));
        server.start();
        stubLogin(server);
        return server;
    }

    /**
     * The OAuth token endpoint (log-in and re-log-in) and revocation (camel-salesforce's shutdown), in an org
     * where a SOQL query finds nothing unless a test stubs it (at a higher priority, the default).
     */
    public static void stubLogin(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/services/oauth2/token"))
                .willReturn(json(200, body("token.json"))));
        server.stubFor(any(urlPathEqualTo("/services/oauth2/revoke")).willReturn(aResponse().withStatus(200)));
        server.stubFor(get(urlPathMatching("/services/data/v" + API_VERSION + "/query/?")).atPriority(10)
                .willReturn(json(200, body("query-empty.json"))));
    }

    public static String upsertPath(String sObject, String externalIdField) {
        return "/services/data/v" + API_VERSION + "/composite/sobjects/" + sObject + "/" + externalIdField;
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withHeader("Sforce-Limit-Info", "api-usage=25/15000").withBody(body);
    }

    public static String body(String file) {
        try (InputStream in = SalesforceWireMock.class.getResourceAsStream("/salesforce/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource salesforce/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
