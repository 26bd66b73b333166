package dev.regionless.tables.expression;

import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A parsed projection expression: the document paths to return. Applying it to an item keeps the nested
 * structure, as DynamoDB does: {@code a.b} gives {@code {a: {b: ...}}}, and {@code l[1], l[3]} gives a list of
 * those two elements in index order.
 */
public record Projection(List<DocumentPath> paths) {
    public Projection {
        paths = List.copyOf(paths);
    }

    /** Parses a comma-separated list of document paths; paths that overlap or conflict are an error. */
    public static Projection parse(String expression, ExpressionAttributes attributes) {
        var cursor = new TokenCursor(expression, ExpressionKind.PROJECTION, attributes);
        var paths = new ArrayList<DocumentPath>();
        do {
            paths.add(cursor.path());
        } while (cursor.accept(Token.Type.COMMA));
        cursor.expectEnd();
        PathOverlaps.check(paths, ExpressionKind.PROJECTION);
        return new Projection(paths);
    }

    /** The part of the item these paths reach; attributes the paths do not reach are left out. */
    public Item apply(Item item) {
        var byAttribute = new LinkedHashMap<String, List<List<PathElement>>>();
        for (var path : paths) {
            var rest = path.elements().subList(1, path.elements().size());
            byAttribute
                    .computeIfAbsent(path.attribute(), k -> new ArrayList<>())
                    .add(rest);
        }
        var result = new LinkedHashMap<String, AttributeValue>();
        byAttribute.forEach((name, rests) ->
                item.get(name).flatMap(value -> project(value, rests)).ifPresent(value -> result.put(name, value)));
        return Item.of(result);
    }

    private static Optional<AttributeValue> project(AttributeValue value, List<List<PathElement>> rests) {
        if (rests.stream().anyMatch(List::isEmpty)) {
            return Optional.of(value);
        }
        return switch (value) {
            case AttributeValue.M(var map) -> projectMap(map, rests);
            case AttributeValue.L(var list) -> projectList(list, rests);
            default -> Optional.empty();
        };
    }

    private static Optional<AttributeValue> projectMap(Map<String, AttributeValue> map, List<List<PathElement>> rests) {
        var byKey = new LinkedHashMap<String, List<List<PathElement>>>();
        for (var rest : rests) {
            if (rest.getFirst() instanceof PathElement.Name(var key)) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(rest.subList(1, rest.size()));
            }
        }
        var result = new LinkedHashMap<String, AttributeValue>();
        byKey.forEach((key, next) ->
                Optional.ofNullable(map.get(key)).flatMap(v -> project(v, next)).ifPresent(v -> result.put(key, v)));
        return result.isEmpty() ? Optional.empty() : Optional.of(new AttributeValue.M(result));
    }

    private static Optional<AttributeValue> projectList(List<AttributeValue> list, List<List<PathElement>> rests) {
        var byIndex = new TreeMap<Integer, List<List<PathElement>>>();
        for (var rest : rests) {
            if (rest.getFirst() instanceof PathElement.Index(var index) && index < list.size()) {
                byIndex.computeIfAbsent(index, k -> new ArrayList<>()).add(rest.subList(1, rest.size()));
            }
        }
        var result = new ArrayList<AttributeValue>();
        byIndex.forEach((index, next) -> project(list.get(index), next).ifPresent(result::add));
        return result.isEmpty() ? Optional.empty() : Optional.of(new AttributeValue.L(result));
    }
}
