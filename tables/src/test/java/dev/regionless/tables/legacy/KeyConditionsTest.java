package dev.regionless.tables.legacy;

import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.s;
import static dev.regionless.tables.legacy.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.tables.catalog.KeyElement;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.catalog.ScalarAttributeType;
import dev.regionless.tables.expression.Comparator;
import dev.regionless.tables.expression.KeyCondition;
import org.junit.jupiter.api.Test;

class KeyConditionsTest {
    private static final KeySchema KEY =
            new KeySchema(new KeyElement("pk", ScalarAttributeType.S), new KeyElement("ts", ScalarAttributeType.N));
    private static final String PARTITION = "'pk': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'u'}]}";

    private static KeyCondition convert(String keyConditions) {
        return KeyConditions.toKeyCondition(json(keyConditions), KEY);
    }

    @Test
    void partitionKeyEqualityAlone() {
        assertThat(convert("{" + PARTITION + "}")).isEqualTo(KeyCondition.of("pk", s("u")));
    }

    @Test
    void sortKeyComparison() {
        var condition =
                convert("{" + PARTITION + ", 'ts': {'ComparisonOperator': 'GE', 'AttributeValueList': [{'N': '5'}]}}");

        assertThat(condition.sortKeyCondition())
                .contains(new KeyCondition.SortKeyCondition.Compare("ts", Comparator.GE, n("5")));
    }

    @Test
    void sortKeyBetween() {
        var condition = convert("{'ts': {'ComparisonOperator': 'BETWEEN', 'AttributeValueList': [{'N': '1'}, "
                + "{'N': '9'}]}, " + PARTITION + "}");

        assertThat(condition.sortKeyCondition())
                .contains(new KeyCondition.SortKeyCondition.Between("ts", n("1"), n("9")));
    }

    @Test
    void partitionKeyCompareOtherThanEqualIsNotSupported() {
        assertThatThrownBy(() -> convert("{'pk': {'ComparisonOperator': 'GT', 'AttributeValueList': [{'S': 'u'}]}}"))
                .hasMessage("Query key condition not supported");
    }

    @Test
    void operatorThatCannotUseTheKeyIsRejected() {
        assertThatThrownBy(() -> convert(
                        "{" + PARTITION + ", 'ts': {'ComparisonOperator': 'NE', 'AttributeValueList': [{'N': '5'}]}}"))
                .hasMessage("Attempted conditional constraint is not an indexable operation");
    }

    @Test
    void missingPartitionKeyIsRejected() {
        assertThatThrownBy(() -> convert("{'ts': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'N': '5'}]}}"))
                .hasMessage("Query condition missed key schema element: pk");
    }

    @Test
    void conditionOnAnotherAttributeIsRejectedNamingTheSortKey() {
        assertThatThrownBy(() -> convert(
                        "{" + PARTITION + ", 'x': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'N': '5'}]}}"))
                .hasMessage("Query condition missed key schema element: ts");
    }

    @Test
    void valueOfAnotherTypeThanTheKeyIsRejected() {
        assertThatThrownBy(() -> convert("{'pk': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'N': '1'}]}}"))
                .hasMessage(
                        "One or more parameter values were invalid: Condition parameter type does not match schema type");
    }

    @Test
    void wrongNumberOfValuesIsRejected() {
        assertThatThrownBy(() -> convert("{'pk': {'ComparisonOperator': 'EQ', 'AttributeValueList': []}}"))
                .hasMessage("One or more parameter values were invalid: "
                        + "Invalid number of argument(s) for the EQ ComparisonOperator");
    }

    @Test
    void noConditionsAreRejected() {
        assertThatThrownBy(() -> convert("{}")).hasMessage("Conditions can be of length 1 or 2 only");
    }

    @Test
    void absentKeyConditionsAreRejected() {
        assertThatThrownBy(() -> KeyConditions.toKeyCondition(null, KEY))
                .hasMessage("Either the KeyConditions or KeyConditionExpression parameter must be specified in the "
                        + "request.");
    }

    @Test
    void missingComparisonOperatorIsRejectedNamingTheMember() {
        assertThatThrownBy(() -> convert("{'pk': {'AttributeValueList': [{'S': 'u'}]}}"))
                .hasMessage("1 validation error detected: Value null at 'keyConditions.pk.member.comparisonOperator' "
                        + "failed to satisfy constraint: Member must not be null");
    }
}
