package io.leasebridge.mapping.fleetrock;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A FleetRock repair order with its tasks and parts as a canonical {@link WorkOrder}: one {@code LABOR} line
 * per task, then one {@code PART} line per part of that task. The first field that cannot be used makes the
 * whole RO a {@link WorkOrderProblem}: a half-mapped work order would post a wrong bill.
 *
 * <p>FleetRock dates without an offset are read in {@code zone}, the zone the FleetRock account works in.
 */
public final class WorkOrderMapper {

    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");

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
        String id = ro.id() == null ? "" : ro.id().strip();
        if (id.isEmpty()) {
            throw new FieldProblem("id", "the repair order has no id");
        }
        VinCheck vin = VinCheck.check(ro.vin());
        if (!vin.isValid()) {
            throw new FieldProblem("vin", vin.problem().orElseThrow());
        }
        List<WorkOrderLine> lines = new ArrayList<>();
        List<? extends RepairOrderFields.Task> tasks = ro.tasks() == null ? List.of() : ro.tasks();
        for (int t = 0; t < tasks.size(); t++) {
            RepairOrderFields.Task task = tasks.get(t);
            String where = "tasks[" + t + "]";
            lines.add(new WorkOrderLine(lines.size() + 1, WorkOrderLine.LABOR, blankToNull(task.description()),
                    quantity(task.laborHours(), where + ".labor_hours"), money(task.laborTotal(), where + ".labor_total")));
            List<? extends RepairOrderFields.Part> parts = task.parts() == null ? List.of() : task.parts();
            for (int p = 0; p < parts.size(); p++) {
                RepairOrderFields.Part part = parts.get(p);
                String partWhere = where + ".parts[" + p + "]";
                lines.add(new WorkOrderLine(lines.size() + 1, WorkOrderLine.PART, partDescription(part),
                        quantity(part.quantity(), partWhere + ".quantity"), money(part.total(), partWhere + ".total")));
            }
        }
        BigDecimal grandTotal = money(ro.grandTotal(), "grand_total");
        if (grandTotal == null) {
            throw new FieldProblem("grand_total", "the repair order has no grand total");
        }
        return new WorkOrder(id, id, vin.vin(), blankToNull(ro.unitNumber()), blankToNull(ro.vendorName()),
                blankToNull(ro.status()), instant(ro.dateCreated(), "date_created"), instant(ro.dateFinished(), "date_finished"),
                instant(ro.dateInvoiced(), "date_invoiced"), money(ro.laborTotal(), "labor_total"),
                money(ro.partTotal(), "part_total"), money(ro.taxTotal(), "tax_total"), grandTotal, lines);
    }

    private static String partDescription(RepairOrderFields.Part part) {
        String number = blankToNull(part.partNumber());
        String description = blankToNull(part.description());
        if (number == null) {
            return description;
        }
        return description == null ? number : number + " " + description;
    }

    private static BigDecimal money(String value, String field) {
        BigDecimal amount = decimal(value, field);
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal quantity(String value, String field) {
        BigDecimal amount = decimal(value, field);
        return amount == null ? null : amount.setScale(3, RoundingMode.HALF_UP);
    }

    private static BigDecimal decimal(String value, String field) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new FieldProblem(field, ValueInReason.quoted(text) + " is not a number");
        }
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
                return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
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
