package dev.regionless.router.internal;

import dev.regionless.router.AppDomain;
import io.vertx.core.net.HostAndPort;
import java.util.Locale;

/**
 * Reads a request's {@code Host}: the app's API name, its WebSocket name, a plain address (a client that found
 * the edge by address, as in the demo), or a name this edge does not serve.
 */
public final class HostNames {
    /** What a {@code Host} names. */
    public enum Kind {
        API,
        WEBSOCKET,
        ADDRESS,
        UNKNOWN
    }

    private final AppDomain domain;

    public HostNames(AppDomain domain) {
        this.domain = domain;
    }

    public Kind classify(HostAndPort authority) {
        if (authority == null || authority.host() == null || authority.host().isEmpty()) {
            return Kind.ADDRESS; // HTTP/1.0 without Host: the client came by address
        }
        var host = authority.host().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.equals(domain.apiName())) {
            return Kind.API;
        }
        if (host.equals(domain.webSocketName())) {
            return Kind.WEBSOCKET;
        }
        if (host.equals("localhost") || isAddress(host)) {
            return Kind.ADDRESS;
        }
        return Kind.UNKNOWN;
    }

    static boolean isAddress(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.startsWith("[") || host.contains(":");
    }
}
