package dev.regionless.gateway.internal.payload;

import dev.regionless.gateway.ApiType;
import dev.regionless.gateway.internal.message.GatewayRequest;
import java.time.Instant;
import java.util.Map;

/** Proxy requests as the pipeline would make them, with fixed ids and time, for event tests. */
final class ProxyRequests {
    static final Instant TIME = Instant.parse("2015-04-09T12:34:56.789Z");

    private ProxyRequests() {}

    static ProxyRequest rest(GatewayRequest request, String routeKey, String pathInStage, Map<String, String> params) {
        return new ProxyRequest(
                request,
                ApiType.REST,
                "abc123",
                "Prod",
                "123456789012",
                routeKey,
                routeKey.substring(routeKey.indexOf(' ') + 1),
                pathInStage,
                params,
                "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
                "JkHtBjcWIAMEVOg=",
                TIME,
                "abc123.execute-api.eu-west-2.amazonaws.com");
    }

    static ProxyRequest http(GatewayRequest request, String routeKey, Map<String, String> params) {
        var resource = routeKey.equals("$default") ? request.rawPath() : routeKey.substring(routeKey.indexOf(' ') + 1);
        return new ProxyRequest(
                request,
                ApiType.HTTP,
                "abc123",
                "$default",
                "123456789012",
                routeKey,
                resource,
                request.rawPath(),
                params,
                "JkHtBjcWIAMEVOg=",
                "JkHtBjcWIAMEVOg=",
                TIME,
                "abc123.execute-api.eu-west-2.amazonaws.com");
    }
}
