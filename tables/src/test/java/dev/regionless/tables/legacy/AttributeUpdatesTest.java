package dev.regionless.tables.legacy;

import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.l;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.ns;
import static dev.regionless.tables.TestValues.s;
import static dev.regionless.tables.TestValues.ss;
import static dev.regionless.tables.legacy.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.tables.Item;
import dev.regionless.tables.catalog.KeyElement;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.catalog.ScalarAttributeType;
import dev.regionless.tables.expression.Update;
import dev.regionless.tables.expression.UpdateApplier;
import org.junit.jupiter.api.Test;

class AttributeUpdatesTest {
    private static final KeySchema KEY = new KeySchema(new KeyElement("pk", ScalarAttributeType.S), null);

    private static Update update(String attributeUpdates) {
        return AttributeUpdates.toUpdate(json(attributeUpdates), KEY);
    }

    private static Item apply(String attributeUpdates, Item item) {
        return UpdateApplier.apply(update(attributeUpdates), item);
    }

    @Test
    void putSetsTheAttribute() {
        var result = apply("{'a': {'Action': 'PUT', 'Value': {'S': 'new'}}}", item("a", s("old")));

        assertThat(result).isEqualTo(item("a", s("new")));
    }

    @Test
    void actionDefaultsToPut() {
        var result = apply("{'a': {'Value': {'N': '1'}}}", Item.empty());

        assertThat(result).isEqualTo(item("a", n("1")));
    }

    @Test
    void addToANumberSums() {
        var result = apply("{'a': {'Action': 'ADD', 'Value': {'N': '-2'}}}", item("a", n("5")));

        assertThat(result).isEqualTo(item("a", n("3")));
    }

    @Test
    void addToAMissingAttributeCreatesIt() {
        var result = apply("{'a': {'Action': 'ADD', 'Value': {'NS': ['1']}}}", Item.empty());

        assertThat(result).isEqualTo(item("a", ns("1")));
    }

    @Test
    void addToASetUnitesThem() {
        var result = apply("{'a': {'Action': 'ADD', 'Value': {'SS': ['b', 'c']}}}", item("a", ss("a", "b")));

        assertThat(result).isEqualTo(item("a", ss("a", "b", "c")));
    }

    @Test
    void addToAListAppends() {
        var result = apply("{'a': {'Action': 'ADD', 'Value': {'L': [{'S': 'y'}]}}}", item("a", l(s("x"))));

        assertThat(result).isEqualTo(item("a", l(s("x"), s("y"))));
    }

    @Test
    void deleteWithoutAValueRemovesTheAttribute() {
        var result = apply("{'a': {'Action': 'DELETE'}}", item("a", s("x"), "b", s("y")));

        assertThat(result).isEqualTo(item("b", s("y")));
    }

    @Test
    void deleteWithASetRemovesThoseMembers() {
        var result = apply("{'a': {'Action': 'DELETE', 'Value': {'SS': ['a', 'c']}}}", item("a", ss("a", "b", "c")));

        assertThat(result).isEqualTo(item("a", ss("b")));
    }

    @Test
    void attributeNamesAreTakenLiterally() {
        var result = apply("{'a.b': {'Value': {'N': '1'}}}", Item.empty());

        assertThat(result).isEqualTo(item("a.b", n("1")));
    }

    @Test
    void addOfAStringIsRejected() {
        assertThatThrownBy(() -> update("{'a': {'Action': 'ADD', 'Value': {'S': 'x'}}}"))
                .hasMessage("One or more parameter values were invalid: ADD action is not supported for the type S");
    }

    @Test
    void deleteWithANumberIsRejected() {
        assertThatThrownBy(() -> update("{'a': {'Action': 'DELETE', 'Value': {'N': '1'}}}"))
                .hasMessage("One or more parameter values were invalid: "
                        + "DELETE action with value is not supported for the type N");
    }

    @Test
    void putWithoutAValueIsRejected() {
        assertThatThrownBy(() -> update("{'a': {'Action': 'PUT'}}"))
                .hasMessage("One or more parameter values were invalid: "
                        + "Only DELETE action is allowed when no attribute value is specified");
    }

    @Test
    void unknownActionIsRejected() {
        assertThatThrownBy(() -> update("{'a': {'Action': 'APPEND', 'Value': {'N': '1'}}}"))
                .hasMessage("1 validation error detected: Value 'APPEND' at 'attributeUpdates.a.member.action' "
                        + "failed to satisfy constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]");
    }

    @Test
    void updatingAKeyAttributeIsRejected() {
        assertThatThrownBy(() -> update("{'pk': {'Value': {'S': 'x'}}}"))
                .hasMessage("One or more parameter values were invalid: "
                        + "Cannot update attribute pk. This attribute is part of the key");
    }

    @Test
    void addOfAnotherSetTypeIsATypeMismatch() {
        assertThatThrownBy(() -> apply("{'a': {'Action': 'ADD', 'Value': {'NS': ['2']}}}", item("a", ss("1"))))
                .hasMessage("Type mismatch for attribute to update");
    }

    @Test
    void deleteFromANumberIsATypeMismatch() {
        assertThatThrownBy(() -> apply("{'a': {'Action': 'DELETE', 'Value': {'NS': ['1']}}}", item("a", n("1"))))
                .hasMessage("Type mismatch for attribute to update");
    }
}
