package io.leasebridge.connectors.gps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** JSON bodies in each vendor's wire format, from src/test/resources/&lt;vendor&gt;/. */
public final class VendorStubs {

    private VendorStubs() {
    }

    public static String body(String resource) {
        try (InputStream in = VendorStubs.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
