package dev.regionless.gateway.internal.auth;

/** Why an authorizer did not let a request through, and the HTTP status that follows from it. */
public enum Refusal {
    /** No identity, a token failing its validation expression or its signature, or the function said "Unauthorized". */
    UNAUTHORIZED(401),
    /** A policy statement denies the request's ARN. */
    EXPLICIT_DENY(403),
    /** No policy statement allows the request's ARN, or a simple response said {@code isAuthorized: false}. */
    IMPLICIT_DENY(403),
    /** The token holds none of the route's scopes. */
    INSUFFICIENT_SCOPE(403),
    /** The authorizer failed, timed out or answered something that is not a valid authorizer output. */
    ERROR(500);

    private final int status;

    Refusal(int status) {
        this.status = status;
    }

    /** The HTTP status the client gets. */
    public int status() {
        return status;
    }
}
