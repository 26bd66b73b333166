package dev.regionless.tables.legacy;

import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.s;
import static dev.regionless.tables.legacy.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class AttributesToGetTest {
    @Test
    void keepsOnlyTheListedAttributes() {
        var projection = AttributesToGet.toProjection(json("['a', 'c', 'missing']"));

        assertThat(projection.apply(item("a", n("1"), "b", n("2"), "c", n("3"))))
                .isEqualTo(item("a", n("1"), "c", n("3")));
    }

    @Test
    void namesAreTakenLiterally() {
        var projection = AttributesToGet.toProjection(json("['a.b']"));

        assertThat(projection.apply(item("a.b", s("x"), "a", s("y")))).isEqualTo(item("a.b", s("x")));
    }

    @Test
    void emptyListIsRejected() {
        assertThatThrownBy(() -> AttributesToGet.toProjection(json("[]")))
                .hasMessage("1 validation error detected: Value '[]' at 'attributesToGet' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void moreThan255NamesAreRejected() {
        var names = new ArrayList<String>();
        for (int i = 0; i < 256; i++) {
            names.add("'a" + i + "'");
        }

        assertThatThrownBy(() -> AttributesToGet.toProjection(json("[" + String.join(",", names) + "]")))
                .hasMessageEndingWith("at 'attributesToGet' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 255");
    }

    @Test
    void duplicateNameIsRejected() {
        assertThatThrownBy(() -> AttributesToGet.toProjection(json("['a', 'b', 'a']")))
                .hasMessage("One or more parameter values were invalid: Duplicate value in attribute name: a");
    }
}
