package dev.regionless.tables.partiql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionWriterTest {
    private static Predicate where(String condition) {
        return ((Statement.Select) StatementParser.parse("SELECT * FROM t WHERE " + condition, List.of())).where();
    }

    @Test
    void anAttributeNamedTwiceGetsOnePlaceholder() {
        var writer = new ExpressionWriter();

        var expression = writer.predicate(where("a > 1 AND a < 5"));

        assertThat(expression).isEqualTo("(#n0 > :v0) AND (#n0 < :v1)");
    }

    @Test
    void aChainOfAndsIsWrittenFlat() {
        var expression = new ExpressionWriter().predicate(where("a = 1 AND b = 2 AND c = 3 OR d = 4"));

        assertThat(expression).isEqualTo("((#n0 = :v0) AND (#n1 = :v1) AND (#n2 = :v2)) OR (#n3 = :v3)");
    }

    @Test
    void isNullTestsForTheNullType() {
        var writer = new ExpressionWriter();

        var expression = writer.predicate(where("a IS NULL"));
        var request = writer.addTo(JsonNodeFactory.instance.objectNode());

        assertThat(expression).isEqualTo("attribute_type(#n0, :v0)");
        assertThat(request.get("ExpressionAttributeValues").get(":v0").get("S").asText())
                .isEqualTo("NULL");
    }

    @Test
    void notInIsTheNegationOfIn() {
        var expression = new ExpressionWriter().predicate(where("a NOT IN [1, 2]"));

        assertThat(expression).isEqualTo("NOT (#n0 IN (:v0, :v1))");
    }

    @Test
    void aNestedPathKeepsItsListIndexes() {
        var expression = new ExpressionWriter().predicate(where("a.b[2].c = 'x'"));

        assertThat(expression).isEqualTo("#n0.#n1[2].#n2 = :v0");
    }

    @Test
    void aReservedWordIsSafeBehindItsPlaceholder() {
        var writer = new ExpressionWriter();

        writer.predicate(where("\"count\" = 1"));
        var request = writer.addTo(JsonNodeFactory.instance.objectNode());

        assertThat(request.get("ExpressionAttributeNames").get("#n0").asText()).isEqualTo("count");
    }
}
