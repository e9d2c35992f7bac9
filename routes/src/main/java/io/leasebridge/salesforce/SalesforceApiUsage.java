package io.leasebridge.salesforce;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The org's daily API request usage as Salesforce reports it on every answer, in the
 * {@code Sforce-Limit-Info: api-usage=25/15000} header (camel-salesforce copies {@code Sforce-*} response
 * headers onto the message). Gauges are NaN until the first answer.
 */
@Component
public class SalesforceApiUsage implements MeterBinder {

    // "api-usage=" on its own, not the end of "per-app-api-usage=17/250(appName=...)"
    private static final Pattern API_USAGE = Pattern.compile("(?:^|[;,\\s])api-usage=(\\d+)/(\\d+)");

    private volatile double used = Double.NaN;
    private volatile double limit = Double.NaN;

    /** Reads the header's value; a missing or unreadable one changes nothing. */
    public void record(String limitInfo) {
        if (limitInfo == null) {
            return;
        }
        Matcher m = API_USAGE.matcher(limitInfo);
        if (m.find()) {
            used = Double.parseDouble(m.group(1));
            limit = Double.parseDouble(m.group(2));
        }
    }

    public double used() {
        return used;
    }

    public double limit() {
        return limit;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("leasebridge.salesforce.api.requests.used", this, SalesforceApiUsage::used)
                .description("API requests the Salesforce org used in the last 24 hours (Sforce-Limit-Info)")
                .register(registry);
        Gauge.builder("leasebridge.salesforce.api.requests.limit", this, SalesforceApiUsage::limit)
                .description("API requests the Salesforce org may make in 24 hours (Sforce-Limit-Info)")
                .register(registry);
    }
}
