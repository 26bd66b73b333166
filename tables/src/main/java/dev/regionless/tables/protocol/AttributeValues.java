package dev.regionless.tables.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Bytes;
import dev.regionless.tables.Item;
import dev.regionless.tables.Numbers;
import dev.regionless.tables.TableErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and writes DynamoDB JSON ({@code {"S":"x"}}, {@code {"N":"12.5"}}, {@code {"M":{...}}}, ...) with
 * Jackson's tree model.
 *
 * <p>Reading rejects what DynamoDB rejects, with DynamoDB's texts: a value with no type or several, an empty or
 * duplicated set, a number that is not a number or is out of range, {@code NULL} other than {@code true}. A JSON
 * shape DynamoDB cannot even deserialize (a string where a list belongs) is a {@code SerializationException}.
 */
public final class AttributeValues {
    private static final Set<String> TYPES = Set.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "BOOL", "NULL");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AttributeValues() {}

    /** Reads one attribute value. */
    public static AttributeValue read(JsonNode node) {
        requireNonNull(node, "node");
        if (!node.isObject()) {
            throw TableErrors.serialization("Unexpected value type in payload: " + node.getNodeType());
        }
        String type = null;
        for (var names = node.fieldNames(); names.hasNext(); ) {
            var name = names.next();
            if (TYPES.contains(name) && !node.get(name).isNull()) {
                if (type != null) {
                    throw TableErrors.validation("Supplied AttributeValue has more than one datatypes set, "
                            + "must contain exactly one of the supported datatypes");
                }
                type = name;
            }
        }
        if (type == null) {
            throw TableErrors.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        return read(type, node.get(type));
    }

    /** Reads an item: a JSON object of attribute names to DynamoDB JSON values. */
    public static Item readItem(JsonNode node) {
        requireNonNull(node, "node");
        if (!node.isObject()) {
            throw TableErrors.serialization("Unexpected value type in payload: " + node.getNodeType());
        }
        var attributes = new LinkedHashMap<String, AttributeValue>();
        node.properties().forEach(e -> attributes.put(e.getKey(), read(e.getValue())));
        return Item.of(attributes);
    }

    private static AttributeValue read(String type, JsonNode value) {
        return switch (type) {
            case "S" -> new AttributeValue.S(text(value));
            case "N" -> new AttributeValue.N(Numbers.parse(text(value)));
            case "B" -> new AttributeValue.B(bytes(value));
            case "SS" -> new AttributeValue.SS(uniqueMembers(value, AttributeValues::text, "SS"));
            case "NS" -> new AttributeValue.NS(numbers(value));
            case "BS" -> new AttributeValue.BS(uniqueMembers(value, AttributeValues::bytes, "BS"));
            case "M" -> new AttributeValue.M(readItem(value).attributes());
            case "L" -> new AttributeValue.L(list(value));
            case "BOOL" -> new AttributeValue.BOOL(bool(value));
            case "NULL" -> nullValue(value);
            default -> throw new IllegalStateException("unknown type " + type);
        };
    }

    private static AttributeValue nullValue(JsonNode value) {
        if (!bool(value)) {
            throw TableErrors.invalidParameter("Null attribute value types must have the value of true");
        }
        return new AttributeValue.NULL();
    }

    private static String text(JsonNode value) {
        if (!value.isTextual()) {
            throw TableErrors.serialization(value.getNodeType() + "_VALUE cannot be converted to String");
        }
        return value.textValue();
    }

    private static boolean bool(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()
                && (value.textValue().equals("true") || value.textValue().equals("false"))) {
            return Boolean.parseBoolean(value.textValue());
        }
        throw TableErrors.serialization(value.getNodeType() + "_VALUE cannot be converted to Boolean");
    }

    private static Bytes bytes(JsonNode value) {
        try {
            return Bytes.fromBase64(text(value));
        } catch (IllegalArgumentException e) {
            var text = text(value);
            if (text.length() % 4 != 0) {
                throw TableErrors.serialization(
                        "Base64 encoded length is expected a multiple of 4 bytes but found: " + text.length());
            }
            throw TableErrors.serialization("Invalid last non-pad Base64 character dectected");
        }
    }

    private static List<AttributeValue> list(JsonNode value) {
        var result = new ArrayList<AttributeValue>();
        elements(value).forEach(element -> result.add(read(element)));
        return result;
    }

    private static Set<BigDecimal> numbers(JsonNode value) {
        var texts = new ArrayList<String>();
        elements(value).forEach(element -> texts.add(text(element)));
        var result = new LinkedHashSet<BigDecimal>();
        for (var text : texts) {
            if (!result.add(Numbers.parse(text))) {
                throw TableErrors.validation("Input collection contains duplicates");
            }
        }
        return result;
    }

    private static <T> Set<T> uniqueMembers(JsonNode value, Function<JsonNode, T> read, String type) {
        var members = new LinkedHashSet<T>();
        var texts = new ArrayList<String>();
        for (var element : elements(value)) {
            texts.add(text(element));
            members.add(read.apply(element));
        }
        if (members.size() != texts.size()) {
            var listed = "[" + String.join(", ", texts) + "]";
            throw TableErrors.invalidParameter(
                    type.equals("BS")
                            ? "Input collection " + listed + "of type BS contains duplicates."
                            : "Input collection " + listed + " contains duplicates.");
        }
        return members;
    }

    private static Iterable<JsonNode> elements(JsonNode value) {
        if (!value.isArray()) {
            throw TableErrors.serialization("Unexpected value type in payload: " + value.getNodeType());
        }
        return value;
    }

    /** Writes one attribute value as DynamoDB JSON. */
    public static ObjectNode write(AttributeValue value) {
        requireNonNull(value, "value");
        var node = JSON.objectNode();
        switch (value) {
            case AttributeValue.S s -> node.put("S", s.value());
            case AttributeValue.N n -> node.put("N", n.text());
            case AttributeValue.B b -> node.put("B", b.value().toBase64());
            case AttributeValue.SS ss -> ss.values().forEach(node.putArray("SS")::add);
            case AttributeValue.NS ns -> {
                var array = node.putArray("NS");
                ns.values().forEach(v -> array.add(Numbers.text(v)));
            }
            case AttributeValue.BS bs -> {
                var array = node.putArray("BS");
                bs.values().forEach(v -> array.add(v.toBase64()));
            }
            case AttributeValue.M m -> node.set("M", writeItem(Item.of(m.values())));
            case AttributeValue.L l -> {
                var array = node.putArray("L");
                l.values().forEach(v -> array.add(write(v)));
            }
            case AttributeValue.BOOL b -> node.put("BOOL", b.value());
            case AttributeValue.NULL ignored -> node.put("NULL", true);
        }
        return node;
    }

    /** Writes an item as a JSON object of attribute names to DynamoDB JSON values. */
    public static ObjectNode writeItem(Item item) {
        var node = JSON.objectNode();
        item.attributes().forEach((name, value) -> node.set(name, write(value)));
        return node;
    }
}
