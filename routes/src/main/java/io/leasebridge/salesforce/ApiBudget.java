package io.leasebridge.salesforce;

import io.leasebridge.salesforce.SalesforceDeliveryProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * The share of the org's daily API requests LeaseBridge may take ({@code leasebridge.salesforce.api-budget}): past it
 * the drain stops for the run and leaves the rest of the allowance to the org's users. The usage is the org's own
 * count from the last answer's {@code Sforce-Limit-Info}, so it includes every other client of the org.
 */
@Component
public class ApiBudget {

    private final SalesforceApiUsage usage;
    private final int percent;

    @Autowired
    public ApiBudget(SalesforceApiUsage usage, SalesforceDeliveryProperties properties) {
        this(usage, properties.apiBudget());
    }

    public ApiBudget(SalesforceApiUsage usage, int percent) {
        this.usage = usage;
        this.percent = percent;
    }

    /** Why no more calls should be made now, or empty while the budget holds (or no answer told the usage yet). */
    public Optional<String> exhausted() {
        double used = usage.used();
        double limit = usage.limit();
        if (Double.isNaN(used) || Double.isNaN(limit) || limit <= 0 || 100 * used / limit < percent) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "API budget reached: the org used %s of its %s daily requests (%.0f%%), leasebridge.salesforce.api-budget is %d%%",
                (long) used, (long) limit, 100 * used / limit, percent));
    }

    /** The org's usage as last reported, e.g. {@code 9000/15000}, or {@code unknown} before any answer. */
    public String usage() {
        return Double.isNaN(usage.used()) ? "unknown" : (long) usage.used() + "/" + (long) usage.limit();
    }
}
