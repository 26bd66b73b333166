/**
 * The edge's network side, on Vert.x: the active health checker, the HTTP and WebSocket reverse proxy, the DNS
 * server's sockets and the edge's admin port. Each piece reports what it sees to the engine's
 * {@link dev.regionless.router.engine.EdgeRouter} and asks it where to send traffic.
 */
package dev.regionless.router.internal;
