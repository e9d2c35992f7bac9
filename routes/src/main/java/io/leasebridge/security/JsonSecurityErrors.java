package io.leasebridge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 401 and 403 of the API as the rest of its errors look: {@code {"error": "...", "detail": "..."}}. A 401 carries no
 * {@code WWW-Authenticate: Basic} challenge: a browser answers one with a sign-in dialog and then keeps sending the
 * credentials to LeaseBridge on its own, also with requests another site's page makes it send. Clients such as curl
 * send {@code Authorization: Basic} without being asked.
 */
final class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    JsonSecurityErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failed) throws IOException {
        write(response, HttpStatus.UNAUTHORIZED, "unauthorized",
                "send the Authorization: Basic header (curl -u) of a user of leasebridge.security.users with each request");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        forbidden(response, request.getMethod() + " " + request.getRequestURI() + " needs the OPERATOR role");
    }

    void forbidden(HttpServletResponse response, String detail) throws IOException {
        write(response, HttpStatus.FORBIDDEN, "forbidden", detail);
    }

    private void write(HttpServletResponse response, HttpStatus status, String error, String detail) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), body);
    }
}
