package io.leasebridge.quickbooks;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when {@code leasebridge.quickbooks.base-url} and {@code realm-id} both have a value (blank means unset). */
class QuickBooksConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String baseUrl = context.getEnvironment().getProperty("leasebridge.quickbooks.base-url", "");
        String realmId = context.getEnvironment().getProperty("leasebridge.quickbooks.realm-id", "");
        return !baseUrl.isBlank() && !realmId.isBlank()
                ? ConditionOutcome.match("QuickBooks base-url and realm-id set")
                : ConditionOutcome.noMatch("QuickBooks base-url or realm-id unset");
    }
}
