package dev.regionless.tables.expression;

import dev.regionless.tables.AttributeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses update expressions by recursive descent: clauses {@code SET}, {@code REMOVE}, {@code ADD} and
 * {@code DELETE}, each at most once, in any order. It rejects at parse time what DynamoDB rejects before reading
 * the item: overlapping or conflicting paths, wrong operand counts, and supplied values of the wrong type.
 */
public final class UpdateParser {
    private static final Set<String> CLAUSES = Set.of("SET", "REMOVE", "ADD", "DELETE");
    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size");

    private final TokenCursor cursor;
    private final List<UpdateAction> actions = new ArrayList<>();

    private UpdateParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    /** Parses an update expression, resolving its placeholders through {@code attributes}. */
    public static Update parse(String expression, ExpressionAttributes attributes) {
        var parser = new UpdateParser(new TokenCursor(expression, ExpressionKind.UPDATE, attributes));
        parser.clauses();
        PathOverlaps.check(parser.actions.stream().map(UpdateAction::path).toList(), ExpressionKind.UPDATE);
        return new Update(parser.actions);
    }

    private void clauses() {
        var seen = new HashSet<String>();
        do {
            var token = cursor.peek();
            var clause = token.text().toUpperCase(Locale.ROOT);
            if (token.type() != Token.Type.IDENTIFIER || !CLAUSES.contains(clause)) {
                throw cursor.syntaxError();
            }
            if (!seen.add(clause)) {
                throw cursor.kind()
                        .error("The \"" + clause + "\" section can only be used once in an update expression;");
            }
            cursor.next();
            do {
                actions.add(action(clause));
            } while (cursor.accept(Token.Type.COMMA));
        } while (!cursor.at(Token.Type.EOF));
    }

    private UpdateAction action(String clause) {
        var path = cursor.path();
        return switch (clause) {
            case "SET" -> {
                cursor.expect(Token.Type.EQ);
                yield new UpdateAction.Set(path, setValue());
            }
            case "REMOVE" -> new UpdateAction.Remove(path);
            case "ADD" -> new UpdateAction.Add(path, typed(cursor.value(), "ADD", "N", "SS", "NS", "BS"));
            default -> new UpdateAction.Delete(path, typed(cursor.value(), "DELETE", "SS", "NS", "BS"));
        };
    }

    private AttributeValue typed(AttributeValue value, String operator, String... allowed) {
        if (!List.of(allowed).contains(value.typeName())) {
            throw cursor.kind()
                    .error("Incorrect operand type for operator or function; operator: " + operator + ", operand type: "
                            + Values.longTypeName(value));
        }
        return value;
    }

    private SetValue setValue() {
        var left = operand();
        if (cursor.at(Token.Type.PLUS) || cursor.at(Token.Type.MINUS)) {
            var operator = cursor.next().text();
            var right = operand();
            requireValueType(left, operator, "N");
            requireValueType(right, operator, "N");
            return operator.equals("+") ? new SetValue.Plus(left, right) : new SetValue.Minus(left, right);
        }
        return new SetValue.Single(left);
    }

    private UpdateOperand operand() {
        if (cursor.at(Token.Type.VALUE_PLACEHOLDER)) {
            return new UpdateOperand.Value(cursor.value());
        }
        if (cursor.at(Token.Type.IDENTIFIER) && cursor.peekAhead(1).type() == Token.Type.LPAREN) {
            return function(cursor.peek().text());
        }
        return new UpdateOperand.Path(cursor.path());
    }

    private UpdateOperand function(String name) {
        if (!name.equals("if_not_exists") && !name.equals("list_append")) {
            throw cursor.kind()
                    .error(
                            CONDITION_FUNCTIONS.contains(name)
                                    ? "The function is not allowed in an update expression; function: " + name
                                    : "Invalid function name; function: " + name);
        }
        cursor.next();
        cursor.expect(Token.Type.LPAREN);
        var arguments = new ArrayList<UpdateOperand>();
        do {
            arguments.add(operand());
        } while (cursor.accept(Token.Type.COMMA));
        cursor.expect(Token.Type.RPAREN);
        if (arguments.size() != 2) {
            throw cursor.kind()
                    .error("Incorrect number of operands for operator or function; operator or function: " + name
                            + ", number of operands: " + arguments.size());
        }
        if (name.equals("list_append")) {
            requireValueType(arguments.get(0), name, "L");
            requireValueType(arguments.get(1), name, "L");
            return new UpdateOperand.ListAppend(arguments.get(0), arguments.get(1));
        }
        if (!(arguments.getFirst() instanceof UpdateOperand.Path(var path))) {
            throw cursor.kind().error("Operator or function requires a document path; operator or function: " + name);
        }
        return new UpdateOperand.IfNotExists(path, arguments.get(1));
    }

    /** A supplied value is checked now; a path's type is only known when the update is applied. */
    private void requireValueType(UpdateOperand operand, String operator, String type) {
        if (operand instanceof UpdateOperand.Value(var value)
                && !value.typeName().equals(type)) {
            throw cursor.kind()
                    .error("Incorrect operand type for operator or function; operator or function: " + operator
                            + ", operand type: " + value.typeName());
        }
    }
}
