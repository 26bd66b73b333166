package dev.regionless.tables.expression;

import static java.util.Objects.requireNonNull;

import dev.regionless.common.AwsException;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.catalog.KeyElement;
import dev.regionless.tables.catalog.KeySchema;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a query's conditions, one per attribute, into a {@link KeyCondition} for a table's or index's key, with
 * DynamoDB's checks in DynamoDB's order: each condition's values, then the number of conditions, then, for the
 * partition key and then the sort key, that the key has a condition, that the operator can use the key, that
 * the values have the key's type, and that the partition key is compared with {@code EQ}.
 *
 * <p>Both the legacy {@code KeyConditions} and {@link KeyConditionParser} end here, so the two answer alike.
 */
public final class KeyConditionBuilder {
    private static final Set<ComparisonOperator> NOT_INDEXABLE = EnumSet.of(
            ComparisonOperator.NULL,
            ComparisonOperator.NOT_NULL,
            ComparisonOperator.NE,
            ComparisonOperator.CONTAINS,
            ComparisonOperator.NOT_CONTAINS,
            ComparisonOperator.IN);

    private final String partitionKey;
    private final Optional<String> sortKey;
    private final Map<String, String> keyTypes;

    private KeyConditionBuilder(String partitionKey, Optional<String> sortKey, Map<String, String> keyTypes) {
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
        this.keyTypes = keyTypes;
    }

    /** The key condition the terms state for the given key, checking the values' types against the key's. */
    public static KeyCondition build(List<KeyTerm> terms, KeySchema key) {
        requireNonNull(key, "key");
        var types = new LinkedHashMap<String, String>();
        types.put(key.partitionKey().name(), key.partitionKey().type().name());
        key.sort().ifPresent(sort -> types.put(sort.name(), sort.type().name()));
        var builder =
                new KeyConditionBuilder(key.partitionKey().name(), key.sort().map(KeyElement::name), types);
        return builder.build(terms);
    }

    /** As {@link #build(List, KeySchema)} for a key known only by its names: values' types are not checked. */
    static KeyCondition build(List<KeyTerm> terms, String partitionKey, Optional<String> sortKey) {
        return new KeyConditionBuilder(requireNonNull(partitionKey, "partitionKey"), sortKey, Map.of()).build(terms);
    }

    private KeyCondition build(List<KeyTerm> terms) {
        terms.forEach(term -> term.operator().checkArguments(term.values()));
        var byAttribute = new LinkedHashMap<String, KeyTerm>();
        terms.forEach(term -> byAttribute.put(term.attribute(), term));
        if (byAttribute.isEmpty() || byAttribute.size() > 2) {
            throw TableErrors.validation("Conditions can be of length 1 or 2 only");
        }
        if (sortKey.isEmpty() && byAttribute.size() > 1) {
            throw notSupported();
        }
        var partition = byAttribute.get(partitionKey);
        if (partition == null) {
            throw missed(partitionKey);
        }
        check(partition);
        if (partition.operator() != ComparisonOperator.EQ) {
            throw notSupported();
        }
        var partitionValue = partition.values().getFirst();
        var sort = sortKey.map(byAttribute::get);
        if (sort.isEmpty()) {
            if (byAttribute.size() > 1) {
                throw missed(sortKey.orElseThrow());
            }
            return KeyCondition.of(partitionKey, partitionValue);
        }
        check(sort.get());
        return KeyCondition.of(partitionKey, partitionValue, sortCondition(sort.get()));
    }

    private void check(KeyTerm term) {
        if (NOT_INDEXABLE.contains(term.operator())) {
            throw TableErrors.validation("Attempted conditional constraint is not an indexable operation");
        }
        var type = keyTypes.get(term.attribute());
        if (type != null && term.values().stream().anyMatch(v -> !v.typeName().equals(type))) {
            throw TableErrors.invalidParameter("Condition parameter type does not match schema type");
        }
    }

    private static KeyCondition.SortKeyCondition sortCondition(KeyTerm term) {
        var name = term.attribute();
        var values = term.values();
        return switch (term.operator()) {
            case EQ -> new KeyCondition.SortKeyCondition.Compare(name, Comparator.EQ, values.getFirst());
            case LE -> new KeyCondition.SortKeyCondition.Compare(name, Comparator.LE, values.getFirst());
            case LT -> new KeyCondition.SortKeyCondition.Compare(name, Comparator.LT, values.getFirst());
            case GE -> new KeyCondition.SortKeyCondition.Compare(name, Comparator.GE, values.getFirst());
            case GT -> new KeyCondition.SortKeyCondition.Compare(name, Comparator.GT, values.getFirst());
            case BEGINS_WITH -> new KeyCondition.SortKeyCondition.BeginsWith(name, values.getFirst());
            case BETWEEN -> new KeyCondition.SortKeyCondition.Between(name, values.get(0), values.get(1));
            default -> throw new IllegalStateException("not an indexable operator: " + term.operator());
        };
    }

    private static AwsException notSupported() {
        return TableErrors.validation("Query key condition not supported");
    }

    private static AwsException missed(String key) {
        return TableErrors.validation("Query condition missed key schema element: " + key);
    }
}
