package dev.regionless.tables.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.expression.KeyCondition;
import dev.regionless.tables.expression.KeyConditionBuilder;
import dev.regionless.tables.expression.KeyTerm;
import java.util.ArrayList;

/**
 * Query's legacy {@code KeyConditions} parameter, as a {@link KeyCondition}: {@code EQ} on the partition key
 * and optionally one of {@code EQ LE LT GE GT BEGINS_WITH BETWEEN} on the sort key, checked against the key as
 * DynamoDB checks it (see {@link KeyConditionBuilder}).
 */
public final class KeyConditions {
    private KeyConditions() {}

    /** The key condition for the table or index whose key is {@code key}. */
    public static KeyCondition toKeyCondition(JsonNode keyConditions, KeySchema key) {
        if (!Nodes.present(keyConditions)) {
            throw TableErrors.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        var terms = new ArrayList<KeyTerm>();
        Nodes.object(keyConditions).properties().forEach(e -> {
            var attribute = e.getKey();
            var entry = Nodes.object(e.getValue());
            var operator = Nodes.comparisonOperator(
                    entry.get("ComparisonOperator"), "keyConditions." + attribute + ".member.comparisonOperator");
            terms.add(new KeyTerm(attribute, operator, Nodes.values(entry.get("AttributeValueList"))));
        });
        return KeyConditionBuilder.build(terms, key);
    }
}
