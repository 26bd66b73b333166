package dev.regionless.template.internal.resource;

import dev.regionless.template.KeySpec;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Values;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table's {@code AttributeDefinitions} and the key schemas that use them. As in DynamoDB, every key attribute must
 * be defined, and every definition must be a key of the table or of an index: only key attributes have a type.
 */
final class TableKeys {

    private static final List<String> TYPES = List.of("S", "N", "B");

    private final Map<String, KeySpec.AttributeType> types;
    private final Map<String, Location> locations;
    private final Set<String> used = new HashSet<>();

    private TableKeys(Map<String, KeySpec.AttributeType> types, Map<String, Location> locations) {
        this.types = types;
        this.locations = locations;
    }

    /** Reads {@code AttributeDefinitions}, already evaluated. */
    static TableKeys read(Node definitions, ReadContext context) {
        var types = new LinkedHashMap<String, KeySpec.AttributeType>();
        var locations = new LinkedHashMap<String, Location>();
        for (var item : Values.sequence(definitions).items()) {
            var definition = Values.mapping(item);
            TableProperties.ATTRIBUTE_DEFINITION.check(definition, context);
            var properties = new Properties(definition, context.resolver());
            var nameNode = properties.required("AttributeName", "the attribute's name");
            var name = Values.string(nameNode);
            var typeNode = properties.required("AttributeType", "S, N or B");
            var type = Values.string(typeNode);
            if (!TYPES.contains(type)) {
                throw Values.unexpected(typeNode, "S, N or B");
            }
            if (types.put(name, KeySpec.AttributeType.valueOf(type)) != null) {
                throw nameNode.location().error(name + " is defined twice (expected: one definition per attribute)");
            }
            locations.put(name, nameNode.location());
        }
        return new TableKeys(types, locations);
    }

    /** Reads a {@code KeySchema}, already evaluated: a HASH element, then optionally a RANGE element. */
    KeySpec keySchema(Node schema, ReadContext context) {
        var elements = Values.sequence(schema).items();
        if (elements.isEmpty() || elements.size() > 2) {
            throw Values.unexpected(schema, "a HASH key element, then optionally a RANGE key element");
        }
        var partition = element(elements.get(0), "HASH", context);
        if (elements.size() == 1) {
            return new KeySpec(partition, null);
        }
        var sort = element(elements.get(1), "RANGE", context);
        if (sort.name().equals(partition.name())) {
            throw elements.get(1)
                    .location()
                    .error(sort.name() + " is already the HASH key (expected: another attribute as the RANGE key)");
        }
        return new KeySpec(partition, sort);
    }

    /** Fails on the first definition that no key schema read so far uses. */
    void checkAllUsed() {
        types.keySet().stream().filter(name -> !used.contains(name)).findFirst().ifPresent(name -> {
            throw locations
                    .get(name)
                    .error(name + " is not a key of the table or of an index (expected: only key attributes "
                            + "in AttributeDefinitions, as DynamoDB requires)");
        });
    }

    private KeySpec.Attribute element(Node node, String keyType, ReadContext context) {
        var element = Values.mapping(node);
        TableProperties.KEY_ELEMENT.check(element, context);
        var properties = new Properties(element, context.resolver());
        var typeNode = properties.required("KeyType", keyType);
        if (!Values.string(typeNode).equals(keyType)) {
            throw Values.unexpected(
                    typeNode, keyType + " for the " + (keyType.equals("HASH") ? "first" : "second") + " key element");
        }
        var nameNode = properties.required("AttributeName", "an attribute in AttributeDefinitions");
        var name = Values.string(nameNode);
        var type = types.get(name);
        if (type == null) {
            var defined = types.isEmpty() ? "none is defined" : "one of " + String.join(", ", types.keySet());
            throw nameNode.location()
                    .error(name + " is not in AttributeDefinitions (expected: an attribute defined there; " + defined
                            + ")");
        }
        used.add(name);
        return new KeySpec.Attribute(name, type);
    }
}
