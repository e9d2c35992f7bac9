package io.leasebridge.connectors.gps;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.leasebridge.mapping.ValueInReason;
import io.leasebridge.model.GpsFix;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Where a vendor's response keeps the location (JSON pointers, from configuration: the vendors publish
 * little) and how to read it into a {@link GpsFix}, refusing what is missing or impossible.
 *
 * @param zone   the zone of a timestamp the vendor writes without an offset
 * @param window the times a fix may carry; any other is refused
 */
public record LocationFields(String latitude, String longitude, String locatedAt, ZoneId zone, FixTimeWindow window) {

    private static final String TIME_FIELD = "locatedAt";

    /** {@code 2026-01-30T14:13:32.753+0000}: an offset without a colon, as some vendors write it. */
    private static final DateTimeFormatter COMPACT_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS][.SS][.S]XX");

    public GpsFix read(JsonNode node, String payload, String vin, String provider, String deviceId) {
        BigDecimal lat = coordinate(node, latitude, "latitude", 90, payload);
        BigDecimal lon = coordinate(node, longitude, "longitude", 180, payload);
        if (lat.signum() == 0 && lon.signum() == 0) {
            // what a device without a satellite fix reports: a point in the Gulf of Guinea, not where the vehicle is
            throw new MalformedLocationException("latitude", "0, 0 is no fix (a device reports it when it has none)", payload);
        }
        return new GpsFix(vin, provider, deviceId, lat, lon, timestamp(node.at(JsonPointer.compile(locatedAt)), payload));
    }

    private static BigDecimal coordinate(JsonNode node, String pointer, String field, int limit, String payload) {
        JsonNode value = node.at(JsonPointer.compile(pointer));
        if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            throw new MalformedLocationException(field, "missing (" + pointer + ")", payload);
        }
        BigDecimal number;
        try {
            number = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().strip());
        } catch (NumberFormatException e) {
            throw new MalformedLocationException(field, "not a number: " + ValueInReason.quoted(value.asText()), payload);
        }
        if (number.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            throw new MalformedLocationException(field, ValueInReason.number(number) + " is outside -" + limit + ".." + limit, payload);
        }
        return number.setScale(6, java.math.RoundingMode.HALF_EVEN);
    }

    private Instant timestamp(JsonNode value, String payload) {
        if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            throw new MalformedLocationException(TIME_FIELD, "missing (" + locatedAt + ")", payload);
        }
        if (value.isIntegralNumber()) {
            return epochMillis(value, payload);
        }
        String text = value.asText().strip();
        Instant at = dateAndTime(text, payload);
        window.refusal(at).ifPresent(why -> {
            throw new MalformedLocationException(TIME_FIELD, ValueInReason.quoted(text) + " is " + why, payload);
        });
        return at;
    }

    /**
     * A number is epoch milliseconds: neither vendor sends seconds, and a number cannot say its unit, so one that is a
     * time only as seconds is refused (its reason says so), not guessed.
     */
    private Instant epochMillis(JsonNode value, String payload) {
        String number = ValueInReason.quoted(value.asText());
        if (!value.canConvertToLong()) {
            throw new MalformedLocationException(TIME_FIELD, number + " is not a time: more epoch milliseconds than a long holds", payload);
        }
        Instant at = Instant.ofEpochMilli(value.longValue());
        window.refusal(at).ifPresent(why -> {
            throw new MalformedLocationException(TIME_FIELD, number + " epoch milliseconds is " + at + ", " + why
                    + secondsHint(value.longValue()), payload);
        });
        return at;
    }

    private String secondsHint(long number) {
        if (number < Instant.MIN.getEpochSecond() || number > Instant.MAX.getEpochSecond()
                || !window.contains(Instant.ofEpochSecond(number))) {
            return "";
        }
        return "; as epoch seconds it would be " + Instant.ofEpochSecond(number) + ", but a number is read as epoch milliseconds";
    }

    private Instant dateAndTime(String text, String payload) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notIso) {
            try {
                return OffsetDateTime.parse(text, COMPACT_OFFSET).toInstant();
            } catch (DateTimeParseException notCompact) {
                try {
                    return LocalDateTime.parse(text).atZone(zone).toInstant();
                } catch (DateTimeParseException e) {
                    throw new MalformedLocationException(TIME_FIELD, "not a date and time: " + ValueInReason.quoted(text), payload);
                }
            }
        }
    }
}
