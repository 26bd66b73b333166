package dev.regionless.tables.expression;

/** One token of an expression, with its place in the source text for error messages. */
record Token(Type type, String text, int start, int end) {
    enum Type {
        IDENTIFIER,
        NAME_PLACEHOLDER,
        VALUE_PLACEHOLDER,
        NUMBER,
        EQ,
        NE,
        LT,
        LE,
        GT,
        GE,
        LPAREN,
        RPAREN,
        LBRACKET,
        RBRACKET,
        COMMA,
        DOT,
        PLUS,
        MINUS,
        UNKNOWN,
        EOF
    }

    /** True if this is an identifier spelled as the given keyword, ignoring case. */
    boolean isKeyword(String keyword) {
        return type == Type.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    /** The token as DynamoDB quotes it in syntax errors. */
    String display() {
        return type == Type.EOF ? "<EOF>" : text;
    }
}
