package io.leasebridge.gps;

import io.leasebridge.connectors.gps.CamelVendorHttp;
import io.leasebridge.connectors.gps.Sleeper;
import io.leasebridge.connectors.gps.passtime.PassTimeClient;
import io.leasebridge.connectors.gps.spireon.SpireonClient;
import io.leasebridge.gps.rules.GpsRuleSettings;
import io.leasebridge.gps.rules.GpsRules;
import io.leasebridge.gps.rules.StateBoundaries;
import io.leasebridge.gps.rules.TrackingPolicy;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class GpsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GpsConfiguration.class);

    /** How a vendor call waits out a 429's Retry-After. */
    @Bean
    Sleeper gpsRetryAfterSleeper() {
        return Sleeper.THREAD;
    }

    @Bean
    GpsVendors gpsVendors(GpsProperties properties, CamelContext camel, Clock clock, Sleeper sleeper) {
        GpsVendors vendors = new GpsVendors(properties.pollTimeout());
        if (properties.passtime() != null) {
            var p = properties.passtime();
            vendors.add(new PassTimeClient(p, new CamelVendorHttp(PassTimeClient.NAME, camel, p.baseUrl()), clock,
                    properties.clockSkewTolerance(), sleeper),
                    p.requestsPerSecond(), p.maxConcurrent());
        } else {
            log.info("GPS: PassTime is not configured (no leasebridge.gps.passtime.*): PassTime vehicles are skipped");
        }
        if (properties.spireon() != null) {
            var s = properties.spireon();
            CamelVendorHttp api = new CamelVendorHttp(SpireonClient.NAME, camel, s.baseUrl());
            CamelVendorHttp identity = s.identityUrl() == null ? api : new CamelVendorHttp(SpireonClient.NAME, camel, s.identityUrl());
            vendors.add(new SpireonClient(s, api, identity, clock, properties.clockSkewTolerance(), sleeper),
                    s.requestsPerSecond(), s.maxConcurrent());
        } else {
            log.info("GPS: Spireon is not configured (no leasebridge.gps.spireon.*): Spireon vehicles are skipped");
        }
        return vendors;
    }

    @Bean
    StateBoundaries stateBoundaries() {
        return StateBoundaries.load();
    }

    @Bean
    GpsRules gpsRules(GpsProperties properties, StateBoundaries states) {
        GpsProperties.Rules r = properties.rules();
        return new GpsRules(new GpsRuleSettings(r.radiusMiles(), r.notMovingAfter(), r.stationaryToleranceMeters(), r.silentAfter(),
                r.stateBorderToleranceKm()), states);
    }

    @Bean
    TrackingPolicy trackingPolicy(GpsProperties properties, GpsVendors vendors) {
        return new TrackingPolicy(properties.minDaysPastDue(), vendors.names(), properties.endedDispositions(),
                properties.endedLeaseStatuses());
    }
}
