package dev.regionless.tables.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a WHERE clause as DynamoDB does: a conjunction whose terms may fix key attributes. */
final class WhereClause {
    private static final Map<String, String> MIRRORED = Map.of("<", ">", "<=", ">=", ">", "<", ">=", "<=", "=", "=");

    private WhereClause() {}

    /** The terms of the clause's top-level AND; one term if there is none, none for no clause. */
    static List<Predicate> conjuncts(Predicate where) {
        var terms = new ArrayList<Predicate>();
        if (where != null) {
            collect(where, terms);
        }
        return terms;
    }

    private static void collect(Predicate predicate, List<Predicate> terms) {
        if (predicate instanceof Predicate.And and) {
            collect(and.left(), terms);
            collect(and.right(), terms);
        } else {
            terms.add(predicate);
        }
    }

    /** The terms joined by AND again, or null for none. */
    static Predicate and(List<Predicate> terms) {
        Predicate result = null;
        for (var term : terms) {
            result = result == null ? term : new Predicate.And(result, term);
        }
        return result;
    }

    /** The value {@code term} fixes {@code attribute} to, when it is {@code attribute = value}; otherwise null. */
    static JsonNode equality(Predicate term, String attribute) {
        var comparison = oriented(term, attribute);
        return comparison != null && comparison.operator().equals("=")
                ? ((Operand.Value) comparison.right()).value()
                : null;
    }

    /** The values of {@code attribute IN [v, ...]}, or null when {@code term} is not that. */
    static List<JsonNode> inValues(Predicate term, String attribute) {
        if (!(term instanceof Predicate.In in) || !isAttribute(in.value(), attribute)) {
            return null;
        }
        var values = new ArrayList<JsonNode>();
        for (var candidate : in.candidates()) {
            if (!(candidate instanceof Operand.Value value)) {
                return null;
            }
            values.add(value.value());
        }
        return values;
    }

    /**
     * The term as a sort key condition Query accepts ({@code =, <, <=, >, >=} against a value, BETWEEN two
     * values, or begins_with a value), turned so the attribute is on the left; null if it is none of these.
     */
    static Predicate sortKeyCondition(Predicate term, String attribute) {
        var comparison = oriented(term, attribute);
        if (comparison != null) {
            return comparison;
        }
        if (term instanceof Predicate.Between between
                && isAttribute(between.value(), attribute)
                && between.low() instanceof Operand.Value
                && between.high() instanceof Operand.Value) {
            return term;
        }
        if (term instanceof Predicate.Function function
                && function.name().equals("begins_with")
                && function.arguments().size() == 2
                && isAttribute(function.arguments().get(0), attribute)
                && function.arguments().get(1) instanceof Operand.Value) {
            return term;
        }
        return null;
    }

    /** {@code attribute op value} (or {@code value op attribute}, mirrored), or null. */
    private static Predicate.Comparison oriented(Predicate term, String attribute) {
        if (!(term instanceof Predicate.Comparison c) || !MIRRORED.containsKey(c.operator())) {
            return null;
        }
        if (isAttribute(c.left(), attribute) && c.right() instanceof Operand.Value) {
            return c;
        }
        if (isAttribute(c.right(), attribute) && c.left() instanceof Operand.Value) {
            return new Predicate.Comparison(c.right(), MIRRORED.get(c.operator()), c.left());
        }
        return null;
    }

    private static boolean isAttribute(Operand operand, String attribute) {
        return operand instanceof Operand.Path path
                && path.path().isTopLevel()
                && path.path().root().equals(attribute);
    }
}
