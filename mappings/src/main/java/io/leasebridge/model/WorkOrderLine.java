package io.leasebridge.model;

import java.math.BigDecimal;

/**
 * One line of a work order: a task's labour ({@code LABOR}) or a part used in it ({@code PART}), numbered in
 * the order FleetRock lists them (each task, then its parts). Its limits are those of the hub's {@code work_order_line}.
 */
public record WorkOrderLine(
        int lineNo,
        @MaxLength(20) String kind,
        @MaxLength(1000) String description,
        @Numeric(precision = 12, scale = 3) BigDecimal quantity,
        @Numeric(precision = 14, scale = 2) BigDecimal amount) {

    public static final String LABOR = "LABOR";
    public static final String PART = "PART";

    /** The line's key in Salesforce ({@code FleetRock_Line_Id__c}): the RO id and the line number. */
    public static String key(String roId, int lineNo) {
        return roId + "-" + lineNo;
    }
}
