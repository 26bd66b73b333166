package dev.regionless.gateway.internal.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.regionless.common.Json;

/**
 * The messages API Gateway itself sends a client when its message went nowhere, byte for byte: AWS's JSON keeps a
 * space after the first colon only.
 */
public final class ErrorFrames {
    private ErrorFrames() {}

    /** No route fits the message and the API has no {@code $default}. */
    public static String forbidden(String connectionId, String requestId) {
        return frame("Forbidden", connectionId, requestId);
    }

    /** The function failed, was throttled or is missing. */
    public static String internalServerError(String connectionId, String requestId) {
        return frame("Internal server error", connectionId, requestId);
    }

    /** The function did not answer within the integration timeout. */
    public static String timedOut(String connectionId, String requestId) {
        return frame("Endpoint request timed out", connectionId, requestId);
    }

    private static String frame(String message, String connectionId, String requestId) {
        return "{\"message\": " + quoted(message) + ", \"connectionId\":" + quoted(connectionId) + ", \"requestId\":"
                + quoted(requestId) + "}";
    }

    private static String quoted(String value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string is always JSON", e);
        }
    }
}
