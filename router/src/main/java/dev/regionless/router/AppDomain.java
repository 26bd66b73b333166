package dev.regionless.router;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * The application's names, served by an edge: its DNS zone, the name of its HTTP APIs and the name of its
 * WebSocket APIs (both inside the zone). The edge's DNS server is authoritative for the zone; its proxy accepts
 * these names (and plain addresses) in the {@code Host} header.
 *
 * @param zone the zone, for example {@code quack.regionless.test}
 * @param apiName the HTTP API's name, for example {@code api.quack.regionless.test}
 * @param webSocketName the WebSocket API's name, for example {@code ws.quack.regionless.test}
 */
public record AppDomain(String zone, String apiName, String webSocketName) {
    public AppDomain {
        zone = normalized("zone", zone);
        apiName = normalized("apiName", apiName);
        webSocketName = normalized("webSocketName", webSocketName);
        for (var name : new String[] {apiName, webSocketName}) {
            if (!name.endsWith("." + zone)) {
                throw new IllegalArgumentException(
                        "name: " + name + " (expected: a name inside the zone " + zone + ")");
            }
        }
    }

    /** {@code api.<zone>} and {@code ws.<zone>}. */
    public static AppDomain of(String zone) {
        return new AppDomain(zone, "api." + zone, "ws." + zone);
    }

    private static String normalized(String what, String name) {
        requireNonNull(name, what);
        var lower = name.toLowerCase(Locale.ROOT);
        lower = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        if (!lower.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
            throw new IllegalArgumentException(what + ": " + name + " (expected: a DNS name such as example.test)");
        }
        return lower;
    }
}
