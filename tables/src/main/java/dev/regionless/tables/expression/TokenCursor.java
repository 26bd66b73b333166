package dev.regionless.tables.expression;

import dev.regionless.common.AwsException;
import dev.regionless.tables.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The shared part of every expression parser: a cursor over the tokens of one expression, plus the pieces all
 * expression kinds have in common (document paths, value placeholders) and DynamoDB's syntax error texts.
 */
final class TokenCursor {
    private static final Set<String> GRAMMAR_WORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");

    private final String source;
    private final List<Token> tokens;
    private final ExpressionKind kind;
    private final ExpressionAttributes attributes;
    private int position;

    TokenCursor(String source, ExpressionKind kind, ExpressionAttributes attributes) {
        if (source.isBlank()) {
            throw kind.error("The expression can not be empty;");
        }
        this.source = source;
        this.tokens = Tokenizer.tokenize(source);
        this.kind = kind;
        this.attributes = attributes;
    }

    ExpressionKind kind() {
        return kind;
    }

    ExpressionAttributes attributes() {
        return attributes;
    }

    Token peek() {
        return tokens.get(position);
    }

    Token peekAhead(int offset) {
        return tokens.get(Math.min(position + offset, tokens.size() - 1));
    }

    Token next() {
        var token = peek();
        if (token.type() != Token.Type.EOF) {
            position++;
        }
        return token;
    }

    boolean at(Token.Type type) {
        return peek().type() == type;
    }

    boolean atKeyword(String keyword) {
        return peek().isKeyword(keyword);
    }

    /** Consumes the next token if it has the type, and says whether it did. */
    boolean accept(Token.Type type) {
        if (at(type)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(Token.Type type) {
        if (!at(type)) {
            throw syntaxError();
        }
        return next();
    }

    void expectKeyword(String keyword) {
        if (!atKeyword(keyword)) {
            throw syntaxError();
        }
        next();
    }

    void expectEnd() {
        if (!at(Token.Type.EOF)) {
            throw syntaxError();
        }
    }

    /**
     * DynamoDB's syntax error for the current token: {@code Syntax error; token: "x", near: "a x b"}, where "near"
     * is the source from the token before to the token after.
     */
    AwsException syntaxError() {
        var token = peek();
        int from = position > 0 ? tokens.get(position - 1).start() : token.start();
        int to = position + 1 < tokens.size() ? tokens.get(position + 1).end() : token.end();
        return kind.error(
                "Syntax error; token: \"" + token.display() + "\", near: \"" + source.substring(from, to) + "\"");
    }

    /**
     * True if the parenthesis here wraps an operand, as in {@code (a) = :v}, rather than a condition: a
     * parenthesised condition is never followed by a comparator, {@code BETWEEN} or {@code IN}.
     */
    boolean atParenthesisedOperand() {
        int close = closingParenthesis(position);
        if (close < 0) {
            return false;
        }
        var after = tokens.get(close + 1);
        return Comparator.of(after.type()) != null || after.isKeyword("BETWEEN") || after.isKeyword("IN");
    }

    /** True if the parenthesis here wraps nothing but another parenthesised group, as in {@code ((a))}. */
    boolean atRedundantParentheses() {
        int close = closingParenthesis(position);
        return close > 0 && peekAhead(1).type() == Token.Type.LPAREN && closingParenthesis(position + 1) == close - 1;
    }

    /** The index of the parenthesis that closes the one at {@code open}, or -1 if none does. */
    private int closingParenthesis(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            var type = tokens.get(i).type();
            if (type == Token.Type.LPAREN) {
                depth++;
            } else if (type == Token.Type.RPAREN && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** True if the next token can start a document path. */
    boolean atPath() {
        return at(Token.Type.NAME_PLACEHOLDER)
                || (at(Token.Type.IDENTIFIER) && peekAhead(1).type() != Token.Type.LPAREN);
    }

    /** Parses {@code name}, {@code #name}, then any {@code .name}, {@code .#name} and {@code [n]} steps. */
    DocumentPath path() {
        var elements = new ArrayList<PathElement>();
        elements.add(new PathElement.Name(pathName()));
        while (at(Token.Type.DOT) || at(Token.Type.LBRACKET)) {
            if (accept(Token.Type.DOT)) {
                elements.add(new PathElement.Name(pathName()));
            } else {
                next();
                var number = expect(Token.Type.NUMBER);
                elements.add(new PathElement.Index(index(number)));
                expect(Token.Type.RBRACKET);
            }
        }
        return new DocumentPath(elements);
    }

    private int index(Token number) {
        try {
            return Integer.parseInt(number.text());
        } catch (NumberFormatException e) {
            throw kind.error("List index is not within the allowable range; index: " + number.text());
        }
    }

    private String pathName() {
        var token = peek();
        if (token.type() == Token.Type.NAME_PLACEHOLDER) {
            next();
            return attributes.name(token.text(), kind);
        }
        if (token.type() != Token.Type.IDENTIFIER
                || GRAMMAR_WORDS.contains(token.text().toUpperCase(Locale.ROOT))) {
            throw syntaxError();
        }
        if (ReservedWords.contains(token.text())) {
            throw kind.error("Attribute name is a reserved keyword; reserved keyword: " + token.text());
        }
        next();
        return token.text();
    }

    /** Parses a {@code :value} placeholder into the value it stands for. */
    AttributeValue value() {
        var token = expect(Token.Type.VALUE_PLACEHOLDER);
        return attributes.value(token.text(), kind);
    }
}
