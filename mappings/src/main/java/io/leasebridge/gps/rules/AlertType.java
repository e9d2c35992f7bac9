package io.leasebridge.gps.rules;

/** The conditions on a vehicle's GPS fixes that raise an alert. */
public enum AlertType {
    /** The last fix lies outside the vehicle's garaging state. */
    OUT_OF_STATE,
    /** The last fix lies farther from the garaging address than the configured radius. */
    OUT_OF_RADIUS,
    /** The vehicle has not moved beyond the tolerance for the configured number of days. */
    NOT_MOVING,
    /** The device has not reported for the configured number of hours (unplugged, tampered or out of coverage). */
    SILENT
}
