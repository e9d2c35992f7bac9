package io.leasebridge.admin;

/**
 * A flow run that was asked for: it runs in the background; {@code GET /api/runs?flow=} shows it.
 *
 * @param mechanism how it was started
 */
public record TriggerReceipt(String flow, String mechanism, String follow) {
}
