package dev.regionless.tables.expression;

import static java.util.Objects.requireNonNull;

import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed key condition expression: the partition key's value and, optionally, one condition on the sort key.
 * {@link KeyConditionParser} builds it and checks that only key attributes are used.
 */
public final class KeyCondition {
    private final String partitionKey;
    private final AttributeValue partitionValue;
    private final SortKeyCondition sortKeyCondition;

    private KeyCondition(String partitionKey, AttributeValue partitionValue, SortKeyCondition sortKeyCondition) {
        this.partitionKey = requireNonNull(partitionKey, "partitionKey");
        this.partitionValue = requireNonNull(partitionValue, "partitionValue");
        this.sortKeyCondition = sortKeyCondition;
    }

    /** A condition on the partition key alone. */
    public static KeyCondition of(String partitionKey, AttributeValue partitionValue) {
        return new KeyCondition(partitionKey, partitionValue, null);
    }

    /** A condition on the partition key and the sort key. */
    public static KeyCondition of(String partitionKey, AttributeValue partitionValue, SortKeyCondition sortKey) {
        return new KeyCondition(partitionKey, partitionValue, requireNonNull(sortKey, "sortKey"));
    }

    /** The partition key attribute's name. */
    public String partitionKey() {
        return partitionKey;
    }

    /** The value the partition key must equal. */
    public AttributeValue partitionValue() {
        return partitionValue;
    }

    /** The condition on the sort key, if the expression has one. */
    public Optional<SortKeyCondition> sortKeyCondition() {
        return Optional.ofNullable(sortKeyCondition);
    }

    /** The condition on the sort key: a comparison, {@code BETWEEN} or {@code begins_with}. */
    public sealed interface SortKeyCondition {
        /** The sort key attribute's name. */
        String name();

        /** True if a sort key value satisfies the condition. */
        boolean test(AttributeValue value);

        /** {@code sk op :v} with one of {@code = < <= > >=}. */
        record Compare(String name, Comparator comparator, AttributeValue value) implements SortKeyCondition {
            @Override
            public boolean test(AttributeValue candidate) {
                return Values.compare(candidate, value).stream().anyMatch(comparator::holds);
            }
        }

        /** {@code sk BETWEEN :low AND :high}. */
        record Between(String name, AttributeValue low, AttributeValue high) implements SortKeyCondition {
            @Override
            public boolean test(AttributeValue candidate) {
                return Values.compare(candidate, low).stream().anyMatch(c -> c >= 0)
                        && Values.compare(candidate, high).stream().anyMatch(c -> c <= 0);
            }
        }

        /** {@code begins_with(sk, :prefix)}. */
        record BeginsWith(String name, AttributeValue prefix) implements SortKeyCondition {
            @Override
            public boolean test(AttributeValue candidate) {
                return switch (candidate) {
                    case AttributeValue.S(var s) when prefix instanceof AttributeValue.S(var p) -> s.startsWith(p);
                    case AttributeValue.B(var b) when prefix instanceof AttributeValue.B(var p) -> b.startsWith(p);
                    default -> false;
                };
            }
        }
    }

    /** True if the item's keys satisfy this condition. */
    public boolean matches(Item item) {
        var partition = item.attributes().get(partitionKey);
        if (!partitionValue.equals(partition)) {
            return false;
        }
        return sortKeyCondition()
                .map(c -> Optional.ofNullable(item.attributes().get(c.name()))
                        .map(c::test)
                        .orElse(false))
                .orElse(true);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyCondition that
                && partitionKey.equals(that.partitionKey)
                && partitionValue.equals(that.partitionValue)
                && Objects.equals(sortKeyCondition, that.sortKeyCondition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partitionKey, partitionValue, sortKeyCondition);
    }

    @Override
    public String toString() {
        return "KeyCondition[" + partitionKey + " = " + partitionValue + ", sortKey=" + sortKeyCondition + "]";
    }
}
