package dev.regionless.tables.expression;

import dev.regionless.common.AwsException;
import dev.regionless.tables.TableErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses condition, filter and key condition expressions by recursive descent, with DynamoDB's precedence:
 * comparisons, {@code BETWEEN}, {@code IN} and functions bind tightest, then {@code NOT}, then {@code AND}, then
 * {@code OR}. Parentheses group conditions and may wrap operands ({@code (a) = :v}); parentheses that wrap only
 * another pair of parentheses are an error in DynamoDB, and so here.
 */
public final class ConditionParser {
    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");

    /** DynamoDB's limit on the values listed after one {@code IN}. */
    private static final int MAX_IN_OPERANDS = 100;

    private final TokenCursor cursor;
    private final OperandChecks checks;

    private ConditionParser(TokenCursor cursor) {
        this.cursor = cursor;
        this.checks = new OperandChecks(cursor.kind());
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
        if (cursor.at(Token.Type.LPAREN) && !cursor.atParenthesisedOperand()) {
            rejectRedundantParentheses();
            cursor.next();
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
            var right = operand();
            checks.requireDistinct(comparator.symbol(), left, right);
            if (comparator.isOrdering()) {
                checks.requireOrdered(comparator.symbol(), left);
                checks.requireOrdered(comparator.symbol(), right);
            }
            return new Condition.Comparison(comparator, left, right);
        }
        if (cursor.atKeyword("BETWEEN")) {
            cursor.next();
            var low = operand();
            cursor.expectKeyword("AND");
            var high = operand();
            List.of(left, low, high).forEach(operand -> checks.requireOrdered("BETWEEN", operand));
            checks.requireOrderedBounds(low, high);
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
            if (candidates.size() > MAX_IN_OPERANDS) {
                throw cursor.kind()
                        .error("The IN operator is provided with too many operands; number of operands: "
                                + candidates.size());
            }
            return new Condition.In(left, candidates);
        }
        throw cursor.syntaxError();
    }

    /** An operand: a path, a value placeholder, or {@code size(path)}, any of them in parentheses. */
    private Operand operand() {
        if (cursor.at(Token.Type.LPAREN)) {
            rejectRedundantParentheses();
            cursor.next();
            var inner = operand();
            cursor.expect(Token.Type.RPAREN);
            return inner;
        }
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

    private void rejectRedundantParentheses() {
        if (cursor.atRedundantParentheses()) {
            throw cursor.kind().error("The expression has redundant parentheses;");
        }
    }

    private Condition function(String name) {
        return switch (name) {
            case "attribute_exists" -> new Condition.AttributeExists(pathArgument(name, arguments(name, 1), 0));
            case "attribute_not_exists" -> new Condition.AttributeNotExists(pathArgument(name, arguments(name, 1), 0));
            default -> twoArgumentFunction(name, arguments(name, 2));
        };
    }

    private Condition twoArgumentFunction(String name, List<Operand> arguments) {
        checks.requireDistinct(name, arguments.get(0), arguments.get(1));
        return switch (name) {
            case "attribute_type" -> {
                var type = checks.requireTypeName(arguments.get(1));
                yield new Condition.AttributeType(pathArgument(name, arguments, 0), type);
            }
            case "begins_with" -> {
                arguments.forEach(checks::requirePrefixType);
                yield new Condition.BeginsWith(beginsWithPath(arguments.getFirst()), arguments.get(1));
            }
            case "contains" -> new Condition.Contains(pathArgument(name, arguments, 0), arguments.get(1));
            default -> throw new IllegalStateException("not a condition function: " + name);
        };
    }

    /** A key condition words a value first in begins_with as a misplaced key, other expressions as a missing path. */
    private DocumentPath beginsWithPath(Operand first) {
        if (first instanceof Operand.Path(var path)) {
            return path;
        }
        if (cursor.kind() == ExpressionKind.KEY_CONDITION) {
            throw TableErrors.validation("Invalid condition in KeyConditionExpression: "
                    + "begins_with operator must have the key attribute as its first operand");
        }
        throw requiresPath("begins_with");
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
        throw requiresPath(function);
    }

    private AwsException requiresPath(String function) {
        return cursor.kind().error("Operator or function requires a document path; operator or function: " + function);
    }
}
