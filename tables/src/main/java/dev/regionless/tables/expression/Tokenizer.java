package dev.regionless.tables.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits any DynamoDB expression into tokens. It never fails: a character no expression may hold becomes an
 * {@code UNKNOWN} token, which the parser reports as a syntax error with DynamoDB's "token"/"near" context.
 */
final class Tokenizer {
    private final String source;
    private int position;

    private Tokenizer(String source) {
        this.source = source;
    }

    static List<Token> tokenize(String source) {
        var tokenizer = new Tokenizer(source);
        var tokens = new ArrayList<Token>();
        Token token;
        do {
            token = tokenizer.next();
            tokens.add(token);
        } while (token.type() != Token.Type.EOF);
        return tokens;
    }

    private Token next() {
        while (position < source.length() && Character.isWhitespace(source.charAt(position))) {
            position++;
        }
        int start = position;
        if (position >= source.length()) {
            return new Token(Token.Type.EOF, "", start, start);
        }
        char c = source.charAt(position);
        if (isWordStart(c)) {
            return word(Token.Type.IDENTIFIER, start);
        }
        if ((c == '#' || c == ':') && position + 1 < source.length() && isWordPart(source.charAt(position + 1))) {
            position++;
            return word(c == '#' ? Token.Type.NAME_PLACEHOLDER : Token.Type.VALUE_PLACEHOLDER, start);
        }
        if (Character.isDigit(c)) {
            while (position < source.length() && Character.isDigit(source.charAt(position))) {
                position++;
            }
            return token(Token.Type.NUMBER, start);
        }
        return symbol(c, start);
    }

    private Token symbol(char c, int start) {
        var two = source.startsWith("<>", start)
                ? Token.Type.NE
                : source.startsWith("<=", start)
                        ? Token.Type.LE
                        : source.startsWith(">=", start) ? Token.Type.GE : null;
        if (two != null) {
            position += 2;
            return token(two, start);
        }
        position++;
        var type = switch (c) {
            case '=' -> Token.Type.EQ;
            case '<' -> Token.Type.LT;
            case '>' -> Token.Type.GT;
            case '(' -> Token.Type.LPAREN;
            case ')' -> Token.Type.RPAREN;
            case '[' -> Token.Type.LBRACKET;
            case ']' -> Token.Type.RBRACKET;
            case ',' -> Token.Type.COMMA;
            case '.' -> Token.Type.DOT;
            case '+' -> Token.Type.PLUS;
            case '-' -> Token.Type.MINUS;
            default -> Token.Type.UNKNOWN;
        };
        return token(type, start);
    }

    private Token word(Token.Type type, int start) {
        while (position < source.length() && isWordPart(source.charAt(position))) {
            position++;
        }
        return token(type, start);
    }

    private Token token(Token.Type type, int start) {
        return new Token(type, source.substring(start, position), start, position);
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || (c >= '0' && c <= '9');
    }
}
