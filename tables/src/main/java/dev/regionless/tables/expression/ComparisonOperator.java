package dev.regionless.tables.expression;

import static java.util.Objects.requireNonNull;

import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.TableErrors;
import java.util.List;
import java.util.Set;

/**
 * The comparison operators of DynamoDB's legacy conditions ({@code Expected}, {@code QueryFilter},
 * {@code ScanFilter}, {@code KeyConditions}), each with the checks DynamoDB makes on its
 * {@code AttributeValueList} and the expression-model condition it stands for.
 *
 * <p>It lives beside the expression model because DynamoDB also checks the key conditions it derives from a
 * {@code KeyConditionExpression} with these rules.
 */
public enum ComparisonOperator {
    EQ(1, 1, Types.ANY),
    NE(1, 1, Types.ANY),
    LE(1, 1, Types.ORDERED),
    LT(1, 1, Types.ORDERED),
    GE(1, 1, Types.ORDERED),
    GT(1, 1, Types.ORDERED),
    NOT_NULL(0, 0, Types.ANY),
    NULL(0, 0, Types.ANY),
    CONTAINS(1, 1, Types.ELEMENTS),
    NOT_CONTAINS(1, 1, Types.ELEMENTS),
    BEGINS_WITH(1, 1, Types.PREFIXES),
    IN(1, Integer.MAX_VALUE, Types.ORDERED),
    BETWEEN(2, 2, Types.ORDERED);

    private final int minArguments;
    private final int maxArguments;
    private final Set<String> argumentTypes;

    ComparisonOperator(int minArguments, int maxArguments, Set<String> argumentTypes) {
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
        this.argumentTypes = argumentTypes;
    }

    /** The legacy operator an expression comparator stands for: {@code <} is {@code LT}, and so on. */
    public static ComparisonOperator of(Comparator comparator) {
        return switch (requireNonNull(comparator, "comparator")) {
            case EQ -> EQ;
            case NE -> NE;
            case LT -> LT;
            case LE -> LE;
            case GT -> GT;
            case GE -> GE;
        };
    }

    /**
     * Rejects an {@code AttributeValueList} this operator cannot take, with DynamoDB's texts, checking as DynamoDB
     * does: the number of values, then that they share one type, then that the type suits the operator, then
     * the order of {@code BETWEEN}'s bounds.
     */
    public void checkArguments(List<AttributeValue> values) {
        if (values.size() < minArguments || values.size() > maxArguments) {
            throw TableErrors.invalidParameter(
                    "Invalid number of argument(s) for the " + name() + " ComparisonOperator");
        }
        if (values.stream().map(AttributeValue::typeName).distinct().count() > 1) {
            throw TableErrors.invalidParameter("AttributeValues inside AttributeValueList must be of same type");
        }
        for (var value : values) {
            if (!argumentTypes.contains(value.typeName())) {
                throw TableErrors.invalidParameter("ComparisonOperator " + name() + " is not valid for "
                        + value.typeName() + " AttributeValue type");
            }
        }
        if (this == BETWEEN && Values.compare(values.get(0), values.get(1)).orElse(0) > 0) {
            throw TableErrors.validation(
                    "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
    }

    /**
     * The condition on the attribute at {@code path} that this operator and its (checked) values stand for.
     * {@code NOT_CONTAINS} is false for a missing attribute, as in DynamoDB, so it is not simply
     * {@code NOT contains(...)}.
     */
    public Condition toCondition(DocumentPath path, List<AttributeValue> values) {
        var attribute = new Operand.Path(path);
        return switch (this) {
            case EQ -> new Condition.Comparison(Comparator.EQ, attribute, first(values));
            case NE -> new Condition.Comparison(Comparator.NE, attribute, first(values));
            case LE -> new Condition.Comparison(Comparator.LE, attribute, first(values));
            case LT -> new Condition.Comparison(Comparator.LT, attribute, first(values));
            case GE -> new Condition.Comparison(Comparator.GE, attribute, first(values));
            case GT -> new Condition.Comparison(Comparator.GT, attribute, first(values));
            case NOT_NULL -> new Condition.AttributeExists(path);
            case NULL -> new Condition.AttributeNotExists(path);
            case CONTAINS -> new Condition.Contains(path, first(values));
            case NOT_CONTAINS ->
                new Condition.And(
                        new Condition.AttributeExists(path),
                        new Condition.Not(new Condition.Contains(path, first(values))));
            case BEGINS_WITH -> new Condition.BeginsWith(path, first(values));
            case IN ->
                new Condition.In(
                        attribute,
                        values.stream().<Operand>map(Operand.Value::new).toList());
            case BETWEEN -> new Condition.Between(attribute, first(values), new Operand.Value(values.get(1)));
        };
    }

    private static Operand first(List<AttributeValue> values) {
        return new Operand.Value(values.getFirst());
    }

    /** The argument types of each operator; a nested class because enum constants cannot use their own statics. */
    private static final class Types {
        static final Set<String> ANY = Set.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "BOOL", "NULL");
        static final Set<String> ORDERED = Set.of("S", "N", "B");
        static final Set<String> ELEMENTS = Set.of("S", "N", "B", "BOOL", "NULL");
        static final Set<String> PREFIXES = Set.of("S", "B");
    }
}
