package dev.regionless.gateway.internal.payload;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.gateway.ApiType;
import dev.regionless.gateway.internal.message.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payload format 1.0 event ({@code APIGatewayProxyRequestEvent}): headers and query parameters both single-
 * and multi-valued, absent parts as explicit {@code null}s, and the REST-style {@code requestContext}.
 */
public final class EventV1 {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> NULL_IDENTITY_FIELDS = List.of(
            "cognitoIdentityPoolId",
            "accountId",
            "cognitoIdentityId",
            "caller",
            "apiKey",
            "principalOrgId",
            "accessKey",
            "cognitoAuthenticationType",
            "cognitoAuthenticationProvider",
            "userArn",
            "user");

    private EventV1() {}

    /** Builds the event; {@code base64Body} says whether the body travels base64-encoded. */
    public static ObjectNode of(ProxyRequest proxy, boolean base64Body) {
        var request = proxy.request();
        var event = NODES.objectNode();
        if (proxy.apiType() == ApiType.HTTP) {
            event.put("version", "1.0");
        }
        event.put("resource", proxy.resourcePath());
        event.put("path", proxy.eventPath());
        event.put("httpMethod", request.method());
        headers(event, request.headers());
        queryParameters(event, QueryParameters.parse(request.rawQuery()));
        event.set("pathParameters", proxy.pathParameters().isEmpty() ? null : stringMap(proxy.pathParameters()));
        event.set("stageVariables", null);
        event.set("requestContext", requestContext(proxy));
        body(event, request.body(), base64Body);
        return event;
    }

    private static void headers(ObjectNode event, List<Header> headers) {
        if (headers.isEmpty()) {
            event.set("headers", null);
            event.set("multiValueHeaders", null);
            return;
        }
        var single = new LinkedHashMap<String, String>();
        var multi = new LinkedHashMap<String, List<String>>();
        for (var header : headers) {
            single.put(header.name(), header.value());
            multi.computeIfAbsent(header.name(), k -> new ArrayList<>()).add(header.value());
        }
        event.set("headers", stringMap(single));
        event.set("multiValueHeaders", listMap(multi));
    }

    private static void queryParameters(ObjectNode event, QueryParameters query) {
        event.set("queryStringParameters", query.isEmpty() ? null : stringMap(query.lastValues()));
        event.set("multiValueQueryStringParameters", query.isEmpty() ? null : listMap(query.values()));
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
        context.put("extendedRequestId", proxy.extendedRequestId());
        context.put("httpMethod", request.method());
        context.set("identity", identity(proxy));
        context.put("path", request.rawPath());
        context.put("protocol", request.protocol());
        context.put("requestId", proxy.requestId());
        context.put("requestTime", RequestTimes.format(proxy.time()));
        context.put("requestTimeEpoch", proxy.time().toEpochMilli());
        context.put("resourceId", resourceId(proxy.routeKey()));
        context.put("resourcePath", proxy.resourcePath());
        context.put("stage", proxy.stage());
        return context;
    }

    private static ObjectNode identity(ProxyRequest proxy) {
        var identity = NODES.objectNode();
        NULL_IDENTITY_FIELDS.forEach(identity::putNull);
        identity.put("sourceIp", proxy.request().sourceIp());
        identity.put("userAgent", proxy.request().header("User-Agent").orElse(null));
        return identity;
    }

    // AWS resource ids are six lower-case characters, stable for a resource; a hash of the route keeps them stable.
    private static String resourceId(String routeKey) {
        return String.format("%06x", routeKey.hashCode() & 0xffffff);
    }

    private static void body(ObjectNode event, byte[] body, boolean base64) {
        if (body.length == 0) {
            event.putNull("body");
            event.put("isBase64Encoded", false);
        } else {
            event.put(
                    "body",
                    base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
            event.put("isBase64Encoded", base64);
        }
    }

    static ObjectNode stringMap(Map<String, String> values) {
        var node = NODES.objectNode();
        values.forEach(node::put);
        return node;
    }

    private static ObjectNode listMap(Map<String, List<String>> values) {
        var node = NODES.objectNode();
        values.forEach((name, list) -> {
            var array = node.putArray(name);
            list.forEach(array::add);
        });
        return node;
    }
}
