package io.leasebridge.sandbox;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

/** A GPS vendor on a free local port: every request goes to the vendor's {@link GpsVendorApi}. */
abstract class GpsVendorSimulator {

    private final WireMockServer server;
    private final GpsVendorApi api;

    GpsVendorSimulator(GpsVendorApi api) {
        this.api = api;
        this.server = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(api)
                .notifier(new Slf4jNotifier(false)));
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(api.getName())));
        server.start();
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** Location calls answered with a location. */
    public int locates() {
        return api.locates();
    }

    public void stop() {
        server.stop();
    }
}
