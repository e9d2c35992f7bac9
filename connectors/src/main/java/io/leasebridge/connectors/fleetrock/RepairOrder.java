package io.leasebridge.connectors.fleetrock;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.leasebridge.mapping.fleetrock.RepairOrderFields;

import java.util.List;

/**
 * A repair order as FleetRock's {@code GetRO} and its webhook send it. Values are kept as text: a number
 * FleetRock sends as text, or text where a number belongs, is judged by the mapper, field by field.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RepairOrder(
        @JsonProperty("id") String id,
        @JsonProperty("vin") String vin,
        @JsonProperty("unit_number") String unitNumber,
        @JsonProperty("vendor_name") String vendorName,
        @JsonProperty("status") String status,
        @JsonProperty("date_created") String dateCreated,
        @JsonProperty("date_finished") String dateFinished,
        @JsonProperty("date_invoiced") String dateInvoiced,
        @JsonProperty("labor_total") String laborTotal,
        @JsonProperty("part_total") String partTotal,
        @JsonProperty("tax_total") String taxTotal,
        @JsonProperty("grand_total") String grandTotal,
        @JsonProperty("tasks") List<Task> tasks) implements RepairOrderFields {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Task(
            @JsonProperty("description") String description,
            @JsonProperty("labor_hours") String laborHours,
            @JsonProperty("labor_total") String laborTotal,
            @JsonProperty("parts") List<Part> parts) implements RepairOrderFields.Task {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Part(
            @JsonProperty("part_number") String partNumber,
            @JsonProperty("description") String description,
            @JsonProperty("quantity") String quantity,
            @JsonProperty("total") String total) implements RepairOrderFields.Part {
    }
}
