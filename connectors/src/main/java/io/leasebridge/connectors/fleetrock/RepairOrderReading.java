package io.leasebridge.connectors.fleetrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.leasebridge.mapping.fleetrock.RepairOrderFields.Unreadable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Reads one repair order field by field, noting the first value whose JSON type cannot hold it ({@code "tasks": {}},
 * {@code "grand_total": [10]}) and reading on, so that the RO keeps its id for the dead letter that names the field.
 * Field names are FleetRock's, with the task and part they are in: {@code tasks[0].parts[1].quantity}.
 */
final class RepairOrderReading {

    private Unreadable unreadable;

    RepairOrder repairOrder(JsonNode sent) {
        JsonNode node = sent == null ? NullNode.getInstance() : sent;
        if (!node.isObject()) {
            return new RepairOrder(null, null, null, null, null, null, null, null, null, null, null, null, null, node,
                    new Unreadable("repair_order", "the repair order is a JSON " + type(node) + ", not an object"));
        }
        return new RepairOrder(text(node, "id", "id"), text(node, "vin", "vin"), text(node, "unit_number", "unit_number"),
                text(node, "vendor_name", "vendor_name"), text(node, "status", "status"),
                text(node, "date_created", "date_created"), text(node, "date_finished", "date_finished"),
                text(node, "date_invoiced", "date_invoiced"), text(node, "labor_total", "labor_total"),
                text(node, "part_total", "part_total"), text(node, "tax_total", "tax_total"),
                text(node, "grand_total", "grand_total"), list(node, "tasks", "tasks", this::task), node, unreadable);
    }

    private RepairOrder.Task task(JsonNode node, String where) {
        return new RepairOrder.Task(text(node, "description", where + ".description"), text(node, "labor_hours", where + ".labor_hours"),
                text(node, "labor_total", where + ".labor_total"), list(node, "parts", where + ".parts", this::part));
    }

    private RepairOrder.Part part(JsonNode node, String where) {
        return new RepairOrder.Part(text(node, "part_number", where + ".part_number"), text(node, "description", where + ".description"),
                text(node, "quantity", where + ".quantity"), text(node, "total", where + ".total"));
    }

    /** A text, number or true/false as its text; null when absent or null. */
    private String text(JsonNode parent, String name, String where) {
        JsonNode value = parent.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        note(where, "a JSON " + type(value) + " where FleetRock sends a text or a number");
        return null;
    }

    private <T> List<T> list(JsonNode parent, String name, String where, BiFunction<JsonNode, String, T> element) {
        JsonNode value = parent.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            note(where, "a JSON " + type(value) + " where FleetRock sends an array");
            return null;
        }
        List<T> elements = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            String at = where + "[" + i + "]";
            if (value.get(i).isObject()) {
                elements.add(element.apply(value.get(i), at));
            } else {
                note(at, "a JSON " + type(value.get(i)) + " where FleetRock sends an object");
            }
        }
        return elements;
    }

    private void note(String where, String reason) {
        if (unreadable == null) {
            unreadable = new Unreadable(where, reason);
        }
    }

    private static String type(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
