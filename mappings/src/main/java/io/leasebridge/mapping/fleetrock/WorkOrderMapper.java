package io.leasebridge.mapping.fleetrock;

import io.leasebridge.mapping.FieldLimits;
import io.leasebridge.mapping.ValueInReason;
import io.leasebridge.mapping.vin.VinCheck;
import io.leasebridge.model.WorkOrder;
import io.leasebridge.model.WorkOrderLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A FleetRock repair order with its tasks and parts as a canonical {@link WorkOrder}: one {@code LABOR} line
 * per task, then one {@code PART} line per part of that task. The first field that cannot be used makes the
 * whole RO a {@link WorkOrderProblem}: a half-mapped work order would post a wrong bill. So does a value beyond
 * the {@link FieldLimits} of its {@link WorkOrder} or {@link WorkOrderLine} component, which the hub could not store.
 *
 * <p>FleetRock dates without an offset are read in {@code zone}, the zone the FleetRock account works in.
 */
public final class WorkOrderMapper {

    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");
    /** ISO 8601 with its offset in the extended form (-05:00, Z) or the basic one (-0500). */
    private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private static final FieldLimits ID = limits(WorkOrder.class, "roId");
    private static final FieldLimits UNIT_NUMBER = limits(WorkOrder.class, "unitNumber");
    private static final FieldLimits VENDOR_NAME = limits(WorkOrder.class, "vendorName");
    private static final FieldLimits STATUS = limits(WorkOrder.class, "status");
    private static final FieldLimits LABOR_TOTAL = limits(WorkOrder.class, "laborTotal");
    private static final FieldLimits PART_TOTAL = limits(WorkOrder.class, "partTotal");
    private static final FieldLimits TAX_TOTAL = limits(WorkOrder.class, "taxTotal");
    private static final FieldLimits GRAND_TOTAL = limits(WorkOrder.class, "grandTotal");
    private static final FieldLimits LINE_DESCRIPTION = limits(WorkOrderLine.class, "description");
    private static final FieldLimits LINE_QUANTITY = limits(WorkOrderLine.class, "quantity");
    private static final FieldLimits LINE_AMOUNT = limits(WorkOrderLine.class, "amount");

    private final ZoneId zone;

