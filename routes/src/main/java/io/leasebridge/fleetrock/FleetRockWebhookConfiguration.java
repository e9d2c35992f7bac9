package io.leasebridge.fleetrock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.flow.FlowRuns;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.webhooks.WebhookProperties;
import io.leasebridge.webhooks.WebhookSecret;
import io.leasebridge.workorders.WorkOrderStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** FleetRock's webhook, served when LeaseBridge serves HTTP and {@code leasebridge.fleetrock.webhook.secret} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@Conditional(FleetRockWebhookConfiguration.SecretGiven.class)
class FleetRockWebhookConfiguration {

    static final String SECRET = "leasebridge.fleetrock.webhook.secret";

    @Bean
    FleetRockWebhook fleetRockWebhook(FleetRockProperties properties, WebhookProperties webhooks, ObjectMapper json,
                                      WorkOrderIntake intake, WorkOrderStore store, DeadLetters deadLetters, FlowRuns runs,
                                      TransactionTemplate transaction) {
        return new FleetRockWebhook(properties, webhooks, json, intake, store, deadLetters, runs, transaction);
    }

    /** Checked by {@code WebhookGuard} before the body of a push is read. */
    @Bean
    WebhookSecret fleetRockWebhookSecret(FleetRockProperties properties) {
        FleetRockProperties.Webhook webhook = properties.webhook();
        return new WebhookSecret(webhook.path(), webhook.secretHeader(), webhook.secret());
    }

    @Bean
    FleetRockWebhookRoute fleetRockWebhookRoute(FleetRockWebhook webhook, FleetRockProperties properties, ObjectMapper json) {
        return new FleetRockWebhookRoute(webhook, properties, json);
    }

    static class SecretGiven implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(org.springframework.context.annotation.ConditionContext context,
                               org.springframework.core.type.AnnotatedTypeMetadata metadata) {
            String value = context.getEnvironment().getProperty(SECRET);
            return value != null && !value.isBlank();
        }
    }
}
