package io.leasebridge.flow;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * How LeaseBridge runs.
 *
 * @param runOnce        run every enabled flow once, print a summary and exit
 * @param runOnceTimeout the longest one flow may take in run-once mode
 * @param schedules      flow name -> Quartz cron expression, used when serving
 * @param judgeAsOf      run-once judges promises as of this day instead of today (re-judging a past day)
 */
@Validated
@ConfigurationProperties("leasebridge")
public record RunProperties(
        @DefaultValue("false") boolean runOnce,
        @DefaultValue("30m") @NotNull Duration runOnceTimeout,
        @DefaultValue Map<String, String> schedules,
        LocalDate judgeAsOf) {

    static final String SCHEDULES = "leasebridge.schedules";

    public String schedule(String flow) {
        String cron = schedules.get(flow);
        if (cron == null || cron.isBlank()) {
            throw new IllegalStateException(SCHEDULES + "." + flow + " is not set: every flow needs a Quartz cron expression");
        }
        return cron;
    }
}
