package dev.regionless.tables;

import static dev.regionless.tables.TestValues.b;
import static dev.regionless.tables.TestValues.bool;
import static dev.regionless.tables.TestValues.l;
import static dev.regionless.tables.TestValues.m;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.ns;
import static dev.regionless.tables.TestValues.s;
import static dev.regionless.tables.TestValues.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.common.AwsException;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttributeValueTest {
    @Test
    void numbersThatDifferOnlyInTrailingZerosAreEqual() {
        var one = n("1");
        var onePointZero = n("1.0");

        boolean equal = one.equals(onePointZero);

        assertThat(equal).isTrue();
        assertThat(one.hashCode()).isEqualTo(onePointZero.hashCode());
    }

    @Test
    void numberTextIsCanonicalPlainNotation() {
        var number = AttributeValue.N.of("1.50E+3");

        String text = number.text();

        assertThat(text).isEqualTo("1500");
    }

    @Test
    void numberWithThirtyNineSignificantDigitsIsRejected() {
        var digits = "123456789012345678901234567890123456789";

        assertThatThrownBy(() -> AttributeValue.N.of(digits))
                .isInstanceOf(AwsException.class)
                .hasMessage("Attempting to store more than 38 significant digits in a Number");
    }

    @Test
    void numberWithThirtyEightSignificantDigitsIsAccepted() {
        var digits = "12345678901234567890123456789012345678";

        var number = AttributeValue.N.of(digits);

        assertThat(number.text()).isEqualTo(digits);
    }

    @Test
    void numberAboveTheRangeIsAnOverflow() {
        assertThatThrownBy(() -> AttributeValue.N.of("-1e126"))
                .hasMessage("Number overflow. Attempting to store a number with magnitude larger than supported range");
    }

    @Test
    void numberBelowTheRangeIsAnUnderflow() {
        assertThatThrownBy(() -> AttributeValue.N.of("1e-131"))
                .hasMessage(
                        "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }

    @Test
    void numbersAtTheEdgesOfTheRangeAreAccepted() {
        var largest = "9.9999999999999999999999999999999999999E+125";

        var big = AttributeValue.N.of(largest);
        var small = AttributeValue.N.of("1E-130");

        assertThat(big.value()).isEqualByComparingTo(new BigDecimal(largest));
        assertThat(small.value()).isEqualByComparingTo(new BigDecimal("1E-130"));
    }

    @Test
    void textThatIsNotANumberIsRejectedNamingIt() {
        assertThatThrownBy(() -> AttributeValue.N.of("b"))
                .satisfies(e -> assertThat(((AwsException) e).code()).isEqualTo("ValidationException"))
                .hasMessage("The parameter cannot be converted to a numeric value: b");
    }

    @Test
    void stringSetsAreEqualWhateverTheOrder() {
        var first = new AttributeValue.SS(new LinkedHashSet<>(List.of("a", "b")));
        var second = new AttributeValue.SS(new LinkedHashSet<>(List.of("b", "a")));

        assertThat(first).isEqualTo(second);
    }

    @Test
    void numberSetWithNumericallyEqualMembersIsRejected() {
        var members = Set.of(new BigDecimal("1"), new BigDecimal("1.0"));

        assertThatThrownBy(() -> new AttributeValue.NS(members)).hasMessage("Input collection contains duplicates");
    }

    @Test
    void emptyNumberSetIsRejectedWithDynamoDbsText() {
        assertThatThrownBy(() -> new AttributeValue.NS(Set.of()))
                .hasMessage("One or more parameter values were invalid: An number set  may not be empty");
    }

    @Test
    void emptyStringSetIsRejectedWithDynamoDbsText() {
        assertThatThrownBy(() -> new AttributeValue.SS(Set.of()))
                .hasMessage("One or more parameter values were invalid: An string set  may not be empty");
    }

    @Test
    void emptyBinarySetIsRejectedWithDynamoDbsText() {
        assertThatThrownBy(() -> new AttributeValue.BS(Set.of()))
                .hasMessage("One or more parameter values were invalid: Binary sets should not be empty");
    }

    @Test
    void binaryValuesCompareByContent() {
        var first = b("abc");
        var second = b("abc");

        assertThat(first).isEqualTo(second);
    }

    @Test
    void binaryValueIsNotChangedByLaterChangesToTheArray() {
        var array = new byte[] {1, 2};
        var value = new AttributeValue.B(Bytes.of(array));

        array[0] = 9;

        assertThat(value.value().at(0)).isEqualTo((byte) 1);
    }

    @Test
    void typeNamesAreSpelledAsDynamoDbSpellsThem() {
        var values = List.of(s("x"), n("1"), b("x"), ss("x"), ns("1"), m(), l(), bool(true), new AttributeValue.NULL());

        var names = values.stream().map(AttributeValue::typeName).toList();

        assertThat(names).containsExactly("S", "N", "B", "SS", "NS", "M", "L", "BOOL", "NULL");
    }

    @Test
    void stringSizeIsItsUtf8Length() {
        var value = s("héllo");

        assertThat(value.size()).isEqualTo(6);
    }

    @Test
    void numberSizeIsOneBytePerTwoSignificantDigitsPlusOne() {
        assertThat(n("12345").size()).isEqualTo(4);
        assertThat(n("1000").size()).isEqualTo(2);
    }

    @Test
    void mapSizeCountsThreeBytesPlusOnePerEntry() {
        var map = m("ab", s("xyz"));

        assertThat(map.size()).isEqualTo(3 + 2 + 3 + 1);
    }

    @Test
    void listSizeCountsThreeBytesPlusOnePerElement() {
        var list = l(bool(true), new AttributeValue.NULL());

        assertThat(list.size()).isEqualTo(3 + 2 + 2);
    }
}
