package io.leasebridge.connectors.gps;

import java.util.Map;

/** One HTTP response: status, body and the headers the connectors read (names in lower case). */
public record HttpReply(int status, String body, Map<String, String> headers) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
