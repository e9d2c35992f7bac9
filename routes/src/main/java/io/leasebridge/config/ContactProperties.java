package io.leasebridge.config;

import io.leasebridge.contact.ContactLimits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * The contact limits LeaseBridge works out for collectors, and where it reads call activity. The defaults are
 * Regulation F's figures (12 CFR 1006.6(b)(1)(i) and 1006.14(b)(2)).
 *
 * @param earliest                 the first local time a call may be placed
 * @param latest                   the local time from which no call may be placed
 * @param maxCallAttempts          call attempts allowed within {@code attemptPeriod}, per lease
 * @param attemptPeriod            the rolling period attempts are counted over
 * @param pauseAfterConversation   no call for this long after a telephone conversation
 * @param callTaskType             the Task {@code Type} of a logged call
 * @param conversationDispositions the Task {@code CallDisposition} values that mean the collector spoke with the
 *                                 customer (compared without regard to case); any other call is an attempt only
 */
@Validated
@ConfigurationProperties("leasebridge.contact")
public record ContactProperties(
        @DefaultValue("08:00") @NotNull LocalTime earliest,
        @DefaultValue("21:00") @NotNull LocalTime latest,
        @DefaultValue("7") @Min(1) int maxCallAttempts,
        @DefaultValue("7d") @NotNull Duration attemptPeriod,
        @DefaultValue("7d") @NotNull Duration pauseAfterConversation,
        @DefaultValue("Call") @NotBlank String callTaskType,
        @DefaultValue("Connected") List<String> conversationDispositions) {

    public ContactLimits limits() {
        return new ContactLimits(earliest, latest, maxCallAttempts, attemptPeriod, pauseAfterConversation);
    }
}
