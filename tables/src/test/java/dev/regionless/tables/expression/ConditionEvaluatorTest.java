package dev.regionless.tables.expression;

import static dev.regionless.tables.TestValues.b;
import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.l;
import static dev.regionless.tables.TestValues.m;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.ns;
import static dev.regionless.tables.TestValues.s;
import static dev.regionless.tables.TestValues.ss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.tables.Item;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionEvaluatorTest {
    private static final Item ITEM = item(
            "fruit", s("apple"),
            "price", n("10"),
            "payload", b("abcdef"),
            "tags", ss("red", "green"),
            "sizes", ns("1", "2"),
            "info", m("colour", s("red"), "parts", l(n("5"), s("x"))));

    private static boolean matches(String expression, Item item) {
        var attributes = ExpressionAttributes.of(
                Map.of(),
                Map.of(
                        ":ten", n("10.0"), ":five", n("5"), ":twenty", n("20"), ":app", s("app"), ":red", s("red"),
                        ":S", s("S"), ":SS", s("SS"), ":abc", b("abc"), ":one", n("1"), ":x", s("x")));
        return ConditionEvaluator.matches(
                ConditionParser.parse(expression, ExpressionKind.CONDITION, attributes), item);
    }

    private static boolean matches(String expression) {
        return matches(expression, ITEM);
    }

    @Test
    void numbersCompareNumerically() {
        assertThat(matches("price = :ten")).isTrue();
        assertThat(matches("price > :five")).isTrue();
        assertThat(matches("price < :five")).isFalse();
    }

    @Test
    void stringsCompareByTheirBytes() {
        assertThat(matches("fruit > :app")).isTrue();
        assertThat(matches("fruit <= :app")).isFalse();
    }

    @Test
    void orderingValuesOfDifferentTypesIsFalseNotAnError() {
        assertThat(matches("fruit > :five")).isFalse();
        assertThat(matches("fruit < :five")).isFalse();
    }

    @Test
    void comparisonWithAMissingAttributeIsFalse() {
        assertThat(matches("absent = :five")).isFalse();
        assertThat(matches("absent < :five")).isFalse();
    }

    @Test
    void notEqualWithAMissingAttributeIsTrue() {
        assertThat(matches("absent <> :five")).isTrue();
    }

    @Test
    void notEqualBetweenTwoMissingAttributesIsTrue() {
        assertThat(matches("absent <> gone")).isTrue();
    }

    @Test
    void betweenIncludesBothBounds() {
        assertThat(matches("price BETWEEN :ten AND :twenty")).isTrue();
        assertThat(matches("price BETWEEN :five AND :ten")).isTrue();
        assertThat(matches("price BETWEEN :one AND :five")).isFalse();
    }

    @Test
    void inMatchesAnyCandidate() {
        assertThat(matches("price IN (:five, :ten)")).isTrue();
        assertThat(matches("price IN (:five, :one)")).isFalse();
    }

    @Test
    void logicalOperatorsCombine() {
        assertThat(matches("price = :ten AND NOT fruit = :app")).isTrue();
        assertThat(matches("price = :five OR fruit = :app")).isFalse();
    }

    @Test
    void attributeExistsFollowsNestedPaths() {
        assertThat(matches("attribute_exists(info.parts[1])")).isTrue();
        assertThat(matches("attribute_exists(info.parts[2])")).isFalse();
        assertThat(matches("attribute_not_exists(info.nothing)")).isTrue();
    }

    @Test
    void attributeExistsOnAnAbsentItemIsFalse() {
        assertThat(matches("attribute_exists(fruit)", Item.empty())).isFalse();
        assertThat(matches("attribute_not_exists(fruit)", Item.empty())).isTrue();
    }

    @Test
    void attributeTypeComparesDynamoDbTypeNames() {
        assertThat(matches("attribute_type(fruit, :S)")).isTrue();
        assertThat(matches("attribute_type(tags, :SS)")).isTrue();
        assertThat(matches("attribute_type(price, :S)")).isFalse();
    }

    @Test
    void beginsWithWorksOnStringsAndBinaries() {
        assertThat(matches("begins_with(fruit, :app)")).isTrue();
        assertThat(matches("begins_with(payload, :abc)")).isTrue();
        assertThat(matches("begins_with(price, :app)")).isFalse();
    }

    @Test
    void containsFindsSubstringsSetMembersAndListElements() {
        assertThat(matches("contains(fruit, :app)")).isTrue();
        assertThat(matches("contains(tags, :red)")).isTrue();
        assertThat(matches("contains(sizes, :one)")).isTrue();
        assertThat(matches("contains(info.parts, :x)")).isTrue();
        assertThat(matches("contains(tags, :x)")).isFalse();
    }

    @Test
    void sizeMeasuresStringsSetsMapsAndLists() {
        assertThat(matches("size(fruit) = :five")).isTrue();
        assertThat(matches("size(tags) > :one")).isTrue();
        assertThat(matches("size(info.parts) < :five")).isTrue();
    }

    @Test
    void sizeOfANumberMatchesNothing() {
        assertThat(matches("size(price) > :one")).isFalse();
    }

    @Test
    void pathsCanBeComparedWithPaths() {
        var item = item("a", n("1"), "b", n("2"));

        assertThat(matches("a < b", item)).isTrue();
    }
}
