package io.leasebridge.webhooks;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The shared secret a webhook's sender puts in a request header, checked by {@link WebhookGuard} before the body is
 * read. Only digests are compared, in constant time, so the time taken says nothing about how much of it was right.
 */
public final class WebhookSecret {

    private final String path;
    private final String header;
    private final byte[] digest;

    /** @param path the webhook's path; @param header the header that carries the secret */
    public WebhookSecret(String path, String header, String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the secret of the webhook " + path + " is empty");
        }
        this.path = path;
        this.header = header;
        this.digest = sha256(secret);
    }

    String path() {
        return path;
    }

    String header() {
        return header;
    }

    boolean presentedIn(HttpServletRequest request) {
        String presented = request.getHeader(header);
        return presented != null && !presented.isEmpty() && MessageDigest.isEqual(sha256(presented), digest);
    }

    /**
     * Whether the URL carries the secret (a parameter named like its header, or the secret as any parameter's value):
     * proxies and access logs keep URLs, so such a request is refused even with the right header.
     */
    boolean inQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return false;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name.equalsIgnoreCase(header) || (!value.isEmpty() && MessageDigest.isEqual(sha256(value), digest))) {
                return true;
            }
        }
        return false;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSecret[" + path + ", header " + header + "]";
    }
}
