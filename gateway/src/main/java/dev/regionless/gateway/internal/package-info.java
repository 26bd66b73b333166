/**
 * The gateway's request pipeline, free of any HTTP server's types: find the API and route, answer CORS preflight,
 * throttle, build the proxy event, invoke the function within the integration timeout, map its answer. The
 * subpackages hold the pure parts; {@link dev.regionless.gateway.HttpGateway} only adapts Vert.x to this.
 */
package dev.regionless.gateway.internal;
