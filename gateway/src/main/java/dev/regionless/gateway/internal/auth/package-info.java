/**
 * API Gateway's authorizers: Lambda TOKEN and REQUEST authorizers with IAM policy evaluation and result caching, and
 * HTTP APIs' JWT authorizers with keys from the issuer's JWKS. Each answers a {@link
 * dev.regionless.gateway.internal.auth.Decision} that the request pipeline (or the WebSocket handshake) acts on.
 */
package dev.regionless.gateway.internal.auth;
