package dev.regionless.tables.expression;

import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.l;
import static dev.regionless.tables.TestValues.m;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.ns;
import static dev.regionless.tables.TestValues.s;
import static dev.regionless.tables.TestValues.ss;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateApplierTest {
    private static final Map<String, AttributeValue> VALUES = Map.ofEntries(
            entry(":one", n("1")),
            entry(":two", n("2")),
            entry(":half", n("0.5")),
            entry(":x", s("x")),
            entry(":ab", ss("a", "b")),
            entry(":b", ss("b")),
            entry(":nums", ns("5")),
            entry(":list", l(s("z"))),
            entry(":empty", l()));

    private static Item apply(String expression, Item item) {
        var attributes = ExpressionAttributes.of(Map.of(), VALUES);
        return UpdateApplier.apply(UpdateParser.parse(expression, attributes), item);
    }

    @Test
    void setCreatesAnItemFromNothing() {
        var result = apply("SET a = :x, b = :one", Item.empty());

        assertThat(result).isEqualTo(item("a", s("x"), "b", n("1")));
    }

    @Test
    void setAddsAndSubtractsNumbers() {
        var result = apply("SET a = a + :two, b = b - :one", item("a", n("1.5"), "b", n("1")));

        assertThat(result).isEqualTo(item("a", n("3.5"), "b", n("0")));
    }

    @Test
    void setValuesAreComputedFromTheItemBeforeTheUpdate() {
        var result = apply("SET a = b, b = a", item("a", n("1"), "b", n("2")));

        assertThat(result).isEqualTo(item("a", n("2"), "b", n("1")));
    }

    @Test
    void ifNotExistsKeepsAnExistingValue() {
        var result = apply("SET a = if_not_exists(a, :one), b = if_not_exists(b, :two)", item("a", n("7")));

        assertThat(result).isEqualTo(item("a", n("7"), "b", n("2")));
    }

    @Test
    void listAppendJoinsListsAndCanStartFromNothing() {
        var result = apply("SET l = list_append(if_not_exists(l, :empty), :list)", Item.empty());

        assertThat(result).isEqualTo(item("l", l(s("z"))));
    }

    @Test
    void setIntoANestedMapKeepsTheRest() {
        var result = apply("SET info.b = :x", item("info", m("a", n("1"))));

        assertThat(result).isEqualTo(item("info", m("a", n("1"), "b", s("x"))));
    }

    @Test
    void setPastTheEndOfAListAppends() {
        var result = apply("SET l[10] = :x", item("l", l(s("a"))));

        assertThat(result).isEqualTo(item("l", l(s("a"), s("x"))));
    }

    @Test
    void setUnderAMissingParentIsAnInvalidPath() {
        assertThatThrownBy(() -> apply("SET info.b = :x", Item.empty()))
                .hasMessage("The document path provided in the update expression is invalid for update");
    }

    @Test
    void setFromAMissingAttributeIsRejected() {
        assertThatThrownBy(() -> apply("SET a = b", Item.empty()))
                .hasMessage("The provided expression refers to an attribute that does not exist in the item");
    }

    @Test
    void arithmeticOnAStoredStringIsAnIncorrectDataType() {
        assertThatThrownBy(() -> apply("SET a = a + :one", item("a", s("x"))))
                .hasMessage("An operand in the update expression has an incorrect data type");
    }

    @Test
    void removeDeletesAttributesAndIgnoresAbsentOnes() {
        var result = apply("REMOVE a, zz", item("a", n("1"), "b", n("2")));

        assertThat(result).isEqualTo(item("b", n("2")));
    }

    @Test
    void removingListElementsUsesTheOriginalIndexesAndShifts() {
        var result = apply("REMOVE l[0], l[2]", item("l", l(s("a"), s("b"), s("c"), s("d"))));

        assertThat(result).isEqualTo(item("l", l(s("b"), s("d"))));
    }

    @Test
    void removeNestedMapKey() {
        var result = apply("REMOVE info.a", item("info", m("a", n("1"), "b", n("2"))));

        assertThat(result).isEqualTo(item("info", m("b", n("2"))));
    }

    @Test
    void addToANumberSums() {
        var result = apply("ADD c :two", item("c", n("40")));

        assertThat(result).isEqualTo(item("c", n("42")));
    }

    @Test
    void addToAnAbsentAttributeCreatesIt() {
        var result = apply("ADD c :one, s :ab", Item.empty());

        assertThat(result).isEqualTo(item("c", n("1"), "s", ss("a", "b")));
    }

    @Test
    void addToASetUnites() {
        var result = apply("ADD s :ab", item("s", ss("b", "c")));

        assertThat(result).isEqualTo(item("s", ss("a", "b", "c")));
    }

    @Test
    void addASetToANumberIsAnIncorrectDataType() {
        assertThatThrownBy(() -> apply("ADD c :ab", item("c", n("1"))))
                .hasMessage("An operand in the update expression has an incorrect data type");
    }

    @Test
    void deleteRemovesSetMembers() {
        var result = apply("DELETE s :b", item("s", ss("a", "b")));

        assertThat(result).isEqualTo(item("s", ss("a")));
    }

    @Test
    void deletingTheLastMembersRemovesTheAttribute() {
        var result = apply("DELETE s :ab", item("s", ss("a", "b"), "k", s("1")));

        assertThat(result).isEqualTo(item("k", s("1")));
    }

    @Test
    void deleteOfTheWrongSetTypeIsAnIncorrectDataType() {
        assertThatThrownBy(() -> apply("DELETE s :nums", item("s", ss("a"))))
                .hasMessage("An operand in the update expression has an incorrect data type");
    }

    @Test
    void deleteFromAnAbsentAttributeChangesNothing() {
        var result = apply("DELETE s :b", item("k", s("1")));

        assertThat(result).isEqualTo(item("k", s("1")));
    }

    @Test
    void arithmeticBeyondThirtyEightDigitsIsRejected() {
        var big = n("12345678901234567890123456789012345678");

        assertThatThrownBy(() -> apply("SET a = a + :half", item("a", big)))
                .hasMessage("Attempting to store more than 38 significant digits in a Number");
    }

    @Test
    void setsPastTheEndOfAListAppendInIndexOrder() {
        var result = apply("SET l[10] = :x, l[5] = :one", item("l", l(s("z"))));

        assertThat(result).isEqualTo(item("l", l(s("z"), n("1"), s("x"))));
    }
}
