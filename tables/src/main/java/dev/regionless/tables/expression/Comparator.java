package dev.regionless.tables.expression;

/** The comparison operators of conditions, with their expression spelling. */
public enum Comparator {
    EQ("="),
    NE("<>"),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in an expression. */
    public String symbol() {
        return symbol;
    }

    /** True for the operators that order values ({@code < <= > >=}) rather than test equality. */
    public boolean isOrdering() {
        return this != EQ && this != NE;
    }

    /** The operator that holds with the operands swapped: {@code :v < a} is {@code a > :v}. */
    public Comparator flipped() {
        return switch (this) {
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
            default -> this;
        };
    }

    /** Whether a comparison result ({@code a.compareTo(b)}) satisfies this ordering operator. */
    boolean holds(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
        };
    }

    static Comparator of(Token.Type type) {
        return switch (type) {
            case EQ -> EQ;
            case NE -> NE;
            case LT -> LT;
            case LE -> LE;
            case GT -> GT;
            case GE -> GE;
            default -> null;
        };
    }
}
