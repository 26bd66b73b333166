package dev.regionless.tables.legacy;

import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.s;
import static dev.regionless.tables.legacy.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.tables.Item;
import dev.regionless.tables.expression.ConditionEvaluator;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterTest {
    private static final Item ITEM = item("pk", s("p"), "price", n("10"), "name", s("apple"));

    private static boolean scanMatches(String filter, String conditionalOperator) {
        var operator = conditionalOperator == null ? null : json(conditionalOperator);
        return ConditionEvaluator.matches(
                Filter.scanFilter(json(filter), operator).orElseThrow(), ITEM);
    }

    @Test
    void scanFilterComparesTheNamedAttribute() {
        assertThat(scanMatches("{'price': {'ComparisonOperator': 'GE', 'AttributeValueList': [{'N': '10'}]}}", null))
                .isTrue();
        assertThat(scanMatches("{'price': {'ComparisonOperator': 'GT', 'AttributeValueList': [{'N': '10'}]}}", null))
                .isFalse();
    }

    @Test
    void filterConditionsMustAllHoldByDefault() {
        var filter = "{'price': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'N': '10'}]},"
                + " 'name': {'ComparisonOperator': 'BEGINS_WITH', 'AttributeValueList': [{'S': 'pear'}]}}";

        assertThat(scanMatches(filter, null)).isFalse();
        assertThat(scanMatches(filter, "'OR'")).isTrue();
    }

    @Test
    void absentFilterIsNoCondition() {
        assertThat(Filter.scanFilter(null, null)).isEmpty();
    }

    @Test
    void missingComparisonOperatorIsRejectedNamingTheMember() {
        assertThatThrownBy(() -> Filter.scanFilter(json("{'price': {'AttributeValueList': [{'N': '1'}]}}"), null))
                .hasMessage("1 validation error detected: Value null at 'scanFilter.price.member.comparisonOperator' "
                        + "failed to satisfy constraint: Member must not be null");
    }

    @Test
    void queryFilterErrorsNameTheQueryFilterMember() {
        assertThatThrownBy(() -> Filter.queryFilter(json("{'price': {}}"), null, List.of("pk")))
                .hasMessageContaining("'queryFilter.price.member.comparisonOperator'");
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> Filter.scanFilter(json("{'price': {'ComparisonOperator': 'EQ'}}"), null))
                .hasMessage("One or more parameter values were invalid: "
                        + "Invalid number of argument(s) for the EQ ComparisonOperator");
    }

    @Test
    void queryFilterOnAKeyAttributeIsRejected() {
        var filter = json("{'pk': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'p'}]}}");

        assertThatThrownBy(() -> Filter.queryFilter(filter, null, List.of("pk", "sk")))
                .hasMessage("QueryFilter can only contain non-primary key attributes: Primary key attribute: pk");
    }

    @Test
    void queryFilterOnOtherAttributesIsAccepted() {
        var filter = json("{'name': {'ComparisonOperator': 'CONTAINS', 'AttributeValueList': [{'S': 'ppl'}]}}");

        var condition = Filter.queryFilter(filter, null, List.of("pk")).orElseThrow();

        assertThat(ConditionEvaluator.matches(condition, ITEM)).isTrue();
    }
}
