package dev.regionless.tables.protocol;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regionless.common.AwsException;
import dev.regionless.tables.AttributeValue;
import org.junit.jupiter.api.Test;

class AttributeValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void readsEveryScalarType() {
        assertThat(AttributeValues.read(json("{\"S\":\"x\"}"))).isEqualTo(s("x"));
        assertThat(AttributeValues.read(json("{\"N\":\"12.50\"}"))).isEqualTo(n("12.5"));
        assertThat(AttributeValues.read(json("{\"B\":\"YWJj\"}"))).isEqualTo(b("abc"));
        assertThat(AttributeValues.read(json("{\"BOOL\":true}"))).isEqualTo(bool(true));
        assertThat(AttributeValues.read(json("{\"NULL\":true}"))).isEqualTo(new AttributeValue.NULL());
    }

    @Test
    void readsNestedMapsAndLists() {
        var node = json("{\"M\":{\"a\":{\"L\":[{\"S\":\"x\"},{\"NS\":[\"1\",\"2\"]}]}}}");

        var value = AttributeValues.read(node);

        assertThat(value).isEqualTo(m("a", l(s("x"), ns("1", "2"))));
    }

    @Test
    void writesNumbersInCanonicalText() {
        var value = n("1.500");

        var node = AttributeValues.write(value);

        assertThat(node.toString()).isEqualTo("{\"N\":\"1.5\"}");
    }

    @Test
    void writesEmptyListsAndMaps() {
        var value = m("l", l());

        var node = AttributeValues.write(value);

        assertThat(node.toString()).isEqualTo("{\"M\":{\"l\":{\"L\":[]}}}");
    }

    @Test
    void writesSetsAsArrays() {
        var value = ss("a");

        var node = AttributeValues.write(value);

        assertThat(node.toString()).isEqualTo("{\"SS\":[\"a\"]}");
    }

    @Test
    void valueWithNoTypeIsRejected() {
        assertThatThrownBy(() -> AttributeValues.read(json("{}")))
                .hasMessage("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }

    @Test
    void valueWithAnUnknownTypeIsRejectedAsEmpty() {
        assertThatThrownBy(() -> AttributeValues.read(json("{\"a\":\"\"}")))
                .hasMessage("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }

    @Test
    void emptyValueNestedInAListIsRejected() {
        assertThatThrownBy(() -> AttributeValues.read(json("{\"L\":[{}]}")))
                .hasMessage("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }

    @Test
    void valueWithTwoTypesIsRejected() {
        assertThatThrownBy(() -> AttributeValues.read(json("{\"S\":\"a\",\"N\":\"1\"}")))
                .hasMessage("Supplied AttributeValue has more than one datatypes set, "
                        + "must contain exactly one of the supported datatypes");
    }

    @Test
    void numberThatIsNotANumberIsRejected() {
        assertThatThrownBy(() -> AttributeValues.read(json("{\"N\":\"b\"}")))
                .hasMessage("The parameter cannot be converted to a numeric value: b");
    }

    @Test
    void emptyNumberIsRejected() {
        assertThatThrownBy(() -> AttributeValues.read(json("{\"N\":\"\"}")))
                .hasMessage("The parameter cannot be converted to a numeric value");
    }

    @Test
    void emptyNumberSetIsRejected() {
        assertThatThrownBy(() -> AttributeValues.read(json("{\"NS\":[]}")))
                .hasMessage("One or more parameter values were invalid: An number set  may not be empty");
    }

    @Test
    void stringSetWithDuplicatesIsRejectedListingThem() {
        assertThatThrownBy(() -> AttributeValues.read(json("{\"SS\":[\"a\",\"a\"]}")))
                .hasMessage("One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
    }

    @Test
    void binarySetWithDuplicatesIsRejectedListingThem() {
        assertThatThrownBy(() -> AttributeValues.read(json("{\"BS\":[\"Yg==\",\"Yg==\"]}")))
                .hasMessage("One or more parameter values were invalid: "
                        + "Input collection [Yg==, Yg==]of type BS contains duplicates.");
    }

    @Test
    void numberSetWithNumericallyEqualMembersIsRejected() {
        assertThatThrownBy(() -> AttributeValues.read(json("{\"NS\":[\"1\",\"1.0\"]}")))
                .hasMessage("Input collection contains duplicates");
    }

    @Test
    void nullOtherThanTrueIsRejected() {
        assertThatThrownBy(() -> AttributeValues.read(json("{\"NULL\":false}")))
                .hasMessage("One or more parameter values were invalid: "
                        + "Null attribute value types must have the value of true");
    }

    @Test
    void stringGivenAsAJsonNumberIsASerializationError() {
        assertThatThrownBy(() -> AttributeValues.read(json("{\"S\":5}")))
                .isInstanceOfSatisfying(
                        AwsException.class, e -> assertThat(e.code()).isEqualTo("SerializationException"));
    }

    @Test
    void readsAndWritesItems() {
        var node = json("{\"id\":{\"S\":\"1\"},\"n\":{\"N\":\"2\"}}");

        var item = AttributeValues.readItem(node);

        assertThat(AttributeValues.writeItem(item)).isEqualTo(node);
    }
}
