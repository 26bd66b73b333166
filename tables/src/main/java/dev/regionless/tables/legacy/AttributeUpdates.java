package dev.regionless.tables.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.expression.DocumentPath;
import dev.regionless.tables.expression.SetValue;
import dev.regionless.tables.expression.Update;
import dev.regionless.tables.expression.UpdateAction;
import dev.regionless.tables.expression.UpdateOperand;
import dev.regionless.tables.protocol.AttributeValues;
import java.util.ArrayList;
import java.util.Set;

/**
 * UpdateItem's legacy {@code AttributeUpdates} parameter, as an {@link Update}: for each top-level attribute an
 * {@code Action} ({@code PUT} when absent) and usually a {@code Value}. {@code PUT} sets the attribute;
 * {@code ADD} adds to a number, unites sets and appends to a list, creating the attribute if absent;
 * {@code DELETE} removes the attribute, or with a set value removes those members. Type mismatches found when the
 * update is applied answer "Type mismatch for attribute to update", as DynamoDB does for this parameter.
 */
public final class AttributeUpdates {
    private static final Set<String> ACTIONS = Set.of("ADD", "PUT", "DELETE");
    private static final Set<String> ADDABLE = Set.of("N", "SS", "NS", "BS", "L");
    private static final Set<String> SETS = Set.of("SS", "NS", "BS");

    private AttributeUpdates() {}

    /** The update for an item whose key is {@code key}; key attributes cannot be updated. */
    public static Update toUpdate(JsonNode attributeUpdates, KeySchema key) {
        var actions = new ArrayList<UpdateAction>();
        Nodes.object(attributeUpdates)
                .properties()
                .forEach(e -> actions.add(action(e.getKey(), Nodes.object(e.getValue()))));
        for (var action : actions) {
            var attribute = action.path().attribute();
            if (isKey(attribute, key)) {
                throw TableErrors.invalidParameter(
                        "Cannot update attribute " + attribute + ". This attribute is part of the key");
            }
        }
        return new Update(actions, Update.Source.ATTRIBUTE_UPDATES);
    }

    private static UpdateAction action(String attribute, JsonNode entry) {
        var action = Nodes.present(entry.get("Action")) ? Nodes.text(entry.get("Action")) : "PUT";
        if (!ACTIONS.contains(action)) {
            throw Nodes.constraint(
                    "'" + action + "'",
                    "attributeUpdates." + attribute + ".member.action",
                    "Member must satisfy enum value set: [ADD, PUT, DELETE]");
        }
        var value = Nodes.present(entry.get("Value")) ? AttributeValues.read(entry.get("Value")) : null;
        var path = DocumentPath.of(attribute);
        if (value == null) {
            if (!action.equals("DELETE")) {
                throw TableErrors.invalidParameter(
                        "Only DELETE action is allowed when no attribute value is specified");
            }
            return new UpdateAction.Remove(path);
        }
        return switch (action) {
            case "PUT" -> new UpdateAction.Set(path, new SetValue.Single(new UpdateOperand.Value(value)));
            case "ADD" -> new UpdateAction.Add(path, typed(value, ADDABLE, "ADD action"));
            default -> new UpdateAction.Delete(path, typed(value, SETS, "DELETE action with value"));
        };
    }

    private static AttributeValue typed(AttributeValue value, Set<String> allowed, String action) {
        if (!allowed.contains(value.typeName())) {
            throw TableErrors.invalidParameter(action + " is not supported for the type " + value.typeName());
        }
        return value;
    }

    private static boolean isKey(String attribute, KeySchema key) {
        return key.partitionKey().name().equals(attribute)
                || key.sort().map(sort -> sort.name().equals(attribute)).orElse(false);
    }
}
