package io.leasebridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

/**
 * An in-process QuickBooks Online company and Intuit token endpoint (stateful WireMock), for the sandbox.
 *
 * <p>{@code POST /oauth2/v1/tokens/bearer} (refresh-token grant, Basic client credentials) issues an access
 * token and rotates the refresh token; the previous refresh token keeps working until the new one is
 * used, and any other gets {@code invalid_grant}. {@code /v3/company/{realmId}/...}: create and sparse
 * update of Vendor (6240 on a duplicate DisplayName), Bill (needs a known VendorRef), SalesReceipt and
 * JournalEntry (refused unless balanced), read by id, {@code query?query=select * from X where F = 'v'};
 * 5010 on a stale SyncToken; a {@code requestid} seen before replays the first answer. Faults are
 * {@code {"Fault":{"Error":[{"Message","Detail","code","element"}],"type"}}}. The outage switch makes
 * the API answer 503 ({@link #outage(boolean)}), or lets a write land and then fails it and the next
 * requests ({@link #outageAfterWrites(int, int)}).
 */
public final class QuickBooksSimulator {

    public static final String REALM_ID = "9341453000000001";
    public static final String CLIENT_ID = "ABsandboxClientId";
    public static final String CLIENT_SECRET = "sandbox-client-secret";
    public static final String FIRST_REFRESH_TOKEN = "RT-sandbox-first";

    private final WireMockServer server;
    private final QuickBooksCompany company;

    private QuickBooksSimulator(int port, Path tokenFile) {
        this.company = new QuickBooksCompany(REALM_ID, CLIENT_ID, CLIENT_SECRET, initialToken(tokenFile), token -> remember(tokenFile, token));
        this.server = new WireMockServer(WireMockConfiguration.options().port(port).containerThreads(30).extensions(company)
                .notifier(new Slf4jNotifier(false)).disableRequestJournal());
        server.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withTransformers(QuickBooksCompany.NAME)));
    }

    public static QuickBooksSimulator start(int port) {
        return start(port, null);
    }

    /**
     * A company whose current refresh token lives in {@code tokenFile}, as Intuit's would across runs: a
     * sandbox run after another one refreshes with the token the hub stored last time.
     */
    public static QuickBooksSimulator start(int port, Path tokenFile) {
        QuickBooksSimulator simulator = new QuickBooksSimulator(port, tokenFile);
        simulator.server.start();
        return simulator;
    }

    private static String initialToken(Path tokenFile) {
        try {
            return tokenFile != null && Files.exists(tokenFile) ? Files.readString(tokenFile).trim() : FIRST_REFRESH_TOKEN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void remember(Path tokenFile, String token) {
        if (tokenFile != null) {
            try {
                Files.createDirectories(tokenFile.toAbsolutePath().getParent());
                Files.writeString(tokenFile, token);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    public String tokenUrl() {
        return baseUrl() + QuickBooksCompany.TOKEN_PATH;
    }

    public void stop() {
        server.stop();
    }

    /** While on, every API call gets 503 (tokens still refresh). */
    public void outage(boolean on) {
        company.outage(on);
    }

    /** After {@code writes} more successful writes, the next write lands but answers 503, and so do {@code failedRequests} requests after it. */
    public void outageAfterWrites(int writes, int failedRequests) {
        company.outageAfterWrites(writes, failedRequests);
    }

    public int faultsServed() {
        return company.faultsServed();
    }

    /** How many documents of an entity were created (each create, not each request). */
    public int created(String entity) {
        return company.created(entity);
    }

    public List<JsonNode> documents(String entity) {
        return company.documents(entity);
    }

    /** DocNumbers that more than one document of an entity carries: a duplicate posting. */
    public Map<String, Long> duplicateDocNumbers(String entity) {
        return documents(entity).stream().collect(Collectors.groupingBy(d -> d.path("DocNumber").asText(), Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public String currentRefreshToken() {
        return company.refreshToken();
    }

}
