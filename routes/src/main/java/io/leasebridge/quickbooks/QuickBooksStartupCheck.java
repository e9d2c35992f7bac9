package io.leasebridge.quickbooks;

import io.leasebridge.connectors.quickbooks.QuickBooksProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/** One clear start-up line when QuickBooks is not configured; a half configuration stops start-up naming what is missing. */
@Component
class QuickBooksStartupCheck {

    private static final Logger log = LoggerFactory.getLogger(QuickBooksStartupCheck.class);

    QuickBooksStartupCheck(QuickBooksProperties properties) {
        if (!properties.configured()) {
            log.info("QuickBooks not configured (leasebridge.quickbooks.base-url and realm-id unset): QuickBooks flows skipped");
        } else {
            requireComplete(properties);
            log.info("QuickBooks company {} at {} (minorversion {})", properties.realmId(), properties.baseUrl(), properties.minorVersion());
        }
    }

    static void requireComplete(QuickBooksProperties properties) {
        List<String> missing = properties.missing();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("QuickBooks is configured but " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " not set (credentials come from the environment, e.g. QUICKBOOKS_CLIENT_SECRET)");
        }
    }
}
