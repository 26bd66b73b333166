package dev.regionless.tables.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.expression.Condition;
import dev.regionless.tables.expression.DocumentPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The legacy {@code QueryFilter} and {@code ScanFilter} parameters, as a {@link Condition}: a map of top-level
 * attribute names to a {@code ComparisonOperator} and its {@code AttributeValueList}, joined by the request's
 * {@code ConditionalOperator}.
 */
public final class Filter {
    private Filter() {}

    /** Scan's {@code ScanFilter} and {@code ConditionalOperator}, either possibly absent; empty if no filter. */
    public static Optional<Condition> scanFilter(JsonNode filter, JsonNode conditionalOperator) {
        return toCondition(filter, conditionalOperator, "ScanFilter");
    }

    /**
     * Query's {@code QueryFilter} and {@code ConditionalOperator}, either possibly absent; empty if no filter.
     * A filter may not name a primary key attribute, {@code keyAttributes}: those of the table and, when an index
     * is queried, of the index. DynamoDB checks this after the filter itself.
     */
    public static Optional<Condition> queryFilter(
            JsonNode filter, JsonNode conditionalOperator, List<String> keyAttributes) {
        var condition = toCondition(filter, conditionalOperator, "QueryFilter");
        for (var key : keyAttributes) {
            if (Nodes.present(filter) && filter.has(key)) {
                throw TableErrors.validation(
                        "QueryFilter can only contain non-primary key attributes: Primary key attribute: " + key);
            }
        }
        return condition;
    }

    private static Optional<Condition> toCondition(JsonNode filter, JsonNode conditionalOperator, String parameter) {
        var entries = Nodes.present(filter) ? Nodes.object(filter) : null;
        var operator = ConditionalOperator.of(conditionalOperator, entries == null ? 0 : entries.size());
        var conditions = new ArrayList<Condition>();
        if (entries != null) {
            entries.properties().forEach(e -> conditions.add(condition(parameter, e.getKey(), e.getValue())));
        }
        return operator.join(conditions);
    }

    private static Condition condition(String parameter, String attribute, JsonNode entry) {
        var location = Nodes.memberName(parameter) + "." + attribute + ".member.comparisonOperator";
        var operator = Nodes.comparisonOperator(Nodes.object(entry).get("ComparisonOperator"), location);
        var values = Nodes.values(entry.get("AttributeValueList"));
        operator.checkArguments(values);
        return operator.toCondition(DocumentPath.of(attribute), values);
    }
}
