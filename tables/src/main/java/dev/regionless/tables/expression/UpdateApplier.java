package dev.regionless.tables.expression;

import dev.regionless.common.AwsException;
import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import dev.regionless.tables.TableErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies a parsed update to an item, as DynamoDB does: every {@code SET} value is computed from the item as it
 * was before the update, and {@code SET}s past the end of one list append in index order; several
 * {@code REMOVE}s on one list use the original indexes; type errors found only now (adding to a string,
 * appending to a number) are DynamoDB's {@code ValidationException}s, worded as DynamoDB words them for the
 * parameter the update came from.
 *
 * <p>Key attributes, index key types and the item size limit need the table's schema and are the caller's checks.
 */
public final class UpdateApplier {
    private UpdateApplier() {}

    /** The item after the update; an absent item is {@link Item#empty()}. */
    public static Item apply(Update update, Item original) {
        var sets = new ArrayList<Assignment>();
        for (var action : update.actions()) {
            if (action instanceof UpdateAction.Set(var path, var value)) {
                sets.add(new Assignment(path, evaluate(value, original)));
            }
        }
        // Paths never overlap, so order only matters for appends past a list's end, which go in index order.
        sets.sort((a, b) -> comparePaths(a.path(), b.path()));
        var item = original;
        for (var set : sets) {
            item = Documents.set(item, set.path(), set.value());
        }
        for (var path : removalsInSafeOrder(update)) {
            item = Documents.remove(item, path);
        }
        for (var action : update.actions()) {
            item = switch (action) {
                case UpdateAction.Add(var path, var value) ->
                    Documents.set(item, path, add(path, item, value, update.source()));
                case UpdateAction.Delete(var path, var value) -> delete(item, path, value, update.source());
                default -> item;
            };
        }
        return item;
    }

    private record Assignment(DocumentPath path, AttributeValue value) {}

    /** Later list indexes first, so that removing one element does not shift the others still to remove. */
    private static List<DocumentPath> removalsInSafeOrder(Update update) {
        return update.actions().stream()
                .filter(UpdateAction.Remove.class::isInstance)
                .map(UpdateAction::path)
                .sorted(UpdateApplier::comparePaths)
                .toList()
                .reversed();
    }

    private static int comparePaths(DocumentPath a, DocumentPath b) {
        int shorter = Math.min(a.elements().size(), b.elements().size());
        for (int i = 0; i < shorter; i++) {
            int result = compareElements(a.elements().get(i), b.elements().get(i));
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(a.elements().size(), b.elements().size());
    }

    private static int compareElements(PathElement a, PathElement b) {
        if (a instanceof PathElement.Index(var x) && b instanceof PathElement.Index(var y)) {
            return Integer.compare(x, y);
        }
        return Comparator.<String>naturalOrder().compare(a.toString(), b.toString());
    }

    private static AttributeValue evaluate(SetValue value, Item item) {
        return switch (value) {
            case SetValue.Single(var operand) -> evaluate(operand, item);
            case SetValue.Plus(var left, var right) ->
                new AttributeValue.N(number(evaluate(left, item)).add(number(evaluate(right, item))));
            case SetValue.Minus(var left, var right) ->
                new AttributeValue.N(number(evaluate(left, item)).subtract(number(evaluate(right, item))));
        };
    }

    private static AttributeValue evaluate(UpdateOperand operand, Item item) {
        return switch (operand) {
            case UpdateOperand.Value(var value) -> value;
            case UpdateOperand.Path(var path) -> path.find(item).orElseThrow(UpdateApplier::missingAttribute);
            case UpdateOperand.IfNotExists(var path, var fallback) ->
                path.find(item).orElseGet(() -> evaluate(fallback, item));
            case UpdateOperand.ListAppend(var first, var second) -> {
                var elements = new ArrayList<>(list(evaluate(first, item)));
                elements.addAll(list(evaluate(second, item)));
                yield new AttributeValue.L(elements);
            }
        };
    }

    /** Lists only come from legacy {@code AttributeUpdates}, whose {@code ADD} appends to a list. */
    private static AttributeValue add(DocumentPath path, Item item, AttributeValue value, Update.Source source) {
        var existing = path.find(item);
        if (existing.isEmpty()) {
            return value;
        }
        return switch (existing.get()) {
            case AttributeValue.N(var n)
            when value instanceof AttributeValue.N(var m) -> new AttributeValue.N(n.add(m));
            case AttributeValue.SS(var s)
            when value instanceof AttributeValue.SS(var t) -> new AttributeValue.SS(union(s, t));
            case AttributeValue.NS(var s)
            when value instanceof AttributeValue.NS(var t) -> new AttributeValue.NS(union(s, t));
            case AttributeValue.BS(var s)
            when value instanceof AttributeValue.BS(var t) -> new AttributeValue.BS(union(s, t));
            case AttributeValue.L(var s)
            when value instanceof AttributeValue.L(var t) -> new AttributeValue.L(concat(s, t));
            default -> throw incorrectType(source);
        };
    }

    private static Item delete(Item item, DocumentPath path, AttributeValue value, Update.Source source) {
        var existing = path.find(item);
        if (existing.isEmpty()) {
            return item;
        }
        Optional<AttributeValue> remaining = switch (existing.get()) {
            case AttributeValue.SS(var s)
            when value instanceof AttributeValue.SS(var t) -> nonEmpty(difference(s, t), AttributeValue.SS::new);
            case AttributeValue.NS(var s)
            when value instanceof AttributeValue.NS(var t) -> nonEmpty(difference(s, t), AttributeValue.NS::new);
            case AttributeValue.BS(var s)
            when value instanceof AttributeValue.BS(var t) -> nonEmpty(difference(s, t), AttributeValue.BS::new);
            default -> throw incorrectType(source);
        };
        return remaining.map(set -> Documents.set(item, path, set)).orElseGet(() -> Documents.remove(item, path));
    }

    private static <T> Optional<AttributeValue> nonEmpty(Set<T> members, Function<Set<T>, AttributeValue> set) {
        return members.isEmpty() ? Optional.empty() : Optional.of(set.apply(members));
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        var result = new LinkedHashSet<>(a);
        result.addAll(b);
        return result;
    }

    private static List<AttributeValue> concat(List<AttributeValue> a, List<AttributeValue> b) {
        var result = new ArrayList<>(a);
        result.addAll(b);
        return result;
    }

    private static <T> Set<T> difference(Set<T> a, Set<T> b) {
        var result = new LinkedHashSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static BigDecimal number(AttributeValue value) {
        if (value instanceof AttributeValue.N(var n)) {
            return n;
        }
        throw incorrectType(Update.Source.UPDATE_EXPRESSION);
    }

    private static List<AttributeValue> list(AttributeValue value) {
        if (value instanceof AttributeValue.L(var elements)) {
            return elements;
        }
        throw incorrectType(Update.Source.UPDATE_EXPRESSION);
    }

    private static AwsException incorrectType(Update.Source source) {
        return TableErrors.validation(
                switch (source) {
                    case UPDATE_EXPRESSION -> "An operand in the update expression has an incorrect data type";
                    case ATTRIBUTE_UPDATES -> "Type mismatch for attribute to update";
                });
    }

    private static AwsException missingAttribute() {
        return TableErrors.validation("The provided expression refers to an attribute that does not exist in the item");
    }
}
