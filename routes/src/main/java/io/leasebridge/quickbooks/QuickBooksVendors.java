package io.leasebridge.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leasebridge.connectors.quickbooks.QuickBooksApi;
import io.leasebridge.connectors.quickbooks.QuickBooksFault;
import io.leasebridge.connectors.quickbooks.QuickBooksFaultException;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * The QuickBooks Vendor of a name: from the hub's cache, else found by DisplayName, else created. Two
 * workers creating the same new vendor get 6240 (duplicate name) for one of them, which then reuses the
 * vendor the other created.
 */
@Repository
@Conditional(QuickBooksConfigured.class)
class QuickBooksVendors {

    private final QuickBooksApi api;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    QuickBooksVendors(QuickBooksApi api, JdbcTemplate jdbc, Clock clock) {
        this.api = api;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String idFor(String displayName) {
        List<String> cached = jdbc.queryForList("select qb_id from qb_vendor where display_name = ?", String.class, displayName);
        if (!cached.isEmpty()) {
            return cached.get(0);
        }
        String id = find(displayName);
        if (id == null) {
            id = create(displayName);
        }
        remember(displayName, id);
        return id;
    }

    private String create(String displayName) {
        ObjectNode vendor = JsonNodeFactory.instance.objectNode().put("DisplayName", displayName);
        try {
            return api.create("Vendor", vendor, QuickBooksRequestIds.vendor(displayName)).path("Id").asText();
        } catch (QuickBooksFaultException e) {
            if (e.fault().hasCode(QuickBooksFault.DUPLICATE_NAME)) {
                String existing = find(displayName);
                if (existing != null) {
                    return existing;
                }
            }
            throw e;
        }
    }

    private String find(String displayName) {
        List<JsonNode> found = api.findBy("Vendor", "DisplayName", displayName);
        return found.isEmpty() ? null : found.get(0).path("Id").asText();
    }

    private void remember(String displayName, String id) {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("update qb_vendor set qb_id = ?, updated_at = ? where display_name = ?", id, now, displayName) == 0) {
            try {
                jdbc.update("insert into qb_vendor (display_name, qb_id, updated_at) values (?, ?, ?)", displayName, id, now);
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                // another worker remembered the same vendor a moment ago
            }
        }
    }
}
