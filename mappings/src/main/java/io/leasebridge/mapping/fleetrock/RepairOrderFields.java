package io.leasebridge.mapping.fleetrock;

import java.util.List;

/**
 * A FleetRock repair order as it came over the wire, values as sent (numbers and dates as text, so that a
 * malformed one can be reported by name instead of failing the whole response). The connector's wire DTOs
 * implement these views.
 */
public interface RepairOrderFields {

    String id();

    String vin();

    String unitNumber();

    String vendorName();

    String status();

    String dateCreated();

    String dateFinished();

    String dateInvoiced();

    String laborTotal();

    String partTotal();

    String taxTotal();

    String grandTotal();

    List<? extends Task> tasks();

    /**
     * The first value FleetRock sent in a JSON type that cannot hold it (an object where a number belongs, a
     * repair order that is not an object), or null when every value could be read.
     */
    default Unreadable unreadable() {
        return null;
    }

    /** Where a value of the wrong JSON type was ({@code tasks[0].parts}) and what it was. */
    record Unreadable(String field, String reason) {
    }

    /** One task of the repair order: the labour and the parts it used. */
    interface Task {

        String description();

        String laborHours();

        String laborTotal();

        List<? extends Part> parts();
    }

    /** One part used in a task. */
    interface Part {

        String partNumber();

        String description();

        String quantity();

        String total();
    }
}
