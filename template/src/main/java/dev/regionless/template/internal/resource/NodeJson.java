package dev.regionless.template.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Sequence;
import dev.regionless.template.internal.node.Values;
import java.io.IOException;

/**
 * A policy property that CloudFormation takes either as a YAML mapping or as JSON text ({@code FilterPolicy},
 * {@code RedrivePolicy}), as the JSON text the service stores. Numbers and booleans stay numbers and booleans.
 */
final class NodeJson {
    private NodeJson() {}

    /** The property as JSON text: a mapping converted, text checked to be a JSON object. */
    static String policy(Node node, String expected) {
        if (node instanceof Scalar) {
            var text = Values.string(node);
            try {
                if (Json.mapper().readTree(text) instanceof com.fasterxml.jackson.databind.node.ObjectNode) {
                    return text;
                }
            } catch (IOException e) {
                // answered below
            }
            throw Values.unexpected(node, expected);
        }
        return toJson(Values.mapping(node)).toString();
    }

    static JsonNode toJson(Node node) {
        var factory = Json.mapper().getNodeFactory();
        return switch (node) {
            case Mapping mapping -> {
                var object = factory.objectNode();
                mapping.entries().forEach((key, value) -> object.set(key, toJson(value)));
                yield object;
            }
            case Sequence sequence -> {
                var array = factory.arrayNode();
                sequence.items().forEach(item -> array.add(toJson(item)));
                yield array;
            }
            case Scalar scalar ->
                switch (scalar.kind()) {
                    case NUMBER -> factory.numberNode(new java.math.BigDecimal(scalar.text()));
                    case BOOLEAN -> factory.booleanNode(Boolean.parseBoolean(scalar.text()));
                    case NULL -> factory.nullNode();
                    case STRING -> factory.textNode(scalar.text());
                };
            default -> throw node.location().error("cannot be written as JSON (expected: a mapping, list or value)");
        };
    }
}
