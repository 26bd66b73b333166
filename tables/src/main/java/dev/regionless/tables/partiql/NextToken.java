package dev.regionless.tables.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import dev.regionless.tables.TableErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a SELECT's next page starts: which of its reads, and the key that read stopped after. The token carries a
 * digest of the statement and its parameters, so a token given with another statement is refused, as DynamoDB
 * refuses it.
 *
 * @param read the index of the plan's read to continue
 * @param startKey the {@code ExclusiveStartKey} of that read, or null to start it from the beginning
 */
public record NextToken(int read, ObjectNode startKey) {
    /** The token's text for a response, tied to {@code request}, the statement and its parameters. */
    public String encode(String request) {
        var json = Json.mapper().createObjectNode();
        json.put("d", digest(request));
        json.put("r", read);
        if (startKey != null) {
            json.set("k", startKey);
        }
        return Base64.getEncoder().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A token from a request, which must have been made for the same statement and parameters. */
    public static NextToken decode(String token, String request) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(Base64.getDecoder().decode(token));
        } catch (IllegalArgumentException | IOException e) {
            throw TableErrors.validation("Invalid NextToken");
        }
        if (json == null || !json.path("d").isTextual() || !json.path("r").canConvertToInt()) {
            throw TableErrors.validation("Invalid NextToken");
        }
        if (!json.get("d").asText().equals(digest(request))) {
            throw TableErrors.validation("NextToken does not match request");
        }
        var key = json.get("k");
        return new NextToken(json.get("r").asInt(), key instanceof ObjectNode object ? object : null);
    }

    private static String digest(String request) {
        try {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            return Base64.getEncoder()
                    .encodeToString(sha.digest(request.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
