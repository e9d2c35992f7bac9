package io.leasebridge.connectors.gps;

import java.math.BigInteger;
import java.time.Duration;

/** How a GPS vendor's HTTP status is classified: what is worth retrying, what concerns one request only. */
final class VendorReplies {

    private static final int EXCERPT = 200;

    private VendorReplies() {
    }

    static GpsVendorException failure(String vendor, String what, HttpReply reply) {
        int status = reply.status();
        String detail = what + " answered HTTP " + status + excerpt(reply.body());
        if (status == 0 || status == 408 || status == 429 || status >= 500) {
            return GpsVendorException.retryable(vendor, status, detail);
        }
        return GpsVendorException.permanent(vendor, status, detail);
    }

    /**
     * Retry-After (the vendors send seconds), at most {@code longest}; the fallback when absent or unreadable. Read as a
     * whole number of any size, so that a value too long for a long or a {@link Duration} still means "longer than we wait".
     */
    static Duration retryAfter(HttpReply reply, Duration fallback, Duration longest) {
        String header = reply.header("Retry-After");
        if (header == null) {
            return shorter(fallback, longest);
        }
        BigInteger seconds;
        try {
            seconds = new BigInteger(header.strip());
        } catch (NumberFormatException e) {
            return shorter(fallback, longest);
        }
        if (seconds.signum() <= 0) {
            return Duration.ZERO;
        }
        return seconds.compareTo(BigInteger.valueOf(longest.toSeconds())) >= 0 ? longest : Duration.ofSeconds(seconds.longValueExact());
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return ": " + (oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT) + "...");
    }
}
