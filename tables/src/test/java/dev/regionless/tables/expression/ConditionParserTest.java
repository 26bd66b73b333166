package dev.regionless.tables.expression;

import static dev.regionless.tables.TestValues.l;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.tables.AttributeValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionParserTest {
    private static final ExpressionAttributes ATTRIBUTES = ExpressionAttributes.of(
            Map.of("#s", "status", "#n", "name"),
            Map.of(":a", s("a"), ":b", s("b"), ":one", n("1"), ":S", s("S"), ":list", l(n("1"))));

    private static Condition parse(String expression) {
        return ConditionParser.parse(expression, ExpressionKind.CONDITION, ATTRIBUTES);
    }

    private static Operand.Path path(String... names) {
        return new Operand.Path(DocumentPath.of(names));
    }

    @Test
    void parsesAComparisonOfAPathAndAValue() {
        var condition = parse("price >= :one");

        assertThat(condition)
                .isEqualTo(new Condition.Comparison(Comparator.GE, path("price"), new Operand.Value(n("1"))));
    }

    @Test
    void resolvesNamePlaceholdersInPaths() {
        var condition = parse("#s = :a");

        assertThat(condition)
                .isEqualTo(new Condition.Comparison(Comparator.EQ, path("status"), new Operand.Value(s("a"))));
    }

    @Test
    void parsesNestedPathsWithListIndexes() {
        var condition = parse("attribute_exists(a.b[2][0].#n)");

        var expected = new DocumentPath(List.of(
                new PathElement.Name("a"),
                new PathElement.Name("b"),
                new PathElement.Index(2),
                new PathElement.Index(0),
                new PathElement.Name("name")));
        assertThat(condition).isEqualTo(new Condition.AttributeExists(expected));
    }

    @Test
    void andBindsTighterThanOr() {
        var condition = parse("a = :a OR b = :b AND c = :a");

        assertThat(condition).isInstanceOf(Condition.Or.class);
        assertThat(((Condition.Or) condition).right()).isInstanceOf(Condition.And.class);
    }

    @Test
    void notBindsTighterThanAnd() {
        var condition = parse("NOT a = :a AND b = :b");

        assertThat(condition).isInstanceOf(Condition.And.class);
        assertThat(((Condition.And) condition).left()).isInstanceOf(Condition.Not.class);
    }

    @Test
    void parenthesesOverridePrecedence() {
        var condition = parse("(a = :a OR b = :b) AND c = :a");

        assertThat(condition).isInstanceOf(Condition.And.class);
        assertThat(((Condition.And) condition).left()).isInstanceOf(Condition.Or.class);
    }

    @Test
    void keywordsAreCaseInsensitive() {
        var condition = parse("a between :a and :b or not b in (:a, :b)");

        assertThat(condition).isInstanceOf(Condition.Or.class);
    }

    @Test
    void parsesBetweenAndIn() {
        var between = parse("a BETWEEN :a AND :b");
        var in = parse("a IN (:a, :b)");

        assertThat(between)
                .isEqualTo(new Condition.Between(path("a"), new Operand.Value(s("a")), new Operand.Value(s("b"))));
        assertThat(in)
                .isEqualTo(new Condition.In(path("a"), List.of(new Operand.Value(s("a")), new Operand.Value(s("b")))));
    }

    @Test
    void parsesSizeAsAnOperand() {
        var condition = parse("size(a) > :one");

        assertThat(condition)
                .isEqualTo(new Condition.Comparison(
                        Comparator.GT, new Operand.Size(DocumentPath.of("a")), new Operand.Value(n("1"))));
    }

    @Test
    void parsesTheTwoArgumentFunctions() {
        assertThat(parse("begins_with(a, :a)")).isInstanceOf(Condition.BeginsWith.class);
        assertThat(parse("contains(a, :a)")).isInstanceOf(Condition.Contains.class);
        assertThat(parse("attribute_type(a, :S)")).isInstanceOf(Condition.AttributeType.class);
    }

    @Test
    void emptyExpressionIsRejected() {
        assertThatThrownBy(() -> parse(" "))
                .hasMessage("Invalid ConditionExpression: The expression can not be empty;");
    }

    @Test
    void missingOperandIsASyntaxErrorAtTheEnd() {
        assertThatThrownBy(() -> parse("a ="))
                .hasMessage("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
    }

    @Test
    void unexpectedTokenIsASyntaxErrorNamingItAndItsNeighbours() {
        assertThatThrownBy(() -> parse("a = :a b = :b"))
                .hasMessage("Invalid ConditionExpression: Syntax error; token: \"b\", near: \":a b =\"");
    }

    @Test
    void unknownCharacterIsASyntaxError() {
        assertThatThrownBy(() -> parse("a * :a"))
                .hasMessage("Invalid ConditionExpression: Syntax error; token: \"*\", near: \"a * :a\"");
    }

    @Test
    void reservedWordAsABareNameIsRejected() {
        assertThatThrownBy(() -> parse("Status = :a"))
                .hasMessage(
                        "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Status");
    }

    @Test
    void undefinedNamePlaceholderIsRejected() {
        assertThatThrownBy(() -> parse("#x = :a"))
                .hasMessage("Invalid ConditionExpression: An expression attribute name used in the document path "
                        + "is not defined; attribute name: #x");
    }

    @Test
    void undefinedValuePlaceholderIsRejected() {
        assertThatThrownBy(() -> parse("a = :x"))
                .hasMessage("Invalid ConditionExpression: An expression attribute value used in expression "
                        + "is not defined; attribute value: :x");
    }

    @Test
    void unknownFunctionIsRejected() {
        assertThatThrownBy(() -> parse("starts_with(a, :a)"))
                .hasMessage("Invalid ConditionExpression: Invalid function name; function: starts_with");
    }

    @Test
    void functionWithTheWrongNumberOfOperandsIsRejected() {
        assertThatThrownBy(() -> parse("begins_with(a)"))
                .hasMessage("Invalid ConditionExpression: Incorrect number of operands for operator or function; "
                        + "operator or function: begins_with, number of operands: 1");
    }

    @Test
    void functionGivenAValueInsteadOfAPathIsRejected() {
        assertThatThrownBy(() -> parse("attribute_exists(:a)"))
                .hasMessage("Invalid ConditionExpression: Operator or function requires a document path; "
                        + "operator or function: attribute_exists");
    }

    @Test
    void filterExpressionErrorsNameTheFilterParameter() {
        assertThatThrownBy(() -> ConditionParser.parse("a =", ExpressionKind.FILTER, ATTRIBUTES))
                .hasMessageStartingWith("Invalid FilterExpression: Syntax error;");
    }

    @Test
    void valuesInTheTreeAreTheResolvedValues() {
        var condition = (Condition.Comparison) parse("a = :a");

        assertThat(((Operand.Value) condition.right()).value()).isEqualTo(s("a"));
    }

    @Test
    void betweenWithBoundsInTheWrongOrderIsRejected() {
        assertThatThrownBy(() -> parse("a BETWEEN :b AND :a"))
                .hasMessage("Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater "
                        + "than or equal to lower bound; lower bound operand: AttributeValue: {S:b}, "
                        + "upper bound operand: AttributeValue: {S:a}");
    }

    @Test
    void betweenWithBoundsOfDifferentTypesIsRejected() {
        assertThatThrownBy(() -> parse("a BETWEEN :one AND :a"))
                .hasMessage("Invalid ConditionExpression: The BETWEEN operator requires same data type for lower "
                        + "and upper bounds; lower bound operand: AttributeValue: {N:1}, "
                        + "upper bound operand: AttributeValue: {S:a}");
    }

    @Test
    void inAcceptsOneHundredValues() {
        var condition = (Condition.In) parseWithValues("a IN (" + placeholders(100) + ")", 100);

        assertThat(condition.candidates()).hasSize(100);
    }

    @Test
    void inWithMoreThanOneHundredValuesIsRejected() {
        assertThatThrownBy(() -> parseWithValues("a IN (" + placeholders(101) + ")", 101))
                .hasMessage("Invalid ConditionExpression: The IN operator is provided with too many operands; "
                        + "number of operands: 101");
    }

    @Test
    void attributeTypeWithAnUnknownTypeNameIsRejected() {
        assertThatThrownBy(() -> parse("attribute_type(a, :a)"))
                .hasMessage("Invalid ConditionExpression: Invalid attribute type name found; type: a, "
                        + "valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
    }

    @Test
    void attributeTypeWithANumberForTheTypeIsRejected() {
        assertThatThrownBy(() -> parse("attribute_type(a, :one)"))
                .hasMessage("Invalid ConditionExpression: Incorrect operand type for operator or function; "
                        + "operator or function: attribute_type, operand type: N");
    }

    @Test
    void beginsWithANumberValueIsRejected() {
        assertThatThrownBy(() -> parse("begins_with(a, :one)"))
                .hasMessage("Invalid ConditionExpression: Incorrect operand type for operator or function; "
                        + "operator or function: begins_with, operand type: N");
    }

    @Test
    void operandsMayBeParenthesised() {
        var condition = parse("(a) = (:a)");

        assertThat(condition).isEqualTo(new Condition.Comparison(Comparator.EQ, path("a"), new Operand.Value(s("a"))));
    }

    @Test
    void betweenOperandsMayBeParenthesised() {
        var condition = parse("(a)BETWEEN(:a)AND(:b)");

        assertThat(condition)
                .isEqualTo(new Condition.Between(path("a"), new Operand.Value(s("a")), new Operand.Value(s("b"))));
    }

    @Test
    void parenthesesNestToGroupConditions() {
        var condition = parse("((a = :a OR b = :b) AND (c = :a OR (d = :b)))");

        assertThat(condition).isInstanceOf(Condition.And.class);
        assertThat(((Condition.And) condition).left()).isInstanceOf(Condition.Or.class);
        assertThat(((Condition.And) condition).right()).isInstanceOf(Condition.Or.class);
    }

    @Test
    void parenthesesAroundAParenthesisedConditionAreRedundant() {
        assertThatThrownBy(() -> parse("a = :a AND ((b = :b))"))
                .hasMessage("Invalid ConditionExpression: The expression has redundant parentheses;");
    }

    @Test
    void parenthesesAroundAParenthesisedOperandAreRedundant() {
        assertThatThrownBy(() -> parse("a = ((:a))"))
                .hasMessage("Invalid ConditionExpression: The expression has redundant parentheses;");
    }

    @Test
    void comparingAPathWithItselfIsRejected() {
        assertThatThrownBy(() -> parse("a.b = a.b"))
                .hasMessage("Invalid ConditionExpression: The first operand must be distinct from the remaining "
                        + "operands for this operator or function; operator: =, first operand: [a, b]");
    }

    @Test
    void containsOfAPathInItselfIsRejected() {
        assertThatThrownBy(() -> parse("contains(a, a)"))
                .hasMessage("Invalid ConditionExpression: The first operand must be distinct from the remaining "
                        + "operands for this operator or function; operator: contains, first operand: [a]");
    }

    @Test
    void orderingAgainstASuppliedListIsRejected() {
        assertThatThrownBy(() -> parse("a < :list"))
                .hasMessage("Invalid ConditionExpression: Incorrect operand type for operator or function; "
                        + "operator or function: <, operand type: L");
    }

    @Test
    void equalityWithASuppliedListIsAllowed() {
        var condition = parse("a = :list");

        assertThat(condition).isInstanceOf(Condition.Comparison.class);
    }

    private static Condition parseWithValues(String expression, int count) {
        var values = new HashMap<String, AttributeValue>();
        for (int i = 0; i < count; i++) {
            values.put(":v" + i, n(Integer.toString(i)));
        }
        return ConditionParser.parse(expression, ExpressionKind.CONDITION, ExpressionAttributes.of(Map.of(), values));
    }

    private static String placeholders(int count) {
        var names = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            names.add(":v" + i);
        }
        return String.join(", ", names);
    }
}
