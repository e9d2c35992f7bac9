package io.leasebridge.calls;

import io.leasebridge.contact.ContactLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
 * @param sms                      where texts are read from, where the org keeps them in an object of their own
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
        @DefaultValue("Connected") List<String> conversationDispositions,
        @DefaultValue @Valid @NotNull Sms sms) {

    /**
     * Texts to and from the customer, as an SMS package keeps them in Salesforce: one record per message, looked up
     * to its lease. Field names go into SOQL as they are, so they must be API names.
     *
     * @param object         the message object's API name (e.g. a managed package's {@code ns__Message__c}); unset,
     *                       no text is read
     * @param leaseField     its lookup to Lease__c
     * @param timestampField when the message was sent or received
     * @param directionField whether the message went to the customer or came from them
     * @param inboundValues  the direction values of a message from the customer (compared without regard to case);
     *                       any other value is a text sent to the customer
     */
    public record Sms(@Pattern(regexp = API_NAME) String object,
                      @DefaultValue("Lease__c") @NotBlank @Pattern(regexp = API_NAME) String leaseField,
                      @DefaultValue("CreatedDate") @NotBlank @Pattern(regexp = API_NAME) String timestampField,
                      @DefaultValue("Direction__c") @NotBlank @Pattern(regexp = API_NAME) String directionField,
                      @DefaultValue("Inbound") List<String> inboundValues) {

        public boolean configured() {
            return object != null && !object.isBlank();
        }
    }

    private static final String API_NAME = "[A-Za-z][A-Za-z0-9_]*";

    public ContactLimits limits() {
        return new ContactLimits(earliest, latest, maxCallAttempts, attemptPeriod, pauseAfterConversation);
    }
}
