package io.leasebridge.connectors.fleetrock;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.leasebridge.mapping.fleetrock.RepairOrderFields;

import java.util.List;

/**
 * A repair order as FleetRock's {@code GetRO} and its webhook send it, read by {@link #read}. Values are kept as
 * text: a number FleetRock sends as text, or text where a number belongs, is judged by the mapper, field by field;
 * a value of a JSON type that cannot hold it is kept as {@link #unreadable()}, so that it too fails only its RO.
 * Written as JSON, it is what FleetRock sent.
 *
 * @param sent what FleetRock sent, kept whole for a dead letter to replay from
 */
public record RepairOrder(
        String id,
        String vin,
        String unitNumber,
        String vendorName,
        String status,
        String dateCreated,
        String dateFinished,
        String dateInvoiced,
        String laborTotal,
        String partTotal,
        String taxTotal,
        String grandTotal,
        List<Task> tasks,
        JsonNode sent,
        Unreadable unreadable) implements RepairOrderFields {

    /** One element of a {@code repair_orders} array or a webhook's {@code repair_order}, whatever JSON it is. */
    public static RepairOrder read(JsonNode sent) {
        return new RepairOrderReading().repairOrder(sent);
    }

    @JsonValue
    @Override
    public JsonNode sent() {
        return sent;
    }

    public record Task(String description, String laborHours, String laborTotal, List<Part> parts)
            implements RepairOrderFields.Task {
    }

    public record Part(String partNumber, String description, String quantity, String total) implements RepairOrderFields.Part {
    }
}
