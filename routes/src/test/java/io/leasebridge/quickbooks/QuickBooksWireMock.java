package io.leasebridge.quickbooks;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** A QuickBooks company and Intuit's token endpoint on one WireMock server, counting the calls it serves at once. */
final class QuickBooksWireMock {

    static final String REALM = "9130350000000001";
    static final String API = "/v3/company/" + REALM;
    static final String TOKEN_PATH = "/oauth2/v1/tokens/bearer";
    static final InFlight IN_FLIGHT = new InFlight();

    private QuickBooksWireMock() {
    }

    static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(40).extensions(IN_FLIGHT));
        server.start();
        return server;
    }

    static ResponseDefinitionBuilder json(int status, String file) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withHeader("intuit_tid", "1-test").withBody(body(file));
    }

    static String body(String file) {
        try (InputStream in = QuickBooksWireMock.class.getResourceAsStream("/quickbooks/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource quickbooks/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The most requests WireMock was serving at the same moment. */
    static final class InFlight implements ServeEventListener {

        private final AtomicInteger now = new AtomicInteger();
        private final AtomicInteger max = new AtomicInteger();

        @Override
        public String getName() {
            return "in-flight";
        }

        @Override
        public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
            max.accumulateAndGet(now.incrementAndGet(), Math::max);
        }

        @Override
        public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
            now.decrementAndGet();
        }

        int max() {
            return max.get();
        }

        void reset() {
            max.set(now.get());
        }
    }
}
