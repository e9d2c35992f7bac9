package io.leasebridge.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Stands before every webhook with a {@link WebhookSecret}, so that nobody can make LeaseBridge read a body it did
 * not ask for: a secret in the URL is 401, a missing or wrong secret header is 401, both before a byte of the body is
 * read; a body declared or found larger than {@code leasebridge.webhooks.max-body} is 413, read no further than that
 * limit; a form's content type is 415 (the body is JSON). What passes goes on with its body held (at most {@code max-body}). Each refusal closes the connection, so
 * the container does not read the rest of the body either. Logs never carry the secret or the body.
 */
public final class WebhookGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(WebhookGuard.class);

    private final List<WebhookSecret> secrets;
    private final int maxBody;
    private final ObjectMapper json;

    public WebhookGuard(List<WebhookSecret> secrets, WebhookProperties properties, ObjectMapper json) {
        this.secrets = List.copyOf(secrets);
        this.maxBody = (int) properties.maxBody().toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<WebhookSecret> webhook = secrets.stream().filter(s -> s.path().equals(request.getRequestURI())).findFirst();
        if (webhook.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        WebhookSecret secret = webhook.get();
        if (secret.inQuery(request)) {
            refuse(request, response, HttpStatus.UNAUTHORIZED, "the secret goes in the " + secret.header()
                    + " header, never in the URL (proxies and access logs keep URLs): make the sender a new secret");
            return;
        }
        if (!secret.presentedIn(request)) {
            refuse(request, response, HttpStatus.UNAUTHORIZED, secret.header() + " missing or wrong");
            return;
        }
        if (isForm(request)) {
            // the container would read a form's body as parameters, and log it when it is not one
            refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the body is JSON: send it as application/json, not "
                    + request.getContentType().split(";")[0].strip());
            return;
        }
        if (request.getContentLengthLong() > maxBody) {
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge());
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBody + 1);
        if (body.length > maxBody) {
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge());
            return;
        }
        chain.doFilter(new ReadBodyRequest(request, body), response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        return type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) || type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    private String tooLarge() {
        return "the body is larger than leasebridge.webhooks.max-body (" + maxBody + " bytes)";
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        log.warn("{}: push refused ({} {}) from {}: {}", request.getRequestURI(), status.value(), status.getReasonPhrase(),
                request.getRemoteAddr(), detail);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", status.getReasonPhrase().toLowerCase(Locale.ROOT));
        body.put("detail", detail);
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), body);
    }
}
