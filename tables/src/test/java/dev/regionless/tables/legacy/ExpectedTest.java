package dev.regionless.tables.legacy;

import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.legacy.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.tables.Item;
import dev.regionless.tables.expression.Comparator;
import dev.regionless.tables.expression.Condition;
import dev.regionless.tables.expression.ConditionEvaluator;
import dev.regionless.tables.expression.DocumentPath;
import dev.regionless.tables.expression.Operand;
import org.junit.jupiter.api.Test;

class ExpectedTest {
    private static final Item ITEM = item("a", n("1"), "b", n("2"));

    private static Condition condition(String expected) {
        return Expected.toCondition(json(expected), null).orElseThrow();
    }

    private static boolean matches(String expected, String conditionalOperator) {
        JsonNode operator = conditionalOperator == null ? null : json(conditionalOperator);
        return ConditionEvaluator.matches(
                Expected.toCondition(json(expected), operator).orElseThrow(), ITEM);
    }

    @Test
    void absentExpectedIsNoCondition() {
        assertThat(Expected.toCondition(null, null)).isEmpty();
        assertThat(Expected.toCondition(json("null"), null)).isEmpty();
    }

    @Test
    void valueAloneMeansEqual() {
        var condition = condition("{'a': {'Value': {'N': '1'}}}");

        assertThat(condition)
                .isEqualTo(new Condition.Comparison(
                        Comparator.EQ, new Operand.Path(DocumentPath.of("a")), new Operand.Value(n("1"))));
    }

    @Test
    void valueIsFalseForAMissingAttribute() {
        assertThat(matches("{'z': {'Value': {'N': '1'}}}", null)).isFalse();
    }

    @Test
    void existsTrueWithAValueMeansEqual() {
        assertThat(condition("{'a': {'Value': {'N': '1'}, 'Exists': true}}"))
                .isEqualTo(condition("{'a': {'Value': {'N': '1'}}}"));
    }

    @Test
    void existsFalseMeansTheAttributeIsAbsent() {
        assertThat(condition("{'a': {'Exists': false}}"))
                .isEqualTo(new Condition.AttributeNotExists(DocumentPath.of("a")));
    }

    @Test
    void existsTrueWithoutAValueIsRejected() {
        assertThatThrownBy(() -> condition("{'a': {'Exists': true}}"))
                .hasMessage("One or more parameter values were invalid: "
                        + "Value must be provided when Exists is true for Attribute: a");
    }

    @Test
    void entryWithNeitherValueNorOperatorIsRejected() {
        assertThatThrownBy(() -> condition("{'a': {}}"))
                .hasMessage("One or more parameter values were invalid: "
                        + "Value must be provided when Exists is null for Attribute: a");
    }

    @Test
    void existsFalseWithAValueIsRejected() {
        assertThatThrownBy(() -> condition("{'a': {'Value': {'N': '1'}, 'Exists': false}}"))
                .hasMessage("One or more parameter values were invalid: "
                        + "Value cannot be used when Exists is false for Attribute: a");
    }

    @Test
    void existsWithAComparisonOperatorIsRejected() {
        assertThatThrownBy(() -> condition(
                        "{'a': {'Exists': false, 'ComparisonOperator': 'EQ', 'AttributeValueList': [{'N': '3'}]}}"))
                .hasMessage("One or more parameter values were invalid: "
                        + "Exists and ComparisonOperator cannot be used together for Attribute: a");
    }

    @Test
    void valueWithAnAttributeValueListIsRejected() {
        assertThatThrownBy(() -> condition("{'a': {'Value': {'N': '3'}, 'ComparisonOperator': 'EQ', "
                        + "'AttributeValueList': [{'N': '3'}]}}"))
                .hasMessage("One or more parameter values were invalid: "
                        + "Value and AttributeValueList cannot be used together for Attribute: a");
    }

    @Test
    void attributeValueListWithoutAnOperatorIsRejected() {
        assertThatThrownBy(() -> condition("{'a': {'AttributeValueList': [{'N': '3'}]}}"))
                .hasMessage("One or more parameter values were invalid: "
                        + "AttributeValueList can only be used with a ComparisonOperator for Attribute: a");
    }

    @Test
    void operatorWithoutValuesIsRejected() {
        assertThatThrownBy(() -> condition("{'a': {'ComparisonOperator': 'GT'}}"))
                .hasMessage("One or more parameter values were invalid: "
                        + "Value or AttributeValueList must be used with ComparisonOperator: GT for Attribute: a");
    }

    @Test
    void nullOperatorNeedsNoValues() {
        assertThat(condition("{'z': {'ComparisonOperator': 'NULL'}}"))
                .isEqualTo(new Condition.AttributeNotExists(DocumentPath.of("z")));
    }

    @Test
    void valueMayCarryTheOperatorsArgument() {
        assertThat(matches("{'a': {'ComparisonOperator': 'LT', 'Value': {'N': '5'}}}", null))
                .isTrue();
    }

    @Test
    void equalWithTwoValuesIsRejected() {
        assertThatThrownBy(() -> condition(
                        "{'a': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'N': '2'}, {'N': '3'}]}}"))
                .hasMessage("One or more parameter values were invalid: "
                        + "Invalid number of argument(s) for the EQ ComparisonOperator");
    }

    @Test
    void unknownComparisonOperatorIsRejected() {
        assertThatThrownBy(() -> condition("{'a': {'ComparisonOperator': 'LIKE', 'Value': {'N': '5'}}}"))
                .hasMessage("1 validation error detected: Value 'LIKE' at 'expected.a.member.comparisonOperator' "
                        + "failed to satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, "
                        + "NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
    }

    @Test
    void conditionsMustAllHoldByDefault() {
        assertThat(matches("{'a': {'Value': {'N': '1'}}, 'b': {'Value': {'N': '9'}}}", null))
                .isFalse();
    }

    @Test
    void conditionalOperatorOrNeedsOneConditionToHold() {
        assertThat(matches("{'a': {'Value': {'N': '1'}}, 'b': {'Value': {'N': '9'}}}", "'OR'"))
                .isTrue();
    }

    @Test
    void conditionalOperatorWithOneConditionIsRejected() {
        assertThatThrownBy(() -> Expected.toCondition(json("{'a': {'Value': {'N': '1'}}}"), json("'AND'")))
                .hasMessage("ConditionalOperator can only be used when Filter or Expected has two or more elements");
    }

    @Test
    void conditionalOperatorWithoutExpectedIsRejected() {
        assertThatThrownBy(() -> Expected.toCondition(json("{}"), json("'OR'")))
                .hasMessage("ConditionalOperator cannot be used without Filter or Expected");
    }

    @Test
    void unknownConditionalOperatorIsRejected() {
        assertThatThrownBy(() -> Expected.toCondition(json("{}"), json("'XOR'")))
                .hasMessage("1 validation error detected: Value 'XOR' at 'conditionalOperator' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [OR, AND]");
    }

    @Test
    void valueMustBeDynamoDbJson() {
        assertThatThrownBy(() -> condition("{'a': {'Value': {}}}"))
                .hasMessage("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
}
