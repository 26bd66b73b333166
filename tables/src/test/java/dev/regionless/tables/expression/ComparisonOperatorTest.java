package dev.regionless.tables.expression;

import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.l;
import static dev.regionless.tables.TestValues.m;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.s;
import static dev.regionless.tables.TestValues.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonOperatorTest {
    private static final Item ITEM = item(
            "price",
            n("10"),
            "name",
            s("apple"),
            "tags",
            ss("red", "green"),
            "parts",
            l(n("1"), s("x")),
            "empty",
            new AttributeValue.NULL());

    private static boolean matches(ComparisonOperator operator, String attribute, AttributeValue... values) {
        return ConditionEvaluator.matches(operator.toCondition(DocumentPath.of(attribute), List.of(values)), ITEM);
    }

    @Test
    void notEqualIsTrueForAMissingAttribute() {
        assertThat(matches(ComparisonOperator.NE, "absent", n("1"))).isTrue();
    }

    @Test
    void notEqualIsTrueForAValueOfAnotherType() {
        assertThat(matches(ComparisonOperator.NE, "price", s("10"))).isTrue();
    }

    @Test
    void orderingIsFalseForAMissingAttribute() {
        assertThat(matches(ComparisonOperator.LT, "absent", n("100"))).isFalse();
    }

    @Test
    void notNullHoldsForAnAttributeOfTypeNull() {
        assertThat(matches(ComparisonOperator.NOT_NULL, "empty")).isTrue();
        assertThat(matches(ComparisonOperator.NULL, "empty")).isFalse();
    }

    @Test
    void containsFindsSubstringsSetMembersAndListElements() {
        assertThat(matches(ComparisonOperator.CONTAINS, "name", s("ppl"))).isTrue();
        assertThat(matches(ComparisonOperator.CONTAINS, "tags", s("red"))).isTrue();
        assertThat(matches(ComparisonOperator.CONTAINS, "parts", n("1"))).isTrue();
    }

    @Test
    void notContainsIsFalseForAMissingAttribute() {
        assertThat(matches(ComparisonOperator.NOT_CONTAINS, "absent", s("red"))).isFalse();
        assertThat(matches(ComparisonOperator.CONTAINS, "absent", s("red"))).isFalse();
    }

    @Test
    void notContainsHoldsWhenTheSetLacksTheValue() {
        assertThat(matches(ComparisonOperator.NOT_CONTAINS, "tags", s("blue"))).isTrue();
        assertThat(matches(ComparisonOperator.NOT_CONTAINS, "tags", s("red"))).isFalse();
    }

    @Test
    void inMatchesTheAttributeAgainstEachListedValue() {
        assertThat(matches(ComparisonOperator.IN, "price", n("3"), n("10"))).isTrue();
        assertThat(matches(ComparisonOperator.IN, "tags", s("red"))).isFalse();
    }

    @Test
    void betweenIncludesBothBounds() {
        assertThat(matches(ComparisonOperator.BETWEEN, "price", n("10"), n("12")))
                .isTrue();
        assertThat(matches(ComparisonOperator.BETWEEN, "price", n("11"), n("12")))
                .isFalse();
    }

    @Test
    void beginsWithMatchesAPrefix() {
        assertThat(matches(ComparisonOperator.BEGINS_WITH, "name", s("app"))).isTrue();
    }

    @Test
    void wrongNumberOfValuesIsRejected() {
        assertThatThrownBy(() -> ComparisonOperator.BETWEEN.checkArguments(List.of(n("1"))))
                .hasMessage("One or more parameter values were invalid: "
                        + "Invalid number of argument(s) for the BETWEEN ComparisonOperator");
    }

    @Test
    void nullTakesNoValues() {
        assertThatThrownBy(() -> ComparisonOperator.NULL.checkArguments(List.of(s("a"))))
                .hasMessage("One or more parameter values were invalid: "
                        + "Invalid number of argument(s) for the NULL ComparisonOperator");
    }

    @Test
    void valuesOfDifferentTypesAreRejected() {
        assertThatThrownBy(() -> ComparisonOperator.IN.checkArguments(List.of(n("3"), s("dog"))))
                .hasMessage("One or more parameter values were invalid: "
                        + "AttributeValues inside AttributeValueList must be of same type");
    }

    @Test
    void orderingOperatorsRejectSets() {
        assertThatThrownBy(() -> ComparisonOperator.LT.checkArguments(List.of(ss("a"))))
                .hasMessage("One or more parameter values were invalid: "
                        + "ComparisonOperator LT is not valid for SS AttributeValue type");
    }

    @Test
    void containsRejectsAList() {
        assertThatThrownBy(() -> ComparisonOperator.CONTAINS.checkArguments(List.of(l(n("1")))))
                .hasMessage("One or more parameter values were invalid: "
                        + "ComparisonOperator CONTAINS is not valid for L AttributeValue type");
    }

    @Test
    void beginsWithRejectsANumber() {
        assertThatThrownBy(() -> ComparisonOperator.BEGINS_WITH.checkArguments(List.of(n("1"))))
                .hasMessage("One or more parameter values were invalid: "
                        + "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type");
    }

    @Test
    void equalAcceptsEveryType() {
        assertThatCode(() -> ComparisonOperator.EQ.checkArguments(List.of(m("k", s("v")))))
                .doesNotThrowAnyException();
    }

    @Test
    void betweenBoundsInTheWrongOrderAreRejected() {
        assertThatThrownBy(() -> ComparisonOperator.BETWEEN.checkArguments(List.of(s("b"), s("a"))))
                .hasMessage("The BETWEEN condition was provided a range where the lower bound is greater than the "
                        + "upper bound");
    }
}
