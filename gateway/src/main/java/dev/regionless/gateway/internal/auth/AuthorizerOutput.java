package dev.regionless.gateway.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import java.io.IOException;

/** What a Lambda authorizer answered: an IAM policy, or (HTTP APIs, payload 2.0) a simple yes or no. */
sealed interface AuthorizerOutput {

    /** The context the function returned, passed to the backend; empty when it returned none. */
    ObjectNode context();

    /** {@code {principalId, policyDocument, context}}. */
    record Policy(String principalId, JsonNode policyDocument, ObjectNode context) implements AuthorizerOutput {}

    /** {@code {isAuthorized, context}}. */
    record Simple(boolean authorized, ObjectNode context) implements AuthorizerOutput {}

    /**
     * Reads the function's answer.
     *
     * @param simple whether the authorizer expects simple responses
     * @param primitiveContext whether context values must be strings, numbers or booleans (REST and WebSocket)
     * @throws IllegalArgumentException naming what is wrong with the answer
     */
    static AuthorizerOutput parse(byte[] payload, boolean simple, boolean primitiveContext) {
        JsonNode answer;
        try {
            answer = Json.mapper().readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("the answer is not JSON");
        }
        if (answer == null || !answer.isObject()) {
            throw new IllegalArgumentException("the answer is not a JSON object");
        }
        var context = context(answer.get("context"), primitiveContext);
        if (simple) {
            var authorized = answer.get("isAuthorized");
            if (authorized == null || !authorized.isBoolean()) {
                throw new IllegalArgumentException("isAuthorized: " + authorized + " (expected: true or false)");
            }
            return new Simple(authorized.asBoolean(), context);
        }
        var principal = answer.get("principalId");
        var document = answer.get("policyDocument");
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException("policyDocument: " + document + " (expected: an IAM policy)");
        }
        return new Policy(principal == null || principal.isNull() ? null : principal.asText(), document, context);
    }

    private static ObjectNode context(JsonNode node, boolean primitiveOnly) {
        if (node == null || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("context: " + node + " (expected: an object)");
        }
        if (primitiveOnly) {
            node.properties().forEach(entry -> {
                var value = entry.getValue();
                if (!(value.isTextual() || value.isNumber() || value.isBoolean())) {
                    throw new IllegalArgumentException(
                            "context." + entry.getKey() + ": " + value + " (expected: a string, number or boolean)");
                }
            });
        }
        return (ObjectNode) node;
    }
}
