package io.leasebridge.connectors.gps;

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

    /** Retry-After in seconds (the vendors send seconds), or the fallback when absent or unreadable. */
    static long retryAfterSeconds(HttpReply reply, long fallback) {
        String header = reply.header("Retry-After");
        if (header == null) {
            return fallback;
        }
        try {
            return Math.max(0, Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return ": " + (oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT) + "...");
    }
}
