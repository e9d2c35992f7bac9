package io.leasebridge.agency;

import io.leasebridge.agency.PlacementEligibility;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * Collection agency placements ({@code leasebridge.agency.*}).
 *
 * @param minDaysPastDue a lease this many days past due or more is proposed for an agency
 * @param grace          an open promise due today or within this many days keeps the lease from the agency
 * @param layoutsFile    the agencies, their endpoints and file layouts
 */
@Validated
@ConfigurationProperties("leasebridge.agency")
public record AgencyProperties(
        @DefaultValue("60") @Min(1) int minDaysPastDue,
        @DefaultValue("3") @Min(0) int grace,
        @DefaultValue("config/mappings/agencies.yml") @NotNull Path layoutsFile) {

    public PlacementEligibility eligibility() {
        return new PlacementEligibility(minDaysPastDue, grace);
    }
}
