package dev.regionless.gateway.internal.cors;

import static java.util.Objects.requireNonNull;

import dev.regionless.gateway.Cors;
import dev.regionless.gateway.internal.message.GatewayRequest;
import dev.regionless.gateway.internal.message.GatewayResponse;
import dev.regionless.gateway.internal.message.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One API's CORS configuration turned into answers. HTTP APIs answer preflight requests with 204 and add the
 * allow headers to every response for an allowed origin, dropping the function's own CORS headers as AWS does.
 * REST APIs answer OPTIONS like the mock methods SAM generates (200, the configured headers) and leave the
 * headers of proxied responses alone.
 */
public final class CorsPolicy {
    private static final String ALL = "*";

    private final Cors cors;

    public CorsPolicy(Cors cors) {
        this.cors = requireNonNull(cors, "cors");
    }

    /** A preflight request: OPTIONS with both {@code Origin} and {@code Access-Control-Request-Method}. */
    public static boolean isPreflight(GatewayRequest request) {
        return "OPTIONS".equals(request.method())
                && request.header("Origin").isPresent()
                && request.header("Access-Control-Request-Method").isPresent();
    }

    /** Whether a header is a CORS response header ({@code Access-Control-*}). */
    public static boolean isCorsHeader(Header header) {
        return header.name().toLowerCase(Locale.ROOT).startsWith("access-control-");
    }

    /** Whether the configuration allows this origin ({@code *}, a scheme wildcard, or the exact origin). */
    public boolean allowsOrigin(String origin) {
        for (var allowed : cors.allowOrigins()) {
            if (ALL.equals(allowed) || allowed.equalsIgnoreCase(origin)) {
                return true;
            }
            if (allowed.endsWith("://*")
                    && origin.toLowerCase(Locale.ROOT)
                            .startsWith(
                                    allowed.substring(0, allowed.length() - 1).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** An HTTP API's own answer to a preflight request: 204, with allow headers when the origin is allowed. */
    public GatewayResponse httpPreflight(GatewayRequest request) {
        var headers = new ArrayList<Header>();
        var origin = request.header("Origin").orElse("");
        if (allowsOrigin(origin)) {
            headers.add(new Header("Access-Control-Allow-Origin", allowOriginValue(origin)));
            listHeader(
                    headers,
                    "Access-Control-Allow-Methods",
                    cors.allowMethods(),
                    request.header("Access-Control-Request-Method"));
            listHeader(
                    headers,
                    "Access-Control-Allow-Headers",
                    cors.allowHeaders(),
                    request.header("Access-Control-Request-Headers"));
            commonPreflightHeaders(headers);
        }
        return new GatewayResponse(204, headers, new byte[0]);
    }

    /**
     * The CORS headers an HTTP API adds to a normal response: none without an allowed {@code Origin}; else
     * {@code Access-Control-Allow-Origin}, and the credentials and expose headers when configured.
     */
    public List<Header> httpResponseHeaders(GatewayRequest request) {
        var origin = request.header("Origin");
        if (origin.isEmpty() || !allowsOrigin(origin.get())) {
            return List.of();
        }
        var headers = new ArrayList<Header>();
        headers.add(new Header("Access-Control-Allow-Origin", allowOriginValue(origin.get())));
        if (cors.allowCredentials()) {
            headers.add(new Header("Access-Control-Allow-Credentials", "true"));
        }
        if (!cors.exposeHeaders().isEmpty()) {
            headers.add(new Header("Access-Control-Expose-Headers", String.join(",", cors.exposeHeaders())));
        }
        return headers;
    }

    /**
     * The answer of a REST API's generated OPTIONS method: 200 and the configured headers, whatever the
     * request's origin; without configured methods, the methods defined on the path, as SAM does.
     *
     * @param pathMethods the methods of the routes on this path, OPTIONS included
     */
    public GatewayResponse restPreflight(GatewayRequest request, List<String> pathMethods) {
        var headers = new ArrayList<Header>();
        var origin = request.header("Origin").orElse("");
        headers.add(new Header("Content-Type", "application/json"));
        headers.add(new Header("Access-Control-Allow-Origin", restOriginValue(origin)));
        var methods = cors.allowMethods().isEmpty() ? pathMethods : cors.allowMethods();
        headers.add(new Header("Access-Control-Allow-Methods", String.join(",", methods)));
        if (!cors.allowHeaders().isEmpty()) {
            headers.add(new Header("Access-Control-Allow-Headers", String.join(",", cors.allowHeaders())));
        }
        commonPreflightHeaders(headers);
        return new GatewayResponse(200, headers, new byte[0]);
    }

    private void commonPreflightHeaders(List<Header> headers) {
        if (cors.maxAgeSeconds() != null) {
            headers.add(
                    new Header("Access-Control-Max-Age", cors.maxAgeSeconds().toString()));
        }
        if (cors.allowCredentials()) {
            headers.add(new Header("Access-Control-Allow-Credentials", "true"));
        }
    }

    // With credentials a browser refuses "*", so the request's own value is echoed instead.
    private void listHeader(List<Header> headers, String name, List<String> configured, Optional<String> asked) {
        if (configured.isEmpty()) {
            return;
        }
        var value = configured.contains(ALL) && cors.allowCredentials() && asked.isPresent()
                ? asked.get()
                : String.join(",", configured);
        headers.add(new Header(name, value));
    }

    private String allowOriginValue(String origin) {
        return cors.allowOrigins().contains(ALL) && !cors.allowCredentials() ? ALL : origin;
    }

    private String restOriginValue(String origin) {
        if (cors.allowOrigins().size() == 1) {
            return cors.allowOrigins().get(0);
        }
        if (!origin.isEmpty() && allowsOrigin(origin)) {
            return allowOriginValue(origin);
        }
        return cors.allowOrigins().isEmpty() ? ALL : cors.allowOrigins().get(0);
    }
}
