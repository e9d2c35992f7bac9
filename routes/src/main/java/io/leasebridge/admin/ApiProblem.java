package io.leasebridge.admin;

import org.springframework.http.HttpStatus;

/** A request the admin API refuses, with the status that says why. */
final class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String error;

    private ApiProblem(HttpStatus status, String error, String detail) {
        super(detail);
        this.status = status;
        this.error = error;
    }

    static ApiProblem badRequest(String error, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, error, detail);
    }

    static ApiProblem notFound(String error, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, error, detail);
    }

    static ApiProblem conflict(String error, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, error, detail);
    }

    HttpStatus status() {
        return status;
    }

    ApiError body() {
        return new ApiError(error, getMessage());
    }
}
