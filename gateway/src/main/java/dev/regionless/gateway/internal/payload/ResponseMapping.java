package dev.regionless.gateway.internal.payload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.gateway.ApiType;
import dev.regionless.gateway.internal.message.GatewayResponse;
import dev.regionless.gateway.internal.message.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Turns a function's answer into the HTTP response. Format 1.0 demands {@code statusCode} (plus optional
 * {@code headers}, {@code multiValueHeaders}, {@code body}, {@code isBase64Encoded}); format 2.0 also takes
 * {@code cookies}, and treats any other valid JSON as a 200 {@code application/json} body. Unknown fields are
 * ignored. A function's {@code Content-Length}, {@code Transfer-Encoding} and {@code Connection} headers are
 * dropped: the gateway frames the body itself.
 */
public final class ResponseMapping {
    private static final List<String> FRAMING_HEADERS = List.of("Content-Length", "Transfer-Encoding", "Connection");
    private static final String REST_DEFAULT_TYPE = "application/json";
    private static final String HTTP_DEFAULT_TYPE = "text/plain; charset=utf-8";

    private ResponseMapping() {}

    /**
     * Maps a 1.0 answer. A REST API decodes a base64 body only when the request's first {@code Accept} type or
     * the response's content type is one of its binary media types; otherwise the base64 text is sent as is.
     */
    public static MappedResponse v1(byte[] payload, ApiType type, Optional<String> accept, List<String> binaryTypes) {
        try {
            var root = parseObject(payload);
            var headers = ProxyResponseFields.headers(root, true);
            var contentType = headers.stream()
                    .filter(h -> h.named("Content-Type"))
                    .map(Header::value)
                    .findFirst();
            boolean decode = type == ApiType.HTTP
                    || accept.map(a -> MediaTypes.matchesAny(firstMediaType(a), binaryTypes))
                            .orElse(false)
                    || contentType
                            .map(ct -> MediaTypes.matchesAny(ct, binaryTypes))
                            .orElse(false);
            var body = ProxyResponseFields.body(root, decode);
            var defaultType = type == ApiType.REST ? REST_DEFAULT_TYPE : HTTP_DEFAULT_TYPE;
            return ok(ProxyResponseFields.statusCode(root), withDefaultType(headers, defaultType), body);
        } catch (MalformedException e) {
            return new MappedResponse.Malformed(e.getMessage());
        }
    }

    /** Maps a 2.0 answer; base64 bodies are always decoded. */
    public static MappedResponse v2(byte[] payload) {
        try {
            var root = readTree(payload);
            if (!root.isObject() || !root.has("statusCode")) {
                return inferred(root, payload);
            }
            var headers = ProxyResponseFields.headers(root, false);
            for (var cookie : ProxyResponseFields.cookies(root)) {
                headers.add(new Header("Set-Cookie", cookie));
            }
            var body = ProxyResponseFields.body(root, true);
            return ok(ProxyResponseFields.statusCode(root), withDefaultType(headers, HTTP_DEFAULT_TYPE), body);
        } catch (MalformedException e) {
            return new MappedResponse.Malformed(e.getMessage());
        }
    }

    // Valid JSON without statusCode: 200, application/json, the JSON itself as body (a string gives its value).
    private static MappedResponse inferred(JsonNode root, byte[] payload) {
        var body = root.isTextual() ? root.textValue().getBytes(StandardCharsets.UTF_8) : payload;
        return new MappedResponse.Ok(
                new GatewayResponse(200, List.of(new Header("Content-Type", "application/json")), body));
    }

    private static JsonNode parseObject(byte[] payload) {
        var root = readTree(payload);
        if (!root.isObject()) {
            throw new MalformedException("the answer is not a JSON object");
        }
        return root;
    }

    private static JsonNode readTree(byte[] payload) {
        try {
            var root = Json.mapper().readTree(payload);
            if (root == null || root.isMissingNode()) {
                throw new MalformedException("the answer is empty");
            }
            return root;
        } catch (IOException e) {
            throw new MalformedException("the answer is not JSON: " + e.getMessage());
        }
    }

    private static MappedResponse ok(int status, List<Header> headers, byte[] body) {
        return new MappedResponse.Ok(new GatewayResponse(status, headers, body));
    }

    private static List<Header> withDefaultType(List<Header> headers, String defaultType) {
        var result = new ArrayList<Header>();
        for (var header : headers) {
            if (FRAMING_HEADERS.stream().noneMatch(header::named)) {
                result.add(header);
            }
        }
        if (result.stream().noneMatch(h -> h.named("Content-Type"))) {
            result.add(0, new Header("Content-Type", defaultType));
        }
        return result;
    }

    private static String firstMediaType(String accept) {
        int comma = accept.indexOf(',');
        return comma < 0 ? accept : accept.substring(0, comma);
    }

    /** A broken proxy response contract; the message says what was wrong. */
    static final class MalformedException extends RuntimeException {
        MalformedException(String message) {
            super(message, null, false, false);
        }
    }

    static byte[] decodeBase64(String text) {
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedException("isBase64Encoded is true but body is not base64");
        }
    }
}
