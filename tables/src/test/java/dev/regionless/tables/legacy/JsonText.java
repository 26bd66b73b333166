package dev.regionless.tables.legacy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Request JSON for tests, written with single quotes so that it reads like the request it stands for. */
final class JsonText {
    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(JsonParser.Feature.ALLOW_SINGLE_QUOTES).build();

    private JsonText() {}

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static ObjectNode request(String text) {
        return (ObjectNode) json(text);
    }
}
