package io.leasebridge.quickbooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leasebridge.connectors.quickbooks.QuickBooksApi;
import io.leasebridge.connectors.quickbooks.QuickBooksFault;
import io.leasebridge.connectors.quickbooks.QuickBooksFaultException;
import io.leasebridge.connectors.quickbooks.QuickBooksProperties;
import io.leasebridge.connectors.quickbooks.QuickBooksUnavailableException;
import io.leasebridge.quickbooks.PostResult.Outcome;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Posts one outbox row exactly once. Before a try that follows an earlier one (a timeout, a 5xx, a crash),
 * it looks the document up by DocNumber, because QuickBooks does not honour {@code requestid} on every
 * path; found, it is compared with the source as it is now and updated when they differ (the source may have
 * changed since the lost answer), never posted a second time. A confirmed posting whose source changed is updated (sparse, with its
 * SyncToken; on 5010 the document is read again and the update tried once more).
 */
class QuickBooksPoster {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final QuickBooksApi api;
    private final QuickBooksVendors vendors;
    private final QuickBooksOutbox outbox;
    private final QuickBooksProperties.Retry retry;

    QuickBooksPoster(QuickBooksApi api, QuickBooksVendors vendors, QuickBooksOutbox outbox, QuickBooksProperties.Retry retry) {
        this.api = api;
        this.vendors = vendors;
        this.outbox = outbox;
        this.retry = retry;
    }

    PostResult post(OutboxPosting row) {
        QuickBooksUnavailableException lastFailure = null;
        int earlierTries = row.attempts();
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            outbox.attempting(row.requestId());
            try {
                return row.isUpdate() ? update(row) : create(row, earlierTries + attempt - 1 > 0);
            } catch (QuickBooksUnavailableException e) {
                lastFailure = e;
                outbox.stillPending(row.requestId(), e.getMessage());
                if (attempt < retry.maxAttempts()) {
                    pause(retry.delay().multipliedBy(1L << (attempt - 1)));
                }
            } catch (QuickBooksFaultException e) {
                outbox.failed(row.requestId(), e.fault().describe());
                return new PostResult(row, Outcome.FAILED, e.fault().describe(), e.fault());
            }
        }
        return new PostResult(row, Outcome.PENDING, lastFailure == null ? null : lastFailure.getMessage(), null);
    }

    private PostResult create(OutboxPosting row, boolean mayAlreadyExist) {
        if (mayAlreadyExist) {
            // a voided document keeps its DocNumber: it is the one a repost replaces, not one to confirm
            List<JsonNode> existing = api.findBy(row.entity(), "DocNumber", row.docNumber()).stream()
                    .filter(found -> !found.path("PrivateNote").asText("").startsWith("Voided")).toList();
            if (!existing.isEmpty()) {
                JsonNode found = existing.get(0);
                if (sameAsSource(row, found)) {
                    return confirmed(row, found, "found by DocNumber " + row.docNumber());
                }
                return update(row, found.path("Id").asText(), found.path("SyncToken").asText(),
                        "found by DocNumber " + row.docNumber() + " differing from its source, and");
            }
        }
        ObjectNode body = withVendor(row);
        return confirmed(row, api.create(row.entity(), body, row.createRequestId()), "created");
    }

    private PostResult update(OutboxPosting row) {
        return update(row, row.qbId(), row.syncToken(), "");
    }

    private PostResult update(OutboxPosting row, String qbId, String syncToken, String how) {
        ObjectNode body = withVendor(row);
        body.put("Id", qbId);
        body.put("SyncToken", syncToken);
        String prefix = how.isEmpty() ? "" : how + " ";
        try {
            return confirmed(row, api.update(row.entity(), body, QuickBooksRequestIds.update(row.requestId(), row.payloadHash(), 1)),
                    prefix + "updated");
        } catch (QuickBooksFaultException e) {
            if (!e.fault().hasCode(QuickBooksFault.STALE_OBJECT)) {
                throw e;
            }
            JsonNode current = api.read(row.entity(), qbId);
            body.put("SyncToken", current.path("SyncToken").asText());
            return confirmed(row, api.update(row.entity(), body, QuickBooksRequestIds.update(row.requestId(), row.payloadHash(), 2)),
                    prefix + "updated after re-reading its SyncToken");
        }
    }

    /** What a lost answer may hide: the document QuickBooks holds against the source now (amount and date). */
    private static boolean sameAsSource(OutboxPosting row, JsonNode document) {
        boolean sameAmount = row.amount() == null || !document.has("TotalAmt")
                || document.get("TotalAmt").decimalValue().compareTo(row.amount()) == 0;
        boolean sameDate = !document.has("TxnDate") || row.txnDate().toString().equals(document.get("TxnDate").asText());
        return sameAmount && sameDate;
    }

    private ObjectNode withVendor(OutboxPosting row) {
        ObjectNode body = parse(row.payload());
        if (row.vendorName() != null) {
            body.set("VendorRef", JsonNodeFactory.instance.objectNode().put("value", vendors.idFor(row.vendorName())));
        }
        return body;
    }

    private PostResult confirmed(OutboxPosting row, JsonNode document, String how) {
        String id = document.path("Id").asText(null);
        if (id == null) {
            throw new QuickBooksUnavailableException("QuickBooks answered without the " + row.entity() + "'s Id", null);
        }
        BigDecimal total = document.has("TotalAmt") ? document.get("TotalAmt").decimalValue() : null;
        outbox.confirmed(row.requestId(), id, document.path("SyncToken").asText(null), total, row.payloadHash());
        return new PostResult(row, Outcome.CONFIRMED, how + " as " + row.entity() + " " + id, null);
    }

    private static ObjectNode parse(String payload) {
        try {
            return (ObjectNode) JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbox payload", e);
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
