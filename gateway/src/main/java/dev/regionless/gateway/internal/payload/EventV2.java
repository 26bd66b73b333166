package dev.regionless.gateway.internal.payload;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.gateway.internal.message.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * The payload format 2.0 event ({@code APIGatewayV2HTTPEvent}): lower-case header names with duplicates
 * comma-joined, cookies in their own list, comma-joined query parameters, and absent parts left out.
 */
public final class EventV2 {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventV2() {}

    /** Builds the event; {@code base64Body} says whether the body travels base64-encoded. */
    public static ObjectNode of(ProxyRequest proxy, boolean base64Body) {
        var request = proxy.request();
        var event = NODES.objectNode();
        event.put("version", "2.0");
        event.put("routeKey", proxy.routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery());
        var cookies = cookies(request.headers());
        if (!cookies.isEmpty()) {
            var array = event.putArray("cookies");
            cookies.forEach(array::add);
        }
        event.set("headers", headers(request.headers()));
        var query = QueryParameters.parse(request.rawQuery());
        if (!query.isEmpty()) {
            event.set("queryStringParameters", EventV1.stringMap(query.commaJoined()));
        }
        if (!proxy.pathParameters().isEmpty()) {
            event.set("pathParameters", EventV1.stringMap(proxy.pathParameters()));
        }
        event.set("requestContext", requestContext(proxy));
        if (request.body().length > 0) {
            event.put(
                    "body",
                    base64Body
                            ? Base64.getEncoder().encodeToString(request.body())
                            : new String(request.body(), StandardCharsets.UTF_8));
        }
        event.put("isBase64Encoded", base64Body && request.body().length > 0);
        return event;
    }

    private static ObjectNode headers(List<Header> headers) {
        var joined = new LinkedHashMap<String, String>();
        for (var header : headers) {
            if (header.named("Cookie")) {
                continue;
            }
            joined.merge(header.name().toLowerCase(Locale.ROOT), header.value(), (a, b) -> a + "," + b);
        }
        return EventV1.stringMap(joined);
    }

    private static List<String> cookies(List<Header> headers) {
        var cookies = new ArrayList<String>();
        for (var header : headers) {
            if (header.named("Cookie")) {
                for (var cookie : header.value().split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.trim());
                    }
                }
            }
        }
        return cookies;
    }

    private static ObjectNode requestContext(ProxyRequest proxy) {
        var request = proxy.request();
        var context = NODES.objectNode();
        context.put("accountId", proxy.accountId());
        context.put("apiId", proxy.apiId());
        if (proxy.authorizer() != null) {
            context.set("authorizer", proxy.authorizer());
        }
        context.put("domainName", proxy.domainName());
        context.put("domainPrefix", proxy.domainPrefix());
        var http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.header("User-Agent").orElse(""));
        context.put("requestId", proxy.requestId());
        context.put("routeKey", proxy.routeKey());
        context.put("stage", proxy.stage());
        context.put("time", RequestTimes.format(proxy.time()));
        context.put("timeEpoch", proxy.time().toEpochMilli());
        return context;
    }
}
