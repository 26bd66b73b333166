package dev.regionless.tables.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.expression.Condition;
import java.util.List;
import java.util.Optional;

/**
 * The legacy {@code ConditionalOperator}: how the conditions of {@code Expected}, {@code QueryFilter} or
 * {@code ScanFilter} combine. Absent means {@code AND}; given, it needs at least two conditions to combine.
 */
enum ConditionalOperator {
    AND,
    OR;

    /** The request's operator, checked against the number of conditions it is to combine. */
    static ConditionalOperator of(JsonNode node, int conditionCount) {
        if (!Nodes.present(node)) {
            return AND;
        }
        var text = Nodes.text(node);
        if (!text.equals("AND") && !text.equals("OR")) {
            throw Nodes.constraint(
                    "'" + text + "'", "conditionalOperator", "Member must satisfy enum value set: [OR, AND]");
        }
        if (conditionCount == 0) {
            throw TableErrors.validation("ConditionalOperator cannot be used without Filter or Expected");
        }
        if (conditionCount == 1) {
            throw TableErrors.validation(
                    "ConditionalOperator can only be used when Filter or Expected has two or more elements");
        }
        return valueOf(text);
    }

    /** The conditions joined left to right; empty when there are none. */
    Optional<Condition> join(List<Condition> conditions) {
        return conditions.stream().reduce((left, right) -> switch (this) {
            case AND -> new Condition.And(left, right);
            case OR -> new Condition.Or(left, right);
        });
    }
}
