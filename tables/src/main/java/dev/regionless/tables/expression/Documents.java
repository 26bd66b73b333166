package dev.regionless.tables.expression;

import dev.regionless.common.AwsException;
import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import dev.regionless.tables.TableErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Writes into items at document paths, immutably: each change rebuilds the maps and lists along the path. A path
 * whose parent does not exist, or has the wrong type, is DynamoDB's "invalid for update" error.
 */
final class Documents {
    private Documents() {}

    static Item set(Item item, DocumentPath path, AttributeValue value) {
        if (path.isTopLevel()) {
            return item.with(path.attribute(), value);
        }
        var container = item.get(path.attribute()).orElseThrow(Documents::invalidPath);
        return item.with(path.attribute(), setIn(container, rest(path.elements()), value));
    }

    static Item remove(Item item, DocumentPath path) {
        if (path.isTopLevel()) {
            return item.without(path.attribute());
        }
        var container = item.get(path.attribute()).orElseThrow(Documents::invalidPath);
        return item.with(path.attribute(), removeIn(container, rest(path.elements())));
    }

    private static AttributeValue setIn(AttributeValue container, List<PathElement> steps, AttributeValue value) {
        var tail = rest(steps);
        return switch (steps.getFirst()) {
            case PathElement.Name(var key)
            when container instanceof AttributeValue.M(var map) -> {
                var copy = new LinkedHashMap<>(map);
                copy.put(key, tail.isEmpty() ? value : setIn(existing(map.get(key)), tail, value));
                yield new AttributeValue.M(copy);
            }
            case PathElement.Index(var index)
            when container instanceof AttributeValue.L(var list) -> {
                var copy = new ArrayList<>(list);
                if (tail.isEmpty() && index >= list.size()) {
                    copy.add(value);
                } else if (tail.isEmpty()) {
                    copy.set(index, value);
                } else {
                    copy.set(index, setIn(existing(index < list.size() ? list.get(index) : null), tail, value));
                }
                yield new AttributeValue.L(copy);
            }
            default -> throw invalidPath();
        };
    }

    private static AttributeValue removeIn(AttributeValue container, List<PathElement> steps) {
        var tail = rest(steps);
        return switch (steps.getFirst()) {
            case PathElement.Name(var key)
            when container instanceof AttributeValue.M(var map) -> {
                var copy = new LinkedHashMap<>(map);
                if (tail.isEmpty()) {
                    copy.remove(key);
                } else {
                    copy.put(key, removeIn(existing(map.get(key)), tail));
                }
                yield new AttributeValue.M(copy);
            }
            case PathElement.Index(var index)
            when container instanceof AttributeValue.L(var list) -> {
                var copy = new ArrayList<>(list);
                if (tail.isEmpty() && index < list.size()) {
                    copy.remove(index);
                } else if (!tail.isEmpty()) {
                    copy.set(index, removeIn(existing(index < list.size() ? list.get(index) : null), tail));
                }
                yield new AttributeValue.L(copy);
            }
            default -> throw invalidPath();
        };
    }

    private static AttributeValue existing(AttributeValue value) {
        if (value == null) {
            throw invalidPath();
        }
        return value;
    }

    private static <T> List<T> rest(List<T> steps) {
        return steps.subList(1, steps.size());
    }

    static AwsException invalidPath() {
        return TableErrors.validation("The document path provided in the update expression is invalid for update");
    }
}
