package io.leasebridge.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** What the hub queued for Salesforce of one object, and what it holds back until a parent arrives. */
@Repository
class HubDeliveries {

    private final JdbcTemplate jdbc;
    private final ObjectReader json;

    HubDeliveries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        // an amount is read as a decimal, not as a double
        this.json = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    List<HubRecord> records(ReconciledObject object) {
        return jdbc.query("""
                select external_id, status, delivered_at, payload from sf_outbox where sobject = ? and facet = ?""",
                (rs, n) -> {
                    String status = rs.getString(2);
                    JsonNode payload = "DELIVERED".equals(status) || object.dayField().isPresent() ? parse(rs.getString(4)) : null;
                    BigDecimal amount = "DELIVERED".equals(status) ? object.amountField().map(f -> amount(payload, f)).orElse(null) : null;
                    LocalDate day = object.dayField().map(f -> day(payload, f)).orElse(null);
                    return new HubRecord(rs.getString(1), status, rs.getTimestamp(3) != null, amount, day);
                }, object.apiName(), object.type().facet());
    }

    long waitingForParent(ReconciledObject object) {
        Long held = jdbc.queryForObject("select count(*) from sf_held where sobject = ? and facet = ?", Long.class,
                object.apiName(), object.type().facet());
        return held == null ? 0 : held;
    }

    /** The hub's records of an object that wait for their parent: their keys, the first of them. */
    List<String> heldKeys(ReconciledObject object, int limit) {
        return jdbc.queryForList("select external_id from sf_held where sobject = ? and facet = ? order by held_at, external_id limit ?",
                String.class, object.apiName(), object.type().facet(), limit);
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox payload that is not JSON", e);
        }
    }

    private static BigDecimal amount(JsonNode payload, String field) {
        JsonNode value = payload == null ? null : payload.get(field);
        BigDecimal amount = value == null || value.isNull() ? BigDecimal.ZERO
                : value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
        // a JSON tree drops trailing zeros (100.00 reads as 1E+2): money shows with its cents
        return amount.scale() < 2 ? amount.setScale(2) : amount;
    }

    private static LocalDate day(JsonNode payload, String field) {
        JsonNode value = payload == null ? null : payload.get(field);
        try {
            return value == null || value.isNull() ? null : LocalDate.parse(value.asText());
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }
}
