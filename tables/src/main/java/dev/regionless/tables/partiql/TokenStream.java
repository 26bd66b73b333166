package dev.regionless.tables.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.AwsException;
import dev.regionless.tables.partiql.PartiqlToken.Kind;
import java.util.List;

/** The parsers' cursor over a statement's tokens, which also hands out its parameters in order. */
final class TokenStream {
    static final int MAX_DEPTH = 64;

    private final List<PartiqlToken> tokens;
    private final List<JsonNode> parameters;
    private int position;
    private int parametersUsed;
    private int depth;

    TokenStream(String statement, List<JsonNode> parameters) {
        this.tokens = Lexer.tokens(statement);
        this.parameters = List.copyOf(parameters);
    }

    PartiqlToken peek() {
        return tokens.get(position);
    }

    PartiqlToken peek(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    PartiqlToken next() {
        var token = tokens.get(position);
        if (token.kind() != Kind.END) {
            position++;
        }
        return token;
    }

    boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            position++;
            return true;
        }
        return false;
    }

    void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) {
            throw expected(keyword);
        }
    }

    boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            position++;
            return true;
        }
        return false;
    }

    void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw expected("'" + symbol + "'");
        }
    }

    /**
     * Notes one more level of nesting (parentheses, NOT, maps, lists). A statement is at most 8 KB, but enough
     * levels of it would exhaust the stack of a recursive-descent parser; DynamoDB's documents nest at most 32.
     */
    void enter() {
        if (++depth > MAX_DEPTH) {
            throw StatementErrors.malformed(
                    "Nested more than " + MAX_DEPTH + " levels deep at position " + (peek().offset() + 1));
        }
    }

    void exit() {
        depth--;
    }

    /** The value of the next {@code ?}. */
    JsonNode nextParameter() {
        if (parametersUsed >= parameters.size()) {
            throw StatementErrors.parameterCount();
        }
        return parameters.get(parametersUsed++);
    }

    /** Checks that the statement has ended and used every parameter given. */
    void expectEnd() {
        acceptSymbol(";");
        if (peek().kind() != Kind.END) {
            throw unexpected();
        }
        if (parametersUsed != parameters.size()) {
            throw StatementErrors.parameterCount();
        }
    }

    AwsException unexpected() {
        var token = peek();
        if (token.kind() == Kind.END) {
            return StatementErrors.malformed("Unexpected end of statement");
        }
        var what = token.kind() == Kind.WORD ? "keyword or name" : "token";
        return StatementErrors.malformed(
                "Unexpected " + what + " " + token.shown() + " at position " + (token.offset() + 1));
    }

    AwsException expected(String what) {
        var token = peek();
        return StatementErrors.malformed("Expected " + what + " but found " + token.shown()
                + (token.kind() == Kind.END ? "" : " at position " + (token.offset() + 1)));
    }
}
