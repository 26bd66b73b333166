package dev.regionless.gateway.internal.payload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.gateway.internal.message.Header;
import dev.regionless.gateway.internal.payload.ResponseMapping.MalformedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reading the fields of a proxy response object, each checked against the contract AWS enforces. */
final class ProxyResponseFields {

    private ProxyResponseFields() {}

    /** {@code statusCode}: an integer (or a string holding one) from 100 to 599. */
    static int statusCode(JsonNode root) {
        var node = root.get("statusCode");
        int status;
        if (node != null && node.canConvertToInt() && node.isIntegralNumber()) {
            status = node.intValue();
        } else if (node != null && node.isTextual() && node.textValue().matches("\\d{3}")) {
            status = Integer.parseInt(node.textValue());
        } else {
            throw new MalformedException("statusCode: " + node + " (expected: an integer HTTP status)");
        }
        if (status < 100 || status > 599) {
            throw new MalformedException("statusCode: " + status + " (expected: 100..599)");
        }
        return status;
    }

    /**
     * {@code headers} (scalar values), merged with {@code multiValueHeaders} (arrays of scalars) when asked;
     * a name present in both takes the multi-value list, as API Gateway documents.
     */
    static List<Header> headers(JsonNode root, boolean withMultiValue) {
        var multi = new ArrayList<Header>();
        if (withMultiValue) {
            forEachField(root, "multiValueHeaders", (name, value) -> {
                if (!value.isArray()) {
                    throw new MalformedException("multiValueHeaders." + name + " (expected: an array)");
                }
                value.forEach(item -> multi.add(new Header(name, scalar("multiValueHeaders." + name, item))));
            });
        }
        var result = new ArrayList<Header>();
        forEachField(root, "headers", (name, value) -> {
            if (multi.stream().noneMatch(h -> h.named(name)) && !value.isNull()) {
                result.add(new Header(name, scalar("headers." + name, value)));
            }
        });
        result.addAll(multi);
        return result;
    }

    /** {@code cookies}: an array of strings, each one {@code Set-Cookie} value. */
    static List<String> cookies(JsonNode root) {
        var node = root.get("cookies");
        var cookies = new ArrayList<String>();
        if (node == null || node.isNull()) {
            return cookies;
        }
        if (!node.isArray()) {
            throw new MalformedException("cookies (expected: an array of strings)");
        }
        node.forEach(item -> cookies.add(scalar("cookies", item)));
        return cookies;
    }

    /** {@code body}: absent, null or a string; base64-decoded when {@code isBase64Encoded} is true and asked. */
    static byte[] body(JsonNode root, boolean decodeBase64) {
        var node = root.get("body");
        if (node == null || node.isNull()) {
            return new byte[0];
        }
        if (!node.isTextual()) {
            throw new MalformedException("body (expected: a string; serialize objects to JSON text)");
        }
        var flag = root.get("isBase64Encoded");
        boolean base64 = flag != null && (flag.asBoolean(false) || "true".equalsIgnoreCase(flag.asText()));
        return base64 && decodeBase64
                ? ResponseMapping.decodeBase64(node.textValue())
                : node.textValue().getBytes(StandardCharsets.UTF_8);
    }

    private static void forEachField(JsonNode root, String field, FieldVisitor visitor) {
        var node = root.get(field);
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw new MalformedException(field + " (expected: an object)");
        }
        node.properties().forEach(entry -> visitor.visit(entry.getKey(), entry.getValue()));
    }

    private static String scalar(String where, JsonNode value) {
        if (!value.isValueNode() || value.isNull()) {
            throw new MalformedException(where + " (expected: a string, number or boolean)");
        }
        return value.asText();
    }

    @FunctionalInterface
    private interface FieldVisitor {
        void visit(String name, JsonNode value);
    }
}
