package dev.regionless.tables.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.expression.DocumentPath;
import dev.regionless.tables.expression.Projection;
import java.util.ArrayList;
import java.util.LinkedHashSet;

/**
 * The legacy {@code AttributesToGet} parameter, as a {@link Projection} of top-level attributes. Each name is
 * taken literally: {@code a.b} names an attribute called "a.b", not a path.
 */
public final class AttributesToGet {
    /** DynamoDB's limit on the names in one AttributesToGet. */
    private static final int MAX_NAMES = 255;

    private AttributesToGet() {}

    /** The projection of the listed attributes; 1 to 255 distinct names. */
    public static Projection toProjection(JsonNode attributesToGet) {
        if (!attributesToGet.isArray()) {
            throw TableErrors.serialization("Unexpected value type in payload: " + attributesToGet.getNodeType());
        }
        var names = new ArrayList<String>();
        attributesToGet.forEach(name -> names.add(Nodes.text(name)));
        if (names.isEmpty() || names.size() > MAX_NAMES) {
            throw Nodes.constraint(
                    "'[" + String.join(", ", names) + "]'",
                    "attributesToGet",
                    names.isEmpty()
                            ? "Member must have length greater than or equal to 1"
                            : "Member must have length less than or equal to " + MAX_NAMES);
        }
        var distinct = new LinkedHashSet<String>();
        for (var name : names) {
            if (!distinct.add(name)) {
                throw TableErrors.invalidParameter("Duplicate value in attribute name: " + name);
            }
        }
        return new Projection(distinct.stream().map(DocumentPath::of).toList());
    }
}
