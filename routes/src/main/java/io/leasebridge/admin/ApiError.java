package io.leasebridge.admin;

/** The body of every refused admin API request: what went wrong, and what to do about it. */
public record ApiError(String error, String detail) {
}