    public WorkOrderMapper(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The outcome for one RO: a work order, or the problem that keeps it out of the hub. */
    public record Result(WorkOrder workOrder, WorkOrderProblem problem) {

        public boolean ok() {
            return problem == null;
        }
    }

    public Result map(RepairOrderFields ro) {
        try {
            return new Result(workOrder(ro), null);
        } catch (FieldProblem p) {
            return new Result(null, new WorkOrderProblem(ro.id(), p.field, p.getMessage()));
        }
    }

    private WorkOrder workOrder(RepairOrderFields ro) {
        RepairOrderFields.Unreadable unreadable = ro.unreadable();
        if (unreadable != null) {
            throw new FieldProblem(unreadable.field(), unreadable.reason());
        }
        String id = ro.id() == null ? "" : ro.id().strip();
        if (id.isEmpty()) {
            throw new FieldProblem("id", "the repair order has no id");
        }
        checked(id, ID, "id");
        VinCheck vin = VinCheck.check(ro.vin());
        if (!vin.isValid()) {
            throw new FieldProblem("vin", vin.problem().orElseThrow());
        }
        List<WorkOrderLine> lines = new ArrayList<>();
        List<? extends RepairOrderFields.Task> tasks = ro.tasks() == null ? List.of() : ro.tasks();
        for (int t = 0; t < tasks.size(); t++) {
            RepairOrderFields.Task task = tasks.get(t);
            String where = "tasks[" + t + "]";
            lines.add(new WorkOrderLine(lines.size() + 1, WorkOrderLine.LABOR,
                    text(task.description(), LINE_DESCRIPTION, where + ".description"),
                    number(task.laborHours(), LINE_QUANTITY, where + ".labor_hours"),
                    number(task.laborTotal(), LINE_AMOUNT, where + ".labor_total")));
            List<? extends RepairOrderFields.Part> parts = task.parts() == null ? List.of() : task.parts();
            for (int p = 0; p < parts.size(); p++) {
                RepairOrderFields.Part part = parts.get(p);
                String partWhere = where + ".parts[" + p + "]";
                lines.add(new WorkOrderLine(lines.size() + 1, WorkOrderLine.PART, partDescription(part, partWhere),
                        number(part.quantity(), LINE_QUANTITY, partWhere + ".quantity"),
                        number(part.total(), LINE_AMOUNT, partWhere + ".total")));
            }
        }
        BigDecimal grandTotal = number(ro.grandTotal(), GRAND_TOTAL, "grand_total");
        if (grandTotal == null) {
            throw new FieldProblem("grand_total", "the repair order has no grand total");
        }
        return new WorkOrder(id, id, vin.vin(), text(ro.unitNumber(), UNIT_NUMBER, "unit_number"),
                text(ro.vendorName(), VENDOR_NAME, "vendor_name"), text(ro.status(), STATUS, "status"),
                instant(ro.dateCreated(), "date_created"), instant(ro.dateFinished(), "date_finished"),
                instant(ro.dateInvoiced(), "date_invoiced"), number(ro.laborTotal(), LABOR_TOTAL, "labor_total"),
                number(ro.partTotal(), PART_TOTAL, "part_total"), number(ro.taxTotal(), TAX_TOTAL, "tax_total"), grandTotal, lines);
    }

    private static String partDescription(RepairOrderFields.Part part, String where) {
        String number = blankToNull(part.partNumber());
        String description = blankToNull(part.description());
        if (number == null) {
            return checked(description, LINE_DESCRIPTION, where + ".description");
        }
        return description == null ? checked(number, LINE_DESCRIPTION, where + ".part_number")
                : checked(number + " " + description, LINE_DESCRIPTION, where + ".description");
    }

    private static String text(String value, FieldLimits limits, String field) {
        return checked(blankToNull(value), limits, field);
    }

    /** The number at its field's decimals, rounded half up. */
    private static BigDecimal number(String value, FieldLimits limits, String field) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new FieldProblem(field, ValueInReason.quoted(text) + " is not a number");
        }
        return checked(rounded(number, limits), limits, field);
    }

    /**
     * A number with more whole digits than the field holds is left as it is, for the check to refuse: rounding
     * 1E+999999999 to cents would write out its billion digits. One too small to round to anything but zero is zero,
     * without dividing 1E-999999999 by its billion powers of ten.
     */
    private static BigDecimal rounded(BigDecimal number, FieldLimits limits) {
        long wholeDigits = (long) number.precision() - number.scale();
        if (number.signum() == 0 || wholeDigits < -limits.scale()) {
            return BigDecimal.ZERO.setScale(limits.scale());
        }
        if (wholeDigits > limits.precision() - limits.scale()) {
            return number;
        }
        return number.setScale(limits.scale(), RoundingMode.HALF_UP);
    }

    private static <T> T checked(T value, FieldLimits limits, String field) {
        limits.check(value).ifPresent(beyond -> {
            throw new FieldProblem(field, beyond);
        });
        return value;
    }

    private static FieldLimits limits(Class<? extends Record> type, String component) {
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(component)).findFirst()
                .map(FieldLimits::of).orElseThrow();
    }

    private Instant instant(String value, String field) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(text.replace(' ', 'T'), OFFSET_DATE_TIME).toInstant();
            }
            return LocalDateTime.parse(text, LOCAL_DATE_TIME).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new FieldProblem(field, ValueInReason.quoted(text) + " is not a date FleetRock sends (yyyy-MM-dd, yyyy-MM-dd HH:mm:ss or ISO 8601)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static final class FieldProblem extends RuntimeException {
        private final String field;

        FieldProblem(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }
}
