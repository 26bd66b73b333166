package dev.regionless.tables.partiql;

import dev.regionless.tables.partiql.PartiqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a statement into tokens. Strings are in single quotes and names may be in double quotes, a doubled quote
 * standing for itself in both; {@code --} and {@code /* *}{@code /} comments are skipped.
 */
final class Lexer {
    private static final List<String> TWO_CHARACTER_SYMBOLS = List.of("<>", "!=", "<=", ">=", "<<", ">>");
    private static final String ONE_CHARACTER_SYMBOLS = "()[]{},.:*=<>+-;";

    private final String text;
    private int position;

    private Lexer(String text) {
        this.text = text;
    }

    static List<PartiqlToken> tokens(String statement) {
        var lexer = new Lexer(statement);
        var tokens = new ArrayList<PartiqlToken>();
        PartiqlToken token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.kind() != Kind.END);
        return tokens;
    }

    private PartiqlToken next() {
        skipSpaceAndComments();
        if (position >= text.length()) {
            return new PartiqlToken(Kind.END, "", position);
        }
        int start = position;
        char c = text.charAt(position);
        if (c == '\'') {
            return new PartiqlToken(Kind.STRING, quoted('\''), start);
        }
        if (c == '"') {
            return new PartiqlToken(Kind.QUOTED_NAME, quoted('"'), start);
        }
        if (c == '?') {
            position++;
            return new PartiqlToken(Kind.PARAMETER, "?", start);
        }
        if (Character.isDigit(c) || (c == '.' && nextIsDigit(1))) {
            return new PartiqlToken(Kind.NUMBER, number(), start);
        }
        if (Character.isLetter(c) || c == '_' || c == '$') {
            while (position < text.length() && isWordPart(text.charAt(position))) {
                position++;
            }
            return new PartiqlToken(Kind.WORD, text.substring(start, position), start);
        }
        if (position + 1 < text.length() && TWO_CHARACTER_SYMBOLS.contains(text.substring(position, position + 2))) {
            position += 2;
            return new PartiqlToken(Kind.SYMBOL, text.substring(start, position), start);
        }
        if (ONE_CHARACTER_SYMBOLS.indexOf(c) >= 0) {
            position++;
            return new PartiqlToken(Kind.SYMBOL, String.valueOf(c), start);
        }
        throw StatementErrors.malformed("Unexpected character " + c + " at position " + start);
    }

    private void skipSpaceAndComments() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
            } else if (text.startsWith("--", position)) {
                int end = text.indexOf('\n', position);
                position = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", position)) {
                int end = text.indexOf("*/", position + 2);
                if (end < 0) {
                    throw StatementErrors.malformed("Unterminated comment at position " + position);
                }
                position = end + 2;
            } else {
                return;
            }
        }
    }

    private String quoted(char quote) {
        int start = position;
        position++;
        var content = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c != quote) {
                content.append(c);
            } else if (position < text.length() && text.charAt(position) == quote) {
                content.append(quote);
                position++;
            } else {
                return content.toString();
            }
        }
        throw StatementErrors.malformed(
                (quote == '\'' ? "Unterminated string" : "Unterminated quoted name") + " at position " + start);
    }

    private String number() {
        int start = position;
        while (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
            position++;
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            int exponent = position + 1;
            if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < text.length() && Character.isDigit(text.charAt(exponent))) {
                position = exponent;
                while (position < text.length() && Character.isDigit(text.charAt(position))) {
                    position++;
                }
            }
        }
        return text.substring(start, position);
    }

    private boolean nextIsDigit(int ahead) {
        return position + ahead < text.length() && Character.isDigit(text.charAt(position + ahead));
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
