package dev.regionless.tables.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a statement's conditions, paths and values as DynamoDB expressions. Every name becomes a {@code #n}
 * placeholder and every value a {@code :v} placeholder, so no attribute name is ever taken for a reserved word and
 * the item API parses, checks and evaluates the expression exactly as it does for a JSON request.
 */
final class ExpressionWriter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode names = JSON.objectNode();
    private final ObjectNode values = JSON.objectNode();
    private final Map<String, String> placeholders = new HashMap<>();

    String path(AttributePath path) {
        var text = new StringBuilder();
        for (var step : path.steps()) {
            switch (step) {
                case AttributePath.Name name -> {
                    if (!text.isEmpty()) {
                        text.append('.');
                    }
                    text.append(name(name.name()));
                }
                case AttributePath.Index index ->
                    text.append('[').append(index.index()).append(']');
            }
        }
        return text.toString();
    }

    String name(String name) {
        return placeholders.computeIfAbsent(name, n -> {
            var placeholder = "#n" + placeholders.size();
            names.put(placeholder, n);
            return placeholder;
        });
    }

    String value(JsonNode value) {
        var placeholder = ":v" + values.size();
        values.set(placeholder, value);
        return placeholder;
    }

    String predicate(Predicate predicate) {
        return switch (predicate) {
            case Predicate.And and -> joined(WhereClause.conjuncts(and), " AND ");
            case Predicate.Or or -> joined(disjuncts(or, new java.util.ArrayList<>()), " OR ");
            case Predicate.Not not -> "NOT (" + predicate(not.operand()) + ")";
            case Predicate.Comparison c -> operand(c.left()) + " " + c.operator() + " " + operand(c.right());
            case Predicate.Between b ->
                operand(b.value()) + " BETWEEN " + operand(b.low()) + " AND " + operand(b.high());
            case Predicate.In in -> operand(in.value()) + " IN (" + operands(in.candidates()) + ")";
            case Predicate.Function f -> f.name() + "(" + operands(f.arguments()) + ")";
            case Predicate.Is is -> is(is);
        };
    }

    /**
     * Terms joined flat, each in parentheses: a chain of a thousand ANDs stays one level deep for the expression
     * parser that reads it next, instead of a thousand nested levels.
     */
    private String joined(List<Predicate> terms, String operator) {
        return terms.stream().map(term -> "(" + predicate(term) + ")").collect(Collectors.joining(operator));
    }

    private static List<Predicate> disjuncts(Predicate predicate, List<Predicate> terms) {
        if (predicate instanceof Predicate.Or or) {
            disjuncts(or.left(), terms);
            disjuncts(or.right(), terms);
        } else {
            terms.add(predicate);
        }
        return terms;
    }

    private String is(Predicate.Is is) {
        if (is.missing()) {
            return (is.negated() ? "attribute_exists(" : "attribute_not_exists(") + path(is.path()) + ")";
        }
        var test = "attribute_type(" + path(is.path()) + ", "
                + value(JSON.objectNode().put("S", "NULL")) + ")";
        return is.negated() ? "NOT " + test : test;
    }

    String operand(Operand operand) {
        return switch (operand) {
            case Operand.Path path -> path(path.path());
            case Operand.Value value -> value(value.value());
            case Operand.Size size -> "size(" + path(size.path()) + ")";
            case Operand.Arithmetic a -> operand(a.left()) + " " + a.operator() + " " + operand(a.right());
            case Operand.Call call -> call.function() + "(" + operands(call.arguments()) + ")";
        };
    }

    private String operands(List<Operand> operands) {
        return operands.stream().map(this::operand).collect(Collectors.joining(", "));
    }

    /** Adds {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} to a request, if any were used. */
    ObjectNode addTo(ObjectNode request) {
        if (!names.isEmpty()) {
            request.set("ExpressionAttributeNames", names.deepCopy());
        }
        if (!values.isEmpty()) {
            request.set("ExpressionAttributeValues", values.deepCopy());
        }
        return request;
    }
}
