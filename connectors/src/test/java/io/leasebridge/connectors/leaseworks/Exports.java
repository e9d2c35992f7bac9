package io.leasebridge.connectors.leaseworks;

import io.leasebridge.mapping.ExportLayout;
import io.leasebridge.mapping.LeaseWorksMapping;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The shipped field map and export text as a spreadsheet or a cut transfer writes it. */
final class Exports {

    static final LeaseWorksMapping FIELD_MAP = LeaseWorksMapping.load(Path.of("../config/mappings/leaseworks.yml"));
    static final String PAYMENTS_HEADER = "Payment ID,Contract Number,Amount,Received Date,Payment Method,Reversal Of";

    private Exports() {
    }

    static ExportLayout payments() {
        return FIELD_MAP.layout("payments");
    }

    static InputStream text(String text) {
        return bytes(text, StandardCharsets.UTF_8);
    }

    static InputStream bytes(String text, Charset charset) {
        return new ByteArrayInputStream(text.getBytes(charset));
    }

    static InputStream raw(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
