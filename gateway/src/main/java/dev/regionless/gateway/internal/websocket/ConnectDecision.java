package dev.regionless.gateway.internal.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.functions.InvocationResult;
import dev.regionless.gateway.internal.Integration.Outcome;
import java.io.IOException;

/**
 * Whether the {@code $connect} function lets the client in. A 2xx {@code statusCode} accepts; so does an answer
 * with no status at all ({@code null}, or JSON without {@code statusCode}), as for other Lambda proxy answers
 * without one. Any other status refuses the handshake with that status; a failed function 502, a timeout 504, a
 * throttled one 429. An accepting answer's {@code Sec-WebSocket-Protocol} header is the subprotocol the handshake
 * answers with, as API Gateway takes it from the {@code $connect} integration's response.
 */
public sealed interface ConnectDecision {
    /** The protocol header, as a {@code $connect} answer's {@code headers} carry it (matched ignoring case). */
    String SUB_PROTOCOL_HEADER = "Sec-WebSocket-Protocol";

    /**
     * The handshake completes and the connection opens.
     *
     * @param subProtocol the subprotocol chosen by the function, or {@code null} for none
     */
    record Accept(String subProtocol) implements ConnectDecision {}

    /** The handshake is answered with this HTTP status instead of 101. */
    record Reject(int status) implements ConnectDecision {}

    /** The decision for one outcome of the {@code $connect} integration. */
    static ConnectDecision of(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Answered(InvocationResult.Completed completed) -> ofPayload(completed.payload());
            case Outcome.Answered(InvocationResult.Failed failed) -> new Reject(502);
            case Outcome.Answered(InvocationResult.Throttled throttled) -> new Reject(429);
            case Outcome.TimedOut timedOut -> new Reject(504);
            case Outcome.UnknownFunction unknown -> new Reject(502);
            case Outcome.Crashed crashed -> new Reject(500);
        };
    }

    private static ConnectDecision ofPayload(byte[] payload) {
        JsonNode answer;
        try {
            answer = payload.length == 0 ? null : Json.mapper().readTree(payload);
        } catch (IOException e) {
            return new Accept(null);
        }
        var status = answer == null || !answer.isObject() ? null : answer.get("statusCode");
        if (status == null || status.isNull()) {
            return new Accept(subProtocol(answer));
        }
        int code = status.isIntegralNumber() ? status.asInt() : parse(status.asText());
        if (code < 100 || code > 599) {
            return new Reject(502);
        }
        return code >= 200 && code < 300 ? new Accept(subProtocol(answer)) : new Reject(code);
    }

    private static String subProtocol(JsonNode answer) {
        var headers = answer == null || !answer.isObject() ? null : answer.get("headers");
        if (headers == null || !headers.isObject()) {
            return null;
        }
        for (var field : headers.properties()) {
            if (field.getKey().equalsIgnoreCase(SUB_PROTOCOL_HEADER)
                    && field.getValue().isTextual()) {
                var value = field.getValue().asText().trim();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static int parse(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
