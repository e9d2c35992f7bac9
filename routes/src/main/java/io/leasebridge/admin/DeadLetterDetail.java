package io.leasebridge.admin;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One dead letter with the payload it is replayed from: the export row's columns, or the fields Salesforce refused,
 * as JSON (text when it is not JSON).
 */
public record DeadLetterDetail(@JsonUnwrapped DeadLetterEntry entry, JsonNode payload) {
}
