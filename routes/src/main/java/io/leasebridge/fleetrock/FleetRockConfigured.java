package io.leasebridge.fleetrock;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** FleetRock is configured when {@code leasebridge.fleetrock.base-url} has a value (blank counts as absent). */
class FleetRockConfigured implements Condition {

    static final String BASE_URL = "leasebridge.fleetrock.base-url";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String value = context.getEnvironment().getProperty(BASE_URL);
        return value != null && !value.isBlank();
    }
}
