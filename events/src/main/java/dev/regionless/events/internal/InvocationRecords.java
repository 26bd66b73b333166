package dev.regionless.events.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Lambda's asynchronous invocation record, sent to on-success and on-failure destinations: {@code version},
 * {@code timestamp}, {@code requestContext} (request id, function ARN with its version, condition, approximate
 * invoke count), the {@code requestPayload}, and how the last attempt ended ({@code responseContext},
 * {@code responsePayload}). Also the message attributes a dead-letter queue gets with the bare event.
 */
public final class InvocationRecords {
    public static final String SUCCESS = "Success";

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private InvocationRecords() {}

    /** The record for {@code event}, which ended with {@code condition} ({@link #SUCCESS} or a discard condition). */
    public static byte[] record(AsyncEvent event, String functionArn, String condition, Instant now) {
        var node = Json.mapper().createObjectNode();
        node.put("version", "1.0");
        node.put("timestamp", MILLIS.format(now));
        var request = node.putObject("requestContext");
        request.put("requestId", event.requestId());
        request.put("functionArn", functionArn + ":$LATEST");
        request.put("condition", condition);
        request.put("approximateInvokeCount", event.attempts());
        node.set("requestPayload", json(event.payload()));
        var last = event.last();
        if (last != null) {
            var response = node.putObject("responseContext");
            response.put("statusCode", last.statusCode());
            response.put("executedVersion", "$LATEST");
            if (last.functionError() != null) {
                response.put("functionError", last.functionError());
            }
            if (last.payload() != null) {
                node.set("responsePayload", json(last.payload()));
            }
        }
        return bytes(node);
    }

    /**
     * The message attributes of a dead letter: the request id, the status of the last attempt as the error code, and
     * its error message (Lambda's wording when the event was never run).
     */
    public static Map<String, String> deadLetterAttributes(AsyncEvent event, String condition) {
        var last = event.last();
        var code = last == null ? "200" : Integer.toString(last.statusCode());
        var message = last == null || last.payload() == null
                ? condition
                : errorMessage(last.payload()).orElse(condition);
        return Map.of("RequestID", event.requestId(), "ErrorCode", code, "ErrorMessage", message);
    }

    private static java.util.Optional<String> errorMessage(byte[] errorPayload) {
        var node = json(errorPayload);
        return node.hasNonNull("errorMessage")
                ? java.util.Optional.of(node.get("errorMessage").asText())
                : java.util.Optional.empty();
    }

    /** The payload as JSON, or as a JSON string when it is not JSON (a stream handler may answer anything). */
    private static JsonNode json(byte[] payload) {
        try {
            var node = Json.mapper().readTree(payload);
            return node == null || node.isMissingNode() ? Json.mapper().nullNode() : node;
        } catch (IOException e) {
            return Json.mapper().getNodeFactory().textNode(new String(payload, StandardCharsets.UTF_8));
        }
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return Json.mapper().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
