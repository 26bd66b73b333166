package dev.regionless.tables.partiql;

import java.util.Locale;

/**
 * One token of a statement.
 *
 * @param kind what the token is
 * @param text the identifier, the string's content (quotes removed), the number's digits, or the symbol
 * @param offset where the token starts in the statement, for error messages
 */
record PartiqlToken(Kind kind, String text, int offset) {
    enum Kind {
        /** An unquoted name or keyword: {@code SELECT}, {@code pk}. */
        WORD,
        /** A name in double quotes: {@code "Music"}. */
        QUOTED_NAME,
        /** A string in single quotes: {@code 'Acme'}. */
        STRING,
        NUMBER,
        /** A positional parameter: {@code ?}. */
        PARAMETER,
        /** Punctuation or an operator: {@code ( ) [ ] { } , . : * = <> != < <= > >= + - << >> ;}. */
        SYMBOL,
        END
    }

    /** Whether this is the unquoted keyword {@code keyword}, in any case. */
    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.toUpperCase(Locale.ROOT).equals(keyword);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** How the token is shown in an error message. */
    String shown() {
        return switch (kind) {
            case END -> "end of statement";
            case STRING -> "'" + text + "'";
            case QUOTED_NAME -> "\"" + text + "\"";
            default -> text;
        };
    }
}
