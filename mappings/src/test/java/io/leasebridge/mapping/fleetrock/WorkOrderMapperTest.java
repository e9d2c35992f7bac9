package io.leasebridge.mapping.fleetrock;

import io.leasebridge.model.WorkOrder;
import io.leasebridge.model.WorkOrderLine;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkOrderMapperTest {

    private final WorkOrderMapper mapper = new WorkOrderMapper(ZoneId.of("America/Chicago"));

    record Part(String partNumber, String description, String quantity, String total) implements RepairOrderFields.Part {
    }

    record Task(String description, String laborHours, String laborTotal, List<Part> parts) implements RepairOrderFields.Task {
    }

    record Ro(String id, String vin, String unitNumber, String vendorName, String status, String dateCreated,
              String dateFinished, String dateInvoiced, String laborTotal, String partTotal, String taxTotal,
              String grandTotal, List<Task> tasks) implements RepairOrderFields {
    }

    record SentWithAWrongType(String id, String vin, String unitNumber, String vendorName, String status, String dateCreated,
                              String dateFinished, String dateInvoiced, String laborTotal, String partTotal, String taxTotal,
                              String grandTotal, List<Task> tasks, Unreadable unreadable) implements RepairOrderFields {
    }

    static Ro ro(String id, String vin, String grandTotal) {
        return new Ro(id, vin, "U-17", "Midway Truck Repair", "Invoiced", "2026-03-02 09:00:00", "2026-03-04T21:00:00Z",
                "2026-03-05", "180", "96.5", "22.12", grandTotal,
                List.of(new Task("Replace front brake pads", "1.5", "180.00",
                        List.of(new Part("BP-220", "Brake pad set", "2", "96.50"))),
                        new Task("Road test", "0.25", "0", null)));
    }

    @Test
    void eachTaskBecomesALaborLineFollowedByItsParts() {
        WorkOrderMapper.Result result = mapper.map(ro("RO-1", "1hgcm82633a004352", "298.62"));

        assertThat(result.ok()).isTrue();
        WorkOrder w = result.workOrder();
        assertThat(w.roId()).isEqualTo("RO-1");
        assertThat(w.vin()).isEqualTo("1HGCM82633A004352");
        assertThat(w.grandTotal()).isEqualByComparingTo("298.62");
        assertThat(w.partTotal()).isEqualTo(new BigDecimal("96.50"));
        assertThat(w.dateCreated()).isEqualTo(Instant.parse("2026-03-02T15:00:00Z"));
        assertThat(w.dateFinished()).isEqualTo(Instant.parse("2026-03-04T21:00:00Z"));
        assertThat(w.dateInvoiced()).isEqualTo(Instant.parse("2026-03-05T06:00:00Z"));
        assertThat(w.lines()).extracting(WorkOrderLine::lineNo, WorkOrderLine::kind, WorkOrderLine::description)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "LABOR", "Replace front brake pads"),
                        org.assertj.core.groups.Tuple.tuple(2, "PART", "BP-220 Brake pad set"),
                        org.assertj.core.groups.Tuple.tuple(3, "LABOR", "Road test"));
        assertThat(w.lines().get(1).quantity()).isEqualByComparingTo("2");
    }

    @ParameterizedTest
    @CsvSource({
            "2026-03-04T21:00:00Z, 2026-03-04T21:00:00Z",
            "2026-03-04T16:00:00-05:00, 2026-03-04T21:00:00Z",
            "2026-03-04T16:00:00-0500, 2026-03-04T21:00:00Z",
            "2026-03-04 16:00:00.250-0500, 2026-03-04T21:00:00.250Z",
            "2026-03-04T22:00+0100, 2026-03-04T21:00:00Z"})
    void anIso8601TimeIsReadWithItsOffsetInEitherForm(String sent, Instant read) {
        Ro finishedAt = ro("RO-1", "1HGCM82633A004352", "298.62");
        Ro ro = new Ro(finishedAt.id(), finishedAt.vin(), finishedAt.unitNumber(), finishedAt.vendorName(), finishedAt.status(),
                finishedAt.dateCreated(), sent, finishedAt.dateInvoiced(), finishedAt.laborTotal(), finishedAt.partTotal(),
                finishedAt.taxTotal(), finishedAt.grandTotal(), finishedAt.tasks());

        assertThat(mapper.map(ro).workOrder().dateFinished()).isEqualTo(read);
    }

    @Test
    void aBadRecordIsAProblemNamingTheRoAndTheField() {
        assertThat(mapper.map(ro(" ", "1HGCM82633A004352", "1")).problem())
                .isEqualTo(new WorkOrderProblem(" ", "id", "the repair order has no id"));
        WorkOrderProblem badVin = mapper.map(ro("RO-2", "1HGCM82633A00435", "1")).problem();
        assertThat(badVin.roId()).isEqualTo("RO-2");
        assertThat(badVin.field()).isEqualTo("vin");
        assertThat(badVin.reason()).contains("17 characters");
        WorkOrderProblem badTotal = mapper.map(ro("RO-3", "1HGCM82633A004352", "12,50 USD")).problem();
        assertThat(badTotal).isEqualTo(new WorkOrderProblem("RO-3", "grand_total", "'12,50 USD' is not a number"));
        assertThat(badTotal.toString()).contains("RO-3", "grand_total");
        assertThat(mapper.map(ro("RO-4", "1HGCM82633A004352", null)).problem().field()).isEqualTo("grand_total");
    }

    @Test
    void aBadValueInsideATaskNamesItsPosition() {
        Ro ro = new Ro("RO-5", "1HGCM82633A004352", null, null, null, null, null, null, null, null, null, "10",
                List.of(new Task("x", "1", "5", List.of(new Part("P", null, "two", "5")))));

        assertThat(mapper.map(ro).problem().field()).isEqualTo("tasks[0].parts[0].quantity");
    }

    @Test
    void aValueBeyondItsWorkOrderColumnIsAProblemNamingTheField() {
        Ro good = ro("RO-6", "1HGCM82633A004352", "298.62");

        assertThat(problemWith(new Ro("R".repeat(65), good.vin(), good.unitNumber(), good.vendorName(), good.status(), null, null,
                null, null, null, null, "1", good.tasks()))).satisfies(p -> {
            assertThat(p.field()).isEqualTo("id");
            assertThat(p.reason()).isEqualTo("longer than 64 characters (65)");
            assertThat(p.toString()).as("a long id is quoted by its beginning").contains("(65 characters)").doesNotContain("R".repeat(41));
        });
        assertThat(problemWith(withTexts(good, "U".repeat(41), good.vendorName(), good.status())))
                .isEqualTo(new WorkOrderProblem("RO-6", "unit_number", "longer than 40 characters (41)"));
        assertThat(problemWith(withTexts(good, good.unitNumber(), "V".repeat(256), good.status())))
                .isEqualTo(new WorkOrderProblem("RO-6", "vendor_name", "longer than 255 characters (256)"));
        assertThat(problemWith(withTexts(good, good.unitNumber(), good.vendorName(), "S".repeat(41))).field()).isEqualTo("status");
        assertThat(problemWith(withTasks(good, List.of(new Task("d".repeat(100_000), "1", "5", null)))))
                .isEqualTo(new WorkOrderProblem("RO-6", "tasks[0].description", "longer than 1000 characters (100000)"));
        assertThat(problemWith(withTasks(good, List.of(new Task("x", "1", "5", List.of(new Part("P-1", "p".repeat(997), "1", "5")))))).field())
                .as("part number and description together").isEqualTo("tasks[0].parts[0].description");
    }

    @Test
    void aNumberBeyondItsPrecisionOrWithAnAbsurdExponentIsAProblemNotAnException() {
        Ro good = ro("RO-7", "1HGCM82633A004352", "298.62");

        assertThat(problemWith(ro("RO-7", good.vin(), "1e13"))).satisfies(p -> {
            assertThat(p.field()).isEqualTo("grand_total");
            assertThat(p.reason()).isEqualTo("more than 12 digits before the decimal point: 10000000000000");
        });
        assertThat(problemWith(ro("RO-7", good.vin(), "999999999999.995")).field()).as("rounded up past its digits").isEqualTo("grand_total");
        assertThat(problemWith(ro("RO-7", good.vin(), "1E+999999999")).reason()).endsWith(": 1E+999999999");
        assertThat(problemWith(ro("RO-7", good.vin(), "1E+2147483647")).field()).isEqualTo("grand_total");
        assertThat(problemWith(ro("RO-7", good.vin(), "1E+99999999999")).reason()).contains("is not a number");
        assertThat(problemWith(withTasks(good, List.of(new Task("x", "1e10", "5", null)))).field()).isEqualTo("tasks[0].labor_hours");
        assertThat(problemWith(withTasks(good, List.of(new Task("x", "1", "5", List.of(new Part("P", null, "1e10", "5")))))).field())
                .isEqualTo("tasks[0].parts[0].quantity");

        assertThat(mapper.map(ro("RO-7", good.vin(), "1E-999999999")).workOrder().grandTotal()).isEqualTo(new BigDecimal("0.00"));
        assertThat(mapper.map(ro("RO-7", good.vin(), "0E+999999999")).workOrder().grandTotal()).isEqualTo(new BigDecimal("0.00"));
        assertThat(mapper.map(ro("RO-7", good.vin(), "999999999999.994")).workOrder().grandTotal())
                .isEqualTo(new BigDecimal("999999999999.99"));
    }

    @Test
    void aValueOfTheWrongJsonTypeIsAProblemNamingItsField() {
        Ro good = ro("RO-8", "1HGCM82633A004352", "298.62");
        RepairOrderFields tasksAnObject = new SentWithAWrongType(good.id(), good.vin(), null, null, null, null, null, null, null,
                null, null, good.grandTotal(), null, new RepairOrderFields.Unreadable("tasks", "is a JSON object, not an array"));

        assertThat(mapper.map(tasksAnObject).problem())
                .isEqualTo(new WorkOrderProblem("RO-8", "tasks", "is a JSON object, not an array"));
    }

    private WorkOrderProblem problemWith(Ro ro) {
        WorkOrderMapper.Result result = mapper.map(ro);
        assertThat(result.ok()).as("%s maps", ro.id()).isFalse();
        return result.problem();
    }

    private static Ro withTexts(Ro ro, String unitNumber, String vendorName, String status) {
        return new Ro(ro.id(), ro.vin(), unitNumber, vendorName, status, ro.dateCreated(), ro.dateFinished(), ro.dateInvoiced(),
                ro.laborTotal(), ro.partTotal(), ro.taxTotal(), ro.grandTotal(), ro.tasks());
    }

    private static Ro withTasks(Ro ro, List<RepairOrderFields.Task> tasks) {
        return new Ro(ro.id(), ro.vin(), ro.unitNumber(), ro.vendorName(), ro.status(), ro.dateCreated(), ro.dateFinished(),
                ro.dateInvoiced(), ro.laborTotal(), ro.partTotal(), ro.taxTotal(), ro.grandTotal(), tasks);
    }
}
