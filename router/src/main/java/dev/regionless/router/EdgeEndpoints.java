package dev.regionless.router;

import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Where a running edge answers.
 *
 * @param http the proxy's root for HTTP ({@code http://host:port}); the app's paths follow, stage included
 * @param webSocket the same port for WebSocket clients ({@code ws://host:port})
 * @param dns the DNS server's address (UDP and TCP)
 * @param admin the edge's admin port ({@code /admin/edge})
 */
public record EdgeEndpoints(URI http, URI webSocket, InetSocketAddress dns, URI admin) {}
