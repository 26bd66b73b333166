package dev.regionless.tables.expression;

import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.tables.catalog.KeyElement;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.catalog.ScalarAttributeType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyConditionParserTest {
    private static KeyCondition parse(String expression) {
        var attributes = ExpressionAttributes.of(
                Map.of("#t", "ts"), Map.of(":p", s("user1"), ":low", n("10"), ":high", n("20"), ":pre", s("ab")));
        return KeyConditionParser.parse(expression, attributes, "pk", "ts");
    }

    @Test
    void parsesAPartitionKeyEquality() {
        var condition = parse("pk = :p");

        assertThat(condition).isEqualTo(KeyCondition.of("pk", s("user1")));
    }

    @Test
    void parsesASortKeyComparisonInEitherOrder() {
        var condition = parse("#t >= :low AND pk = :p");

        assertThat(condition.sortKeyCondition())
                .contains(new KeyCondition.SortKeyCondition.Compare("ts", Comparator.GE, n("10")));
    }

    @Test
    void parsesSortKeyBetween() {
        var condition = parse("pk = :p AND ts BETWEEN :low AND :high");

        assertThat(condition.sortKeyCondition())
                .contains(new KeyCondition.SortKeyCondition.Between("ts", n("10"), n("20")));
    }

    @Test
    void matchesItemsByPartitionAndSortKey() {
        var condition = parse("pk = :p AND ts BETWEEN :low AND :high");

        assertThat(condition.matches(item("pk", s("user1"), "ts", n("15")))).isTrue();
        assertThat(condition.matches(item("pk", s("user1"), "ts", n("25")))).isFalse();
        assertThat(condition.matches(item("pk", s("user2"), "ts", n("15")))).isFalse();
    }

    @Test
    void beginsWithOnTheSortKeyMatchesPrefixes() {
        var attributes = ExpressionAttributes.of(Map.of(), Map.of(":p", s("u"), ":pre", s("ab")));
        var condition = KeyConditionParser.parse("pk = :p AND begins_with(sk, :pre)", attributes, "pk", "sk");

        assertThat(condition.matches(item("pk", s("u"), "sk", s("abc")))).isTrue();
        assertThat(condition.matches(item("pk", s("u"), "sk", s("bc")))).isFalse();
    }

    @Test
    void conditionWithoutThePartitionKeyIsRejected() {
        assertThatThrownBy(() -> parse("ts = :low")).hasMessage("Query condition missed key schema element: pk");
    }

    @Test
    void conditionOnANonKeyAttributeIsRejectedNamingTheMissedKey() {
        assertThatThrownBy(() -> parse("pk = :p AND extra = :low"))
                .hasMessage("Query condition missed key schema element: ts");
    }

    @Test
    void partitionKeyWithAnOperatorOtherThanEqualsIsRejected() {
        assertThatThrownBy(() -> parse("pk > :p")).hasMessage("Query key condition not supported");
    }

    @Test
    void twoConditionsOnOneKeyAreRejected() {
        assertThatThrownBy(() -> parse("pk = :p AND ts > :low AND ts < :high"))
                .hasMessage("KeyConditionExpressions must only contain one condition per key");
    }

    @Test
    void orIsNotAllowed() {
        assertThatThrownBy(() -> parse("pk = :p OR ts = :low"))
                .hasMessage("Invalid operator used in KeyConditionExpression: OR");
    }

    @Test
    void beginsWithANumberIsRejected() {
        assertThatThrownBy(() -> parse("pk = :p AND begins_with(ts, :low)"))
                .hasMessage("Invalid KeyConditionExpression: Incorrect operand type for operator or function; "
                        + "operator or function: begins_with, operand type: N");
    }

    @Test
    void syntaxErrorsNameTheKeyConditionParameter() {
        assertThatThrownBy(() -> parse("pk = :p AND"))
                .hasMessage("Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"");
    }

    @Test
    void valueMayStandLeftOfThePartitionKey() {
        var condition = parse(":p = pk");

        assertThat(condition).isEqualTo(KeyCondition.of("pk", s("user1")));
    }

    @Test
    void valueLeftOfTheSortKeyFlipsTheComparison() {
        var condition = parse("pk = :p AND :low < ts");

        assertThat(condition.sortKeyCondition())
                .contains(new KeyCondition.SortKeyCondition.Compare("ts", Comparator.GT, n("10")));
    }

    @Test
    void notEqualIsAnInvalidOperator() {
        assertThatThrownBy(() -> parse("pk = :p AND ts <> :low"))
                .hasMessage("Invalid operator used in KeyConditionExpression: <>");
    }

    @Test
    void conditionFunctionsOtherThanBeginsWithAreInvalidOperators() {
        assertThatThrownBy(() -> parse("pk = :p AND attribute_exists(ts)"))
                .hasMessage("Invalid operator used in KeyConditionExpression: attribute_exists");
    }

    @Test
    void sizeIsANestedOperation() {
        assertThatThrownBy(() -> parse("pk = :p AND size(ts) > :low"))
                .hasMessage("KeyConditionExpressions cannot contain nested operations");
    }

    @Test
    void nestedPathIsRejected() {
        assertThatThrownBy(() -> parse("pk.a = :p"))
                .hasMessage("KeyConditionExpressions cannot have conditions on nested attributes");
    }

    @Test
    void twoAttributesInOneConditionAreRejected() {
        assertThatThrownBy(() -> parse("pk = ts"))
                .hasMessage("Invalid condition in KeyConditionExpression: Multiple attribute names used in one "
                        + "condition");
    }

    @Test
    void conditionWithoutAnyAttributeIsRejected() {
        assertThatThrownBy(() -> parse(":p = :low"))
                .hasMessage("Invalid condition in KeyConditionExpression: No key attribute specified");
    }

    @Test
    void betweenWithAValueFirstIsRejected() {
        assertThatThrownBy(() -> parse("pk = :p AND :low BETWEEN ts AND :high"))
                .hasMessage("Invalid condition in KeyConditionExpression: BETWEEN operator must have the key "
                        + "attribute as its first operand");
    }

    @Test
    void beginsWithAValueFirstIsRejected() {
        assertThatThrownBy(() -> parse("pk = :p AND begins_with(:pre, ts)"))
                .hasMessage("Invalid condition in KeyConditionExpression: begins_with operator must have the key "
                        + "attribute as its first operand");
    }

    @Test
    void conditionsOnThreeAttributesAreRejected() {
        assertThatThrownBy(() -> parse("pk = :p AND ts = :low AND extra = :high"))
                .hasMessage("Conditions can be of length 1 or 2 only");
    }

    @Test
    void secondConditionOnAKeyWithoutSortKeyIsNotSupported() {
        var attributes = ExpressionAttributes.of(Map.of(), Map.of(":p", s("u"), ":v", n("1")));

        assertThatThrownBy(() -> KeyConditionParser.parse("pk = :p AND extra = :v", attributes, "pk"))
                .hasMessage("Query key condition not supported");
    }

    @Test
    void valueOfAnotherTypeThanTheKeyIsRejected() {
        var attributes = ExpressionAttributes.of(Map.of(), Map.of(":v", n("1")));
        var key = new KeySchema(new KeyElement("pk", ScalarAttributeType.S), null);

        assertThatThrownBy(() -> KeyConditionParser.parse("pk = :v", attributes, key))
                .hasMessage(
                        "One or more parameter values were invalid: Condition parameter type does not match schema type");
    }

    @Test
    void parsesAgainstAKeySchema() {
        var attributes = ExpressionAttributes.of(Map.of(), Map.of(":p", s("u"), ":low", n("1"), ":high", n("9")));
        var key =
                new KeySchema(new KeyElement("pk", ScalarAttributeType.S), new KeyElement("ts", ScalarAttributeType.N));

        var condition = KeyConditionParser.parse("ts BETWEEN :low AND :high AND pk = :p", attributes, key);

        assertThat(condition)
                .isEqualTo(
                        KeyCondition.of("pk", s("u"), new KeyCondition.SortKeyCondition.Between("ts", n("1"), n("9"))));
    }
}
