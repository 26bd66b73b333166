package dev.regionless.tables.expression;

import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Decides whether an item satisfies a parsed condition, by DynamoDB's rules: a comparison that involves a missing
 * attribute, or two values that cannot be compared, is false (and so {@code <>} is true), never an error.
 */
public final class ConditionEvaluator {
    private ConditionEvaluator() {}

    /** True if the item satisfies the condition; an absent item is {@link Item#empty()}. */
    public static boolean matches(Condition condition, Item item) {
        return switch (condition) {
            case Condition.Comparison c -> compare(c, item);
            case Condition.Between b -> between(b, item);
            case Condition.In in ->
                resolve(in.value(), item)
                        .map(v -> in.candidates().stream()
                                .anyMatch(
                                        c -> resolve(c, item).filter(v::equals).isPresent()))
                        .orElse(false);
            case Condition.And and -> matches(and.left(), item) && matches(and.right(), item);
            case Condition.Or or -> matches(or.left(), item) || matches(or.right(), item);
            case Condition.Not not -> !matches(not.condition(), item);
            case Condition.AttributeExists e -> e.path().find(item).isPresent();
            case Condition.AttributeNotExists e -> e.path().find(item).isEmpty();
            case Condition.AttributeType t -> hasType(t, item);
            case Condition.BeginsWith b -> beginsWith(b.path().find(item), resolve(b.prefix(), item));
            case Condition.Contains c -> contains(c.path().find(item), resolve(c.operand(), item));
        };
    }

    private static boolean compare(Condition.Comparison comparison, Item item) {
        var left = resolve(comparison.left(), item);
        var right = resolve(comparison.right(), item);
        return switch (comparison.comparator()) {
            case EQ -> left.isPresent() && left.equals(right);
            case NE -> !(left.isPresent() && left.equals(right));
            default ->
                left.isPresent()
                        && right.isPresent()
                        && Values.compare(left.get(), right.get()).stream().anyMatch(comparison.comparator()::holds);
        };
    }

    private static boolean between(Condition.Between between, Item item) {
        var value = resolve(between.value(), item);
        var low = resolve(between.low(), item);
        var high = resolve(between.high(), item);
        if (value.isEmpty() || low.isEmpty() || high.isEmpty()) {
            return false;
        }
        var fromLow = Values.compare(value.get(), low.get());
        var toHigh = Values.compare(value.get(), high.get());
        return fromLow.isPresent() && toHigh.isPresent() && fromLow.getAsInt() >= 0 && toHigh.getAsInt() <= 0;
    }

    private static boolean hasType(Condition.AttributeType condition, Item item) {
        var type = resolve(condition.type(), item);
        return type.orElse(null) instanceof AttributeValue.S(var name)
                && condition
                        .path()
                        .find(item)
                        .map(v -> v.typeName().equals(name))
                        .orElse(false);
    }

    private static boolean beginsWith(Optional<AttributeValue> value, Optional<AttributeValue> prefix) {
        if (value.isEmpty() || prefix.isEmpty()) {
            return false;
        }
        return switch (value.get()) {
            case AttributeValue.S(var s) when prefix.get() instanceof AttributeValue.S(var p) -> s.startsWith(p);
            case AttributeValue.B(var b) when prefix.get() instanceof AttributeValue.B(var p) -> b.startsWith(p);
            default -> false;
        };
    }

    private static boolean contains(Optional<AttributeValue> value, Optional<AttributeValue> operand) {
        if (value.isEmpty() || operand.isEmpty()) {
            return false;
        }
        var wanted = operand.get();
        return switch (value.get()) {
            case AttributeValue.S(var s) when wanted instanceof AttributeValue.S(var part) -> s.contains(part);
            case AttributeValue.B(var b) when wanted instanceof AttributeValue.B(var part) -> b.contains(part);
            case AttributeValue.SS(var set) when wanted instanceof AttributeValue.S(var member) -> set.contains(member);
            case AttributeValue.NS(var set) when wanted instanceof AttributeValue.N(var member) -> set.contains(member);
            case AttributeValue.BS(var set) when wanted instanceof AttributeValue.B(var member) -> set.contains(member);
            case AttributeValue.L(var list) -> list.contains(wanted);
            default -> false;
        };
    }

    /** The value an operand stands for in the item, empty if it reaches nothing. */
    static Optional<AttributeValue> resolve(Operand operand, Item item) {
        return switch (operand) {
            case Operand.Path(var path) -> path.find(item);
            case Operand.Value(var value) -> Optional.of(value);
            case Operand.Size(var path) -> path.find(item).flatMap(ConditionEvaluator::size);
        };
    }

    private static Optional<AttributeValue> size(AttributeValue value) {
        var size = switch (value) {
            case AttributeValue.S(var s) -> s.codePointCount(0, s.length());
            case AttributeValue.B(var b) -> b.length();
            case AttributeValue.SS(var set) -> set.size();
            case AttributeValue.NS(var set) -> set.size();
            case AttributeValue.BS(var set) -> set.size();
            case AttributeValue.M(var map) -> map.size();
            case AttributeValue.L(var list) -> list.size();
            default -> -1;
        };
        return size < 0 ? Optional.empty() : Optional.of(new AttributeValue.N(BigDecimal.valueOf(size)));
    }
}
