package dev.regionless.tables.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A value in a statement's expression: an attribute, a literal or bound parameter, or a computed value. */
sealed interface Operand {
    record Path(AttributePath path) implements Operand {}

    /** A literal or a parameter, as DynamoDB JSON: {@code {"S": "x"}}. */
    record Value(JsonNode value) implements Operand {}

    /** {@code size(path)}. */
    record Size(AttributePath path) implements Operand {}

    /** {@code a + b} or {@code a - b}, in an UPDATE's SET. */
    record Arithmetic(Operand left, String operator, Operand right) implements Operand {}

    /** {@code list_append(a, b)}, {@code set_add(a, b)} or {@code set_delete(a, b)}, in an UPDATE's SET. */
    record Call(String function, List<Operand> arguments) implements Operand {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }
}
