package dev.regionless.tables.protocol;

import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.catalog.KeyElement;
import dev.regionless.tables.catalog.KeySchema;
import java.util.LinkedHashMap;
import java.util.Map;

/** DynamoDB's rules for primary keys in requests, with its messages. */
final class Keys {
    static final int MAX_PARTITION_KEY_BYTES = 2048;
    static final int MAX_SORT_KEY_BYTES = 1024;

    private Keys() {}

    /** A {@code Key} parameter: exactly the key attributes, of the right types. */
    static Item fromKeyParameter(KeySchema schema, Map<String, AttributeValue> key) {
        int expected = schema.sort().isPresent() ? 2 : 1;
        if (key.size() != expected) {
            throw mismatch();
        }
        var result = new LinkedHashMap<String, AttributeValue>();
        for (var element : elements(schema)) {
            var value = key.get(element.name());
            if (value == null || !value.typeName().equals(element.type().name())) {
                throw mismatch();
            }
            checkValue(element, value, schema);
            result.put(element.name(), value);
        }
        return new Item(result);
    }

    /** The key of an item to be written: every key attribute present, of the right type. */
    static Item fromItem(KeySchema schema, Item item) {
        var result = new LinkedHashMap<String, AttributeValue>();
        for (var element : elements(schema)) {
            var value = item.get(element.name())
                    .orElseThrow(
                            () -> TableErrors.invalidParameter("Missing the key " + element.name() + " in the item"));
            if (!value.typeName().equals(element.type().name())) {
                throw TableErrors.invalidParameter("Type mismatch for key " + element.name() + " expected: "
                        + element.type().name() + " actual: " + value.typeName());
            }
            checkValue(element, value, schema);
            result.put(element.name(), value);
        }
        return new Item(result);
    }

    static boolean isKeyAttribute(KeySchema schema, String name) {
        return schema.partitionKey().name().equals(name)
                || schema.sort().map(k -> k.name().equals(name)).orElse(false);
    }

    private static void checkValue(KeyElement element, AttributeValue value, KeySchema schema) {
        boolean empty = value instanceof AttributeValue.S s && s.value().isEmpty()
                || value instanceof AttributeValue.B b && b.value().length() == 0;
        if (empty) {
            throw TableErrors.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty " + (value instanceof AttributeValue.S ? "string" : "binary")
                    + " value. Key: " + element.name());
        }
        boolean partition = element.name().equals(schema.partitionKey().name());
        if (partition && value.size() > MAX_PARTITION_KEY_BYTES) {
            throw TableErrors.invalidParameter(
                    "Size of hashkey has exceeded the maximum size limit of" + MAX_PARTITION_KEY_BYTES + " bytes");
        }
        if (!partition && value.size() > MAX_SORT_KEY_BYTES) {
            throw TableErrors.invalidParameter("Aggregated size of all range keys has exceeded the size limit of "
                    + MAX_SORT_KEY_BYTES + " bytes");
        }
    }

    private static java.util.List<KeyElement> elements(KeySchema schema) {
        return schema.sort().isPresent()
                ? java.util.List.of(schema.partitionKey(), schema.sort().get())
                : java.util.List.of(schema.partitionKey());
    }

    private static RuntimeException mismatch() {
        return TableErrors.validation("The provided key element does not match the schema");
    }
}
