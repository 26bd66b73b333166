package dev.regionless.tables.expression;

import dev.regionless.tables.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses condition, filter and key condition expressions by recursive descent, with DynamoDB's precedence:
 * comparisons, {@code BETWEEN}, {@code IN} and functions bind tightest, then {@code NOT}, then {@code AND}, then
 * {@code OR}; parentheses group.
 */
public final class ConditionParser {
    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");

    private final TokenCursor cursor;

    private ConditionParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    /** Parses an expression of the given kind, resolving its placeholders through {@code attributes}. */
    public static Condition parse(String expression, ExpressionKind kind, ExpressionAttributes attributes) {
        var parser = new ConditionParser(new TokenCursor(expression, kind, attributes));
        var condition = parser.or();
        parser.cursor.expectEnd();
        return condition;
    }

    private Condition or() {
        var left = and();
        while (cursor.atKeyword("OR")) {
            cursor.next();
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        var left = not();
        while (cursor.atKeyword("AND")) {
            cursor.next();
            left = new Condition.And(left, not());
        }
        return left;
    }

    private Condition not() {
        if (cursor.atKeyword("NOT")) {
            cursor.next();
            return new Condition.Not(not());
        }
        return primary();
    }

    private Condition primary() {
        if (cursor.accept(Token.Type.LPAREN)) {
            var inner = or();
            cursor.expect(Token.Type.RPAREN);
            return inner;
        }
        if (cursor.at(Token.Type.IDENTIFIER) && cursor.peekAhead(1).type() == Token.Type.LPAREN) {
            var name = cursor.peek().text();
            if (CONDITION_FUNCTIONS.contains(name)) {
                return function(name);
            }
        }
        return comparison(operand());
    }

    private Condition comparison(Operand left) {
        var comparator = Comparator.of(cursor.peek().type());
        if (comparator != null) {
            cursor.next();
            return new Condition.Comparison(comparator, left, operand());
        }
        if (cursor.atKeyword("BETWEEN")) {
            cursor.next();
            var low = operand();
            cursor.expectKeyword("AND");
            var high = operand();
            checkBounds(low, high);
            return new Condition.Between(left, low, high);
        }
        if (cursor.atKeyword("IN")) {
            cursor.next();
            cursor.expect(Token.Type.LPAREN);
            var candidates = new ArrayList<Operand>();
            do {
                candidates.add(operand());
            } while (cursor.accept(Token.Type.COMMA));
            cursor.expect(Token.Type.RPAREN);
            return new Condition.In(left, candidates);
        }
        throw cursor.syntaxError();
    }

    /** DynamoDB rejects, before reading any item, two supplied bounds of different types or in the wrong order. */
    private void checkBounds(Operand low, Operand high) {
        if (low instanceof Operand.Value(var l) && high instanceof Operand.Value(var h)) {
            var bounds = "lower bound operand: AttributeValue: {" + describe(l) + "}, "
                    + "upper bound operand: AttributeValue: {" + describe(h) + "}";
            if (!l.typeName().equals(h.typeName())) {
                throw cursor.kind()
                        .error("The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
            }
            if (Values.compare(l, h).orElse(0) > 0) {
                throw cursor.kind()
                        .error("The BETWEEN operator requires upper bound to be greater than or equal to "
                                + "lower bound; " + bounds);
            }
        }
    }

    private static String describe(AttributeValue value) {
        return value.typeName() + ":"
                + switch (value) {
                    case AttributeValue.S(var s) -> s;
                    case AttributeValue.N n -> n.text();
                    case AttributeValue.B(var b) -> b.toBase64();
                    default -> value.toString();
                };
    }

    /** An operand: a path, a value placeholder, or {@code size(path)}. */
    private Operand operand() {
        if (cursor.at(Token.Type.VALUE_PLACEHOLDER)) {
            return new Operand.Value(cursor.value());
        }
        if (cursor.at(Token.Type.IDENTIFIER) && cursor.peekAhead(1).type() == Token.Type.LPAREN) {
            var name = cursor.peek().text();
            if (!name.equals("size")) {
                throw CONDITION_FUNCTIONS.contains(name)
                        ? cursor.kind()
                                .error("The function is not allowed to be used this way in an expression; "
                                        + "function: " + name)
                        : cursor.kind().error("Invalid function name; function: " + name);
            }
            return new Operand.Size(pathArgument(name, arguments(name, 1), 0));
        }
        return new Operand.Path(cursor.path());
    }

    private Condition function(String name) {
        return switch (name) {
            case "attribute_exists" -> new Condition.AttributeExists(pathArgument(name, arguments(name, 1), 0));
            case "attribute_not_exists" -> new Condition.AttributeNotExists(pathArgument(name, arguments(name, 1), 0));
            default -> twoArgumentFunction(name, arguments(name, 2));
        };
    }

    private Condition twoArgumentFunction(String name, List<Operand> arguments) {
        var path = pathArgument(name, arguments, 0);
        return switch (name) {
            case "attribute_type" -> new Condition.AttributeType(path, arguments.get(1));
            case "begins_with" -> new Condition.BeginsWith(path, arguments.get(1));
            case "contains" -> new Condition.Contains(path, arguments.get(1));
            default -> throw new IllegalStateException("not a condition function: " + name);
        };
    }

    private List<Operand> arguments(String name, int expected) {
        cursor.next();
        cursor.expect(Token.Type.LPAREN);
        var arguments = new ArrayList<Operand>();
        do {
            arguments.add(operand());
        } while (cursor.accept(Token.Type.COMMA));
        cursor.expect(Token.Type.RPAREN);
        if (arguments.size() != expected) {
            throw cursor.kind()
                    .error("Incorrect number of operands for operator or function; operator or function: "
                            + name.toLowerCase(Locale.ROOT) + ", number of operands: " + arguments.size());
        }
        return arguments;
    }

    private DocumentPath pathArgument(String function, List<Operand> arguments, int index) {
        if (arguments.get(index) instanceof Operand.Path(var path)) {
            return path;
        }
        throw cursor.kind().error("Operator or function requires a document path; operator or function: " + function);
    }
}
