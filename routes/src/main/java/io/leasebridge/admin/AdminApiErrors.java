package io.leasebridge.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the API, every {@code /api} controller's (admin, KPIs, reconciliations), as {@code {"error": "...",
 * "detail": "..."}} with the status that fits; the page's controllers answer with pages of their own.
 */
@RestControllerAdvice(annotations = RestController.class)
class AdminApiErrors {

    private static final Logger log = LoggerFactory.getLogger(AdminApiErrors.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ApiError> refused(ApiProblem problem) {
        return ResponseEntity.status(problem.status()).body(problem.body());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another value" : e.getRequiredType().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        return ResponseEntity.badRequest().body(new ApiError("bad parameter",
                e.getName() + ": '" + e.getValue() + "' is not a " + expected));
    }

    /** Anything else; what Spring MVC itself refuses (a missing parameter, say) keeps its status, in our shape. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> failed(Exception e) {
        if (e instanceof ErrorResponse refused) {
            return ResponseEntity.status(refused.getStatusCode()).body(new ApiError(
                    HttpStatus.valueOf(refused.getStatusCode().value()).getReasonPhrase().toLowerCase(java.util.Locale.ROOT),
                    refused.getBody().getDetail()));
        }
        log.error("admin API request failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ApiError("internal error", e.getClass().getSimpleName() + ": see the LeaseBridge log"));
    }
}
