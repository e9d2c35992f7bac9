package io.leasebridge.quickbooks;

import io.leasebridge.connectors.quickbooks.CamelQuickBooksHttp;
import io.leasebridge.connectors.quickbooks.QuickBooksApi;
import io.leasebridge.connectors.quickbooks.QuickBooksHttp;
import io.leasebridge.connectors.quickbooks.QuickBooksLimits;
import io.leasebridge.connectors.quickbooks.QuickBooksProperties;
import io.leasebridge.connectors.quickbooks.QuickBooksTokens;
import io.leasebridge.connectors.quickbooks.TokenCipher;
import io.leasebridge.mapping.quickbooks.QuickBooksDocuments;
import io.leasebridge.mapping.quickbooks.QuickBooksMapping;
import io.leasebridge.config.ShippedFile;
import io.leasebridge.mapping.MappingConfigException;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.flow.FlowRuns;
import org.apache.camel.CamelContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The QuickBooks connection, present only when {@code leasebridge.quickbooks.base-url} and {@code realm-id}
 * are set ({@link QuickBooksStartupCheck} says so at start-up otherwise, and refuses a half configuration).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(QuickBooksConfigured.class)
class QuickBooksConfiguration {

    @Bean
    TokenCipher quickBooksTokenCipher(QuickBooksProperties properties) {
        QuickBooksStartupCheck.requireComplete(properties);
        return new TokenCipher(properties.tokenEncryptionKey());
    }

    @Bean(destroyMethod = "close")
    CamelQuickBooksHttp quickBooksHttp(CamelContext camel, QuickBooksProperties properties) {
        return new CamelQuickBooksHttp(camel, properties);
    }

    @Bean
    QuickBooksTokens quickBooksTokens(QuickBooksProperties properties, QuickBooksHttp http, JdbcRefreshTokenStore store, Clock clock) {
        return new QuickBooksTokens(properties, http, store, clock);
    }

    @Bean
    QuickBooksApi quickBooksApi(QuickBooksProperties properties, QuickBooksHttp http, QuickBooksTokens tokens) {
        return new QuickBooksApi(properties, http, tokens, new QuickBooksLimits(properties.realmId(), properties.limits()));
    }

    @Bean
    QuickBooksStatus quickBooksStatus(Clock clock) {
        return new QuickBooksStatus(clock);
    }

    @Bean
    QuickBooksPostingRun quickBooksPostingRun(QuickBooksApi api, QuickBooksTokens tokens, QuickBooksProperties properties,
                                              QuickBooksSources sources, QuickBooksOutbox outbox, QuickBooksVendors vendors,
                                              DeadLetters deadLetters, FlowRuns runs, TransactionTemplate transaction,
                                              QuickBooksStatus status) {
        QuickBooksPoster poster = new QuickBooksPoster(api, vendors, outbox, properties.retry());
        return new QuickBooksPostingRun(sources, outbox, poster, api, tokens, properties, deadLetters, runs, transaction, status);
    }

    @Bean
    QuickBooksReconciliation quickBooksReconciliation(QuickBooksSources sources, QuickBooksOutbox outbox) {
        return new QuickBooksReconciliation(sources, outbox);
    }

    @Bean
    QuickBooksRunOnceStep quickBooksRunOnceStep(QuickBooksPostingRun postings, QuickBooksReconciliation reconciliation) {
        return new QuickBooksRunOnceStep(postings, reconciliation);
    }

    @Bean
    QuickBooksPostingRoute quickBooksPostingRoute(QuickBooksPostingRun postings) {
        return new QuickBooksPostingRoute(postings);
    }

    @Bean
    QuickBooksHealthIndicator quickBooksHealthIndicator(QuickBooksStatus status, QuickBooksTokens tokens, QuickBooksOutbox outbox) {
        return new QuickBooksHealthIndicator(status, tokens, outbox);
    }

    @Bean
    QuickBooksDocuments quickBooksDocuments(QuickBooksProperties properties) {
        Path file = properties.mappingFile();
        try (InputStream in = ShippedFile.open(file)) {
            return new QuickBooksDocuments(QuickBooksMapping.read(in, file.toString()));
        } catch (IOException e) {
            throw new MappingConfigException(file + ": " + e.getMessage());
        }
    }
}
