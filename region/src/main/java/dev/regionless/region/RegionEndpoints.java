package dev.regionless.region;

import java.net.URI;

/**
 * Where a running region answers, as written to {@code endpoints.json}.
 *
 * @param service the AWS-compatible service port (point SDK clients here)
 * @param api the URL of the application's main HTTP API, including its stage, or {@code null} when none
 * @param websocket the URL of the first WebSocket API, including its stage ({@code ws://host:port/{stage}}), or
 *     {@code null} when none is deployed
 * @param admin the admin port
 */
public record RegionEndpoints(URI service, URI api, URI websocket, URI admin) {}
