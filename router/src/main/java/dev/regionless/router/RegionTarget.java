package dev.regionless.router;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * A region as an edge knows it: by name, location and addresses only. The edge never calls into a region's code;
 * it forwards to these addresses and health-checks them.
 *
 * @param name the region name, for example {@code eu-west-2}
 * @param location where the region is, for people reading the status (for example {@code London})
 * @param http the root of the region's app port, where its HTTP APIs answer ({@code http://host:port})
 * @param webSocket the root of the region's WebSocket port ({@code ws://host:port})
 * @param admin the root of the region's admin port ({@code http://host:port})
 */
public record RegionTarget(String name, String location, URI http, URI webSocket, URI admin) {
    public RegionTarget {
        requireNonNull(name, "name");
        requireNonNull(location, "location");
        requireNonNull(http, "http");
        requireNonNull(webSocket, "webSocket");
        requireNonNull(admin, "admin");
        checkRoot("http", http, "http");
        checkRoot("webSocket", webSocket, "ws");
        checkRoot("admin", admin, "http");
    }

    private static void checkRoot(String what, URI uri, String scheme) {
        if (!scheme.equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
            throw new IllegalArgumentException(
                    what + ": " + uri + " (expected: " + scheme + "://host:port, with an explicit port)");
        }
    }

    /** This region's root for a health check: its app port or its admin port. */
    public URI root(HealthCheckConfig.Endpoint endpoint) {
        return switch (endpoint) {
            case HTTP -> http;
            case ADMIN -> admin;
        };
    }
}
