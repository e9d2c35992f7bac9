package io.leasebridge.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.hub.DeadLetter;
import org.springframework.stereotype.Component;

import java.util.Map;

/** The columns of a quarantined file row, as its dead letter stored them (JSON, column -> value). */
@Component
class StoredColumns {

    private static final TypeReference<Map<String, String>> COLUMNS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    StoredColumns(ObjectMapper json) {
        this.json = json;
    }

    Map<String, String> of(DeadLetter letter) {
        try {
            return json.readValue(letter.payload(), COLUMNS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead letter payload is not the JSON LeaseBridge wrote", e);
        }
    }
}
