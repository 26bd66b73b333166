package dev.regionless.tables.expression;

import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.l;
import static dev.regionless.tables.TestValues.m;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.tables.Item;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectionTest {
    private static final Item ITEM = item(
            "id", s("1"),
            "title", s("t"),
            "info", m("a", n("1"), "b", n("2"), "c", m("d", s("deep"))),
            "parts", l(s("p0"), s("p1"), s("p2"), s("p3")));

    private static Projection parse(String expression) {
        return Projection.parse(expression, ExpressionAttributes.of(Map.of("#n", "title"), Map.of()));
    }

    @Test
    void keepsOnlyTheNamedTopLevelAttributes() {
        var projection = parse("id, #n");

        assertThat(projection.apply(ITEM)).isEqualTo(item("id", s("1"), "title", s("t")));
    }

    @Test
    void keepsTheNestingOfMapPaths() {
        var projection = parse("info.a, info.c.d");

        assertThat(projection.apply(ITEM)).isEqualTo(item("info", m("a", n("1"), "c", m("d", s("deep")))));
    }

    @Test
    void listIndexesGiveTheSelectedElementsInIndexOrder() {
        var projection = parse("parts[3], parts[1]");

        assertThat(projection.apply(ITEM)).isEqualTo(item("parts", l(s("p1"), s("p3"))));
    }

    @Test
    void pathsThatReachNothingAreLeftOut() {
        var projection = parse("absent, info.zzz, parts[9], title.x");

        assertThat(projection.apply(ITEM)).isEqualTo(Item.empty());
    }

    @Test
    void overlappingPathsAreRejected() {
        assertThatThrownBy(() -> parse("info, info.a"))
                .hasMessage("Invalid ProjectionExpression: Two document paths overlap with each other; "
                        + "must remove or rewrite one of these paths; path one: [info], path two: [info, a]");
    }

    @Test
    void conflictingPathsAreRejected() {
        assertThatThrownBy(() -> parse("info.a, info[0]"))
                .hasMessage("Invalid ProjectionExpression: Two document paths conflict with each other; "
                        + "must remove or rewrite one of these paths; path one: [info, a], path two: [info, [0]]");
    }

    @Test
    void trailingCommaIsASyntaxError() {
        assertThatThrownBy(() -> parse("id,"))
                .hasMessage("Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"");
    }
}
