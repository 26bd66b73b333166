package dev.regionless.gateway.internal.auth;

/** Which kind of API an authorizer guards: it decides the event's shape, the answers and what reaches the backend. */
public enum Flavor {
    /** A REST API: TOKEN or REQUEST authorizers, IAM policies, {@code "Unauthorized"} errors mean 401. */
    REST,
    /** An HTTP API: Lambda authorizers with payload 1.0 or 2.0, and JWT authorizers. */
    HTTP,
    /** A WebSocket API's {@code $connect}: REQUEST authorizers answering with IAM policies. */
    WEBSOCKET
}
