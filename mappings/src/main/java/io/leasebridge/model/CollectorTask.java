package io.leasebridge.model;

import java.time.LocalDate;

/**
 * Work LeaseBridge hands a collector in Salesforce.
 *
 * @param key     LeaseBridge's id of the task: the same reason never makes two tasks
 * @param ownerId the Salesforce user or queue the task is assigned to
 */
public record CollectorTask(String key, String leaseId, String ownerId, String subject, String description,
                            LocalDate dueDate, String priority) {
}
