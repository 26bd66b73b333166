package dev.regionless.tables.expression;

import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                .hasMessage("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: OR");
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
}
