package dev.regionless.tables.partiql;

import dev.regionless.tables.TableErrors;
import dev.regionless.tables.partiql.PartiqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * WHERE conditions, operands and paths, by recursive descent. OR binds loosest, then AND, then NOT, as in
 * DynamoDB's condition expressions.
 */
final class ExpressionParser {
    private static final Set<String> COMPARATORS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");
    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("begins_with", "contains", "attribute_exists", "attribute_not_exists", "attribute_type");
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("list_append", "set_add", "set_delete");

    private ExpressionParser() {}

    static Predicate predicate(TokenStream tokens) {
        var left = conjunction(tokens);
        while (tokens.acceptKeyword("OR")) {
            left = new Predicate.Or(left, conjunction(tokens));
        }
        return left;
    }

    private static Predicate conjunction(TokenStream tokens) {
        var left = negation(tokens);
        while (tokens.acceptKeyword("AND")) {
            left = new Predicate.And(left, negation(tokens));
        }
        return left;
    }

    private static Predicate negation(TokenStream tokens) {
        if (tokens.acceptKeyword("NOT")) {
            tokens.enter();
            var negated = new Predicate.Not(negation(tokens));
            tokens.exit();
            return negated;
        }
        if (tokens.acceptSymbol("(")) {
            tokens.enter();
            var inner = predicate(tokens);
            tokens.expectSymbol(")");
            tokens.exit();
            return inner;
        }
        var token = tokens.peek();
        if (token.kind() == Kind.WORD && tokens.peek(1).isSymbol("(")) {
            var name = token.text().toLowerCase(Locale.ROOT);
            if (CONDITION_FUNCTIONS.contains(name)) {
                tokens.next();
                return new Predicate.Function(name, arguments(tokens));
            }
            if (!name.equals("size")) {
                throw TableErrors.validation("Unrecognized function: " + token.text());
            }
        }
        return comparison(tokens);
    }

    private static Predicate comparison(TokenStream tokens) {
        var left = operand(tokens);
        var token = tokens.peek();
        if (token.kind() == Kind.SYMBOL && COMPARATORS.contains(token.text())) {
            tokens.next();
            var operator = token.text().equals("!=") ? "<>" : token.text();
            return new Predicate.Comparison(left, operator, operand(tokens));
        }
        boolean negated = tokens.acceptKeyword("NOT");
        Predicate result;
        if (tokens.acceptKeyword("BETWEEN")) {
            var low = operand(tokens);
            tokens.expectKeyword("AND");
            result = new Predicate.Between(left, low, operand(tokens));
        } else if (tokens.acceptKeyword("IN")) {
            result = in(tokens, left);
        } else if (!negated && tokens.acceptKeyword("IS")) {
            return is(tokens, left);
        } else {
            throw tokens.unexpected();
        }
        return negated ? new Predicate.Not(result) : result;
    }

    private static Predicate in(TokenStream tokens, Operand left) {
        if (!(left instanceof Operand.Path)) {
            throw TableErrors.validation("IN operator must have a left hand argument of type Variable Reference and "
                    + "right hand argument of type Seq with at least one member");
        }
        var close = tokens.acceptSymbol("[") ? "]" : null;
        if (close == null) {
            tokens.expectSymbol("(");
            close = ")";
        }
        var candidates = new ArrayList<Operand>();
        do {
            candidates.add(operand(tokens));
        } while (tokens.acceptSymbol(","));
        tokens.expectSymbol(close);
        return new Predicate.In(left, candidates);
    }

    private static Predicate is(TokenStream tokens, Operand left) {
        if (!(left instanceof Operand.Path path)) {
            throw TableErrors.validation(
                    "The left hand side argument to IS must be a Variable Reference, Literal, or Path");
        }
        boolean negated = tokens.acceptKeyword("NOT");
        if (tokens.acceptKeyword("MISSING")) {
            return new Predicate.Is(path.path(), true, negated);
        }
        if (tokens.acceptKeyword("NULL")) {
            return new Predicate.Is(path.path(), false, negated);
        }
        throw tokens.expected("MISSING or NULL");
    }

    private static List<Operand> arguments(TokenStream tokens) {
        tokens.expectSymbol("(");
        var arguments = new ArrayList<Operand>();
        if (!tokens.acceptSymbol(")")) {
            do {
                arguments.add(updateValue(tokens));
            } while (tokens.acceptSymbol(","));
            tokens.expectSymbol(")");
        }
        return arguments;
    }

    /** A path, a value, or {@code size(path)}. */
    static Operand operand(TokenStream tokens) {
        if (ValueParser.startsValue(tokens)) {
            return new Operand.Value(ValueParser.value(tokens));
        }
        if (tokens.peek().isKeyword("SIZE") && tokens.peek(1).isSymbol("(")) {
            tokens.next();
            tokens.expectSymbol("(");
            var path = path(tokens);
            tokens.expectSymbol(")");
            return new Operand.Size(path);
        }
        return new Operand.Path(path(tokens));
    }

    /** The value of a SET: an operand, {@code a + b}, {@code a - b}, or an update function. */
    static Operand updateValue(TokenStream tokens) {
        var token = tokens.peek();
        if (token.kind() == Kind.WORD && tokens.peek(1).isSymbol("(")) {
            var name = token.text().toLowerCase(Locale.ROOT);
            if (UPDATE_FUNCTIONS.contains(name)) {
                tokens.next();
                return new Operand.Call(name, arguments(tokens));
            }
        }
        var left = operand(tokens);
        if (tokens.peek().isSymbol("+") || tokens.peek().isSymbol("-")) {
            var operator = tokens.next().text();
            return new Operand.Arithmetic(left, operator, operand(tokens));
        }
        return left;
    }

    static AttributePath path(TokenStream tokens) {
        var steps = new ArrayList<AttributePath.Step>();
        steps.add(new AttributePath.Name(name(tokens)));
        while (true) {
            if (tokens.acceptSymbol(".")) {
                steps.add(new AttributePath.Name(name(tokens)));
            } else if (tokens.acceptSymbol("[")) {
                var token = tokens.next();
                if (token.kind() == Kind.NUMBER && token.text().chars().allMatch(Character::isDigit)) {
                    steps.add(new AttributePath.Index(Integer.parseInt(token.text())));
                } else if (token.kind() == Kind.STRING) {
                    steps.add(new AttributePath.Name(token.text()));
                } else {
                    throw StatementErrors.malformed(
                            "Expected a list index or a quoted map key but found " + token.shown());
                }
                tokens.expectSymbol("]");
            } else {
                return new AttributePath(steps);
            }
        }
    }

    /** A name: a word, or anything in double quotes. */
    static String name(TokenStream tokens) {
        var token = tokens.peek();
        if (token.kind() == Kind.WORD || token.kind() == Kind.QUOTED_NAME) {
            tokens.next();
            if (token.text().isEmpty()) {
                throw TableErrors.validation("Path component cannot be an empty string");
            }
            return token.text();
        }
        throw tokens.expected("a name");
    }
}
