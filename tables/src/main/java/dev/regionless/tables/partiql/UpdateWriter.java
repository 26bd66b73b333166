package dev.regionless.tables.partiql;

import dev.regionless.tables.TableErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An UPDATE's SET and REMOVE clauses as an update expression. {@code SET s = set_add(s, <<...>>)} and
 * {@code set_delete} become the expression's ADD and DELETE actions, the only way DynamoDB changes a set in place.
 */
final class UpdateWriter {
    private UpdateWriter() {}

    static String write(List<Statement.UpdateClause> clauses, ExpressionWriter writer) {
        var sets = new ArrayList<String>();
        var adds = new ArrayList<String>();
        var deletes = new ArrayList<String>();
        var removes = new ArrayList<String>();
        for (var clause : clauses) {
            switch (clause) {
                case Statement.UpdateClause.Remove remove -> removes.add(writer.path(remove.path()));
                case Statement.UpdateClause.Set set -> {
                    if (set.value() instanceof Operand.Call call
                            && call.function().startsWith("set_")) {
                        var target = call.function().equals("set_add") ? adds : deletes;
                        target.add(writer.path(set.path()) + " " + setArgument(set, call, writer));
                    } else {
                        sets.add(writer.path(set.path()) + " = " + writer.operand(set.value()));
                    }
                }
            }
        }
        var expression = new StringBuilder();
        append(expression, "SET", sets);
        append(expression, "ADD", adds);
        append(expression, "DELETE", deletes);
        append(expression, "REMOVE", removes);
        return expression.toString();
    }

    private static String setArgument(Statement.UpdateClause.Set set, Operand.Call call, ExpressionWriter writer) {
        var name = call.function().substring(4).toUpperCase(Locale.ROOT);
        if (call.arguments().size() != 2) {
            throw TableErrors.validation("SET_" + name + " must have exactly two arguments");
        }
        if (!(call.arguments().get(0) instanceof Operand.Path path)
                || !path.path().equals(set.path())) {
            throw TableErrors.validation("The first argument to SET_" + name + " must equal the assignment value");
        }
        if (!(call.arguments().get(1) instanceof Operand.Value value)
                || !(value.value().has("SS")
                        || value.value().has("NS")
                        || value.value().has("BS"))) {
            throw TableErrors.validation("The second argument to SET_" + name + " must be a value with type SET");
        }
        return writer.value(value.value());
    }

    private static void append(StringBuilder expression, String keyword, List<String> actions) {
        if (actions.isEmpty()) {
            return;
        }
        if (!expression.isEmpty()) {
            expression.append(' ');
        }
        expression.append(keyword).append(' ').append(String.join(", ", actions));
    }
}
