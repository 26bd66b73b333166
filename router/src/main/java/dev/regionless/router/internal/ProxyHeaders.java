package dev.regionless.router.internal;

import io.vertx.core.MultiMap;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the edge: hop-by-hop headers (RFC 9110 section 7.6.1) stay behind, the rest pass, and the
 * request gains {@code X-Forwarded-For}, {@code -Proto} and {@code -Host} so the region sees who asked.
 */
final class ProxyHeaders {
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "content-length");
    /** The handshake's own headers: the edge makes its own handshake with the region. */
    private static final Set<String> WEBSOCKET_HANDSHAKE = Set.of(
            "sec-websocket-key",
            "sec-websocket-version",
            "sec-websocket-extensions",
            "sec-websocket-protocol",
            "sec-websocket-accept",
            "origin");

    private ProxyHeaders() {}

    /** The headers to send the region for a client's request. */
    static MultiMap forRequest(MultiMap incoming, SocketAddress client, HostAndPort authority, boolean webSocket) {
        var named = connectionNamed(incoming);
        var out = MultiMap.caseInsensitiveMultiMap();
        for (var entry : incoming) {
            var name = entry.getKey().toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(name)
                    || named.contains(name)
                    || (webSocket && WEBSOCKET_HANDSHAKE.contains(name))) {
                continue;
            }
            out.add(entry.getKey(), entry.getValue());
        }
        var clientAddress = client == null ? null : client.hostAddress();
        if (clientAddress != null) {
            var earlier = out.get("X-Forwarded-For");
            out.set("X-Forwarded-For", earlier == null ? clientAddress : earlier + ", " + clientAddress);
        }
        if (!out.contains("X-Forwarded-Proto")) {
            out.set("X-Forwarded-Proto", webSocket ? "ws" : "http");
        }
        if (authority != null && !out.contains("X-Forwarded-Host")) {
            out.set("X-Forwarded-Host", authority.toString());
        }
        return out;
    }

    /** Whether a region's response header is passed back to the client. */
    static boolean passesBack(String name, Set<String> connectionNamed) {
        var lower = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(lower) && !connectionNamed.contains(lower);
    }

    /** Headers a {@code Connection} header names are hop-by-hop too. */
    static Set<String> connectionNamed(MultiMap headers) {
        var values = headers.getAll("Connection");
        if (values.isEmpty()) {
            return Set.of();
        }
        var names = new java.util.HashSet<String>();
        for (var value : values) {
            for (var token : value.split(",")) {
                names.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
