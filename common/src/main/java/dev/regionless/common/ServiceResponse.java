package dev.regionless.common;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP response from a service port, free of any HTTP library's types.
 *
 * @param status the HTTP status code
 * @param headers header values by name
 * @param body the response body, possibly empty
 */
public record ServiceResponse(int status, Map<String, String> headers, byte[] body) {

    public ServiceResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** A JSON response with the given status. */
    public static ServiceResponse json(int status, Object value) {
        try {
            var bytes = Json.mapper().writeValueAsBytes(value);
            return new ServiceResponse(status, Map.of("Content-Type", "application/json"), bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A plain text response with the given status. */
    public static ServiceResponse text(int status, String text) {
        return new ServiceResponse(
                status, Map.of("Content-Type", "text/plain; charset=utf-8"), text.getBytes(StandardCharsets.UTF_8));
    }

    /** This response with one more header. */
    public ServiceResponse withHeader(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ServiceResponse(status, copy, body);
    }
}
