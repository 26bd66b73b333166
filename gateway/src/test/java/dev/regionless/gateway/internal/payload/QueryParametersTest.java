package dev.regionless.gateway.internal.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void keepsEveryValueDecodedInOrder() {
        var query = QueryParameters.parse("a=1&b=x%20y&a=2&c=p+q&flag");

        assertThat(query.values())
                .containsExactly(
                        Map.entry("a", List.of("1", "2")),
                        Map.entry("b", List.of("x y")),
                        Map.entry("c", List.of("p q")),
                        Map.entry("flag", List.of("")));
    }

    @Test
    void singleValueViewKeepsTheLastValue() {
        assertThat(QueryParameters.parse("a=1&a=2").lastValues()).containsEntry("a", "2");
    }

    @Test
    void payload2ViewJoinsValuesWithCommas() {
        assertThat(QueryParameters.parse("a=1&a=2").commaJoined()).containsEntry("a", "1,2");
    }

    @Test
    void malformedEscapesAreKeptAsSent() {
        assertThat(QueryParameters.parse("q=100%&r=%zz").lastValues())
                .containsEntry("q", "100%")
                .containsEntry("r", "%zz");
    }

    @Test
    void emptyQueryHasNoParameters() {
        assertThat(QueryParameters.parse("").isEmpty()).isTrue();
    }
}
