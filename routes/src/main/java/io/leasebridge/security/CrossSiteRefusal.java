package io.leasebridge.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses (403) a call that changes something when the browser that sends it says it comes from another site: an
 * {@code Origin} other than LeaseBridge's own, or {@code Sec-Fetch-Site} other than {@code same-origin} or
 * {@code none}. Browsers set both headers themselves and a page cannot change them, so a form or script on any other
 * site cannot pause a flow or replay a dead letter with an operator's browser. curl and scripts send neither header
 * and are not affected. Behind a proxy LeaseBridge's own origin is the one the proxy forwards
 * ({@code server.forward-headers-strategy}).
 */
final class CrossSiteRefusal extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossSiteRefusal.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    private final JsonSecurityErrors refusal;

    CrossSiteRefusal(JsonSecurityErrors refusal) {
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (READS.contains(request.getMethod()) || fromOwnSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("refused {} {} from another site (Origin {}, Sec-Fetch-Site {}) from {}", request.getMethod(),
                request.getRequestURI(), request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"), request.getRemoteAddr());
        refusal.forbidden(response, request.getMethod() + " " + request.getRequestURI()
                + " is refused from another site's page: a call that changes something comes from LeaseBridge's own page or"
                + " from a client that is not a browser");
    }

    static boolean fromOwnSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !OWN_SITE.contains(site.toLowerCase(Locale.ROOT))) {
            return false;
        }
        String origin = request.getHeader("Origin");
        return origin == null || sameOrigin(origin, request);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        URI uri;
        try {
            uri = URI.create(origin.strip());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false; // "null": a sandboxed frame, a redirect across sites, a file
        }
        return uri.getScheme().equalsIgnoreCase(request.getScheme()) && uri.getHost().equalsIgnoreCase(request.getServerName())
                && port(uri.getPort(), uri.getScheme()) == port(request.getServerPort(), request.getScheme());
    }

    private static int port(int port, String scheme) {
        if (port > 0) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
