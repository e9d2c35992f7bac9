package io.leasebridge.connectors.salesforce;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CamelSalesforceErrorsTest {

    @Test
    void aRefusedCallCarriesStatusCodesAndFieldsAndSaysWhetherToRetry() {
        SalesforceCallException limit = CamelSalesforceErrors.translate(new CamelExecutionException("call failed", null,
                new SalesforceException(List.of(new RestError("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")), 403)));

        assertThat(limit.status()).isEqualTo(403);
        assertThat(limit.errors()).extracting(SalesforceError::code).containsExactly("REQUEST_LIMIT_EXCEEDED");
        assertThat(limit.retryable()).isTrue();
        assertThat(limit.authentication()).isFalse();
        assertThat(limit.getMessage()).isEqualTo("HTTP 403; REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.");
        assertThat(limit.kind()).isEqualTo("HTTP 403 REQUEST_LIMIT_EXCEEDED");

        SalesforceCallException invalid = CamelSalesforceErrors.translate(new SalesforceException(List.of(
                new RestError("FIELD_CUSTOM_VALIDATION_EXCEPTION", "Phone is invalid", List.of("Phone"))), 400));
        assertThat(invalid.retryable()).isFalse();
        assertThat(invalid.errors().get(0).fields()).containsExactly("Phone");
        assertThat(invalid.kind()).as("a kind never quotes the message").isEqualTo("HTTP 400 FIELD_CUSTOM_VALIDATION_EXCEPTION");
    }

    @Test
    void refusedCredentialsAndLostConnectionsAreToldApart() {
        SalesforceCallException expired = CamelSalesforceErrors.translate(new SalesforceException("Unexpected error {401:Unauthorized}", 401));
        assertThat(expired.authentication()).isTrue();
        assertThat(expired.retryable()).isFalse();

        SalesforceCallException lost = CamelSalesforceErrors.translate(
                new SalesforceException("connection reset", new ConnectException("Connection refused")));
        assertThat(lost.retryable()).isTrue();
        assertThat(lost.status()).isZero();
        assertThat(lost.kind()).isEqualTo("ConnectException");
        assertThat(lost.getMessage()).isEqualTo("ConnectException: Connection refused");
        assertThat(SalesforceCallException.describe(new IllegalStateException("drain stopped", lost)))
                .isEqualTo("ConnectException: Connection refused");
    }

    @Test
    void aFailureReadOnceIsNotReadAgain() {
        SalesforceCallException read = CamelSalesforceErrors.translate(new SalesforceException("gone", 503));
        assertThat(CamelSalesforceErrors.translate(new RuntimeException(read))).isSameAs(read);
        assertThat(SalesforceCallException.isRetryable(new RuntimeException(read))).isTrue();
    }
}
