package dev.regionless.events.topics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.common.AwsException;
import dev.regionless.queues.MessageAttribute;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterPolicyTest {

    @Test
    void everyKeyMustMatchAndAnyConditionOfAKeyIsEnough() {
        var policy = FilterPolicy.parse("{\"kind\": [\"book\", \"film\"], \"shop\": [\"eu\"]}");

        assertThat(policy.matchesAttributes(Map.of("kind", string("film"), "shop", string("eu"))))
                .isTrue();
        assertThat(policy.matchesAttributes(Map.of("kind", string("film"), "shop", string("us"))))
                .isFalse();
        assertThat(policy.matchesAttributes(Map.of("kind", string("book")))).isFalse();
    }

    @Test
    void numericRangesCompareNumberAttributes() {
        var policy = FilterPolicy.parse("{\"price\": [{\"numeric\": [\">=\", 10, \"<\", 20]}, 99]}");

        assertThat(policy.matchesAttributes(Map.of("price", MessageAttribute.number("10"))))
                .isTrue();
        assertThat(policy.matchesAttributes(Map.of("price", MessageAttribute.number("19.5"))))
                .isTrue();
        assertThat(policy.matchesAttributes(Map.of("price", MessageAttribute.number("20"))))
                .isFalse();
        assertThat(policy.matchesAttributes(Map.of("price", MessageAttribute.number("99.0"))))
                .isTrue();
        assertThat(policy.matchesAttributes(Map.of("price", string("15")))).isFalse();
    }

    @Test
    void prefixSuffixIgnoreCaseAndAnythingButMatchStrings() {
        var policy = FilterPolicy.parse("{\"a\": [{\"prefix\": \"eu-\"}], \"b\": [{\"suffix\": \".png\"}],"
                + " \"c\": [{\"equals-ignore-case\": \"RED\"}], \"d\": [{\"anything-but\": [\"spam\", \"junk\"]}]}");

        assertThat(policy.matchesAttributes(Map.of(
                        "a", string("eu-west"), "b", string("cat.png"), "c", string("red"), "d", string("mail"))))
                .isTrue();
        assertThat(policy.matchesAttributes(Map.of(
                        "a", string("eu-west"), "b", string("cat.png"), "c", string("red"), "d", string("spam"))))
                .isFalse();
    }

    @Test
    void existsMatchesOnThePresenceOfTheAttribute() {
        var absent = FilterPolicy.parse("{\"trace\": [{\"exists\": false}]}");
        var present = FilterPolicy.parse("{\"trace\": [{\"exists\": true}]}");

        assertThat(absent.matchesAttributes(Map.of())).isTrue();
        assertThat(absent.matchesAttributes(Map.of("trace", string("x")))).isFalse();
        assertThat(present.matchesAttributes(Map.of("trace", string("x")))).isTrue();
    }

    @Test
    void aStringArrayAttributeMatchesWhenOneOfItsElementsDoes() {
        var policy = FilterPolicy.parse("{\"tags\": [\"urgent\"]}");

        assertThat(policy.matchesAttributes(
                        Map.of("tags", new MessageAttribute("String.Array", "[\"low\", \"urgent\"]", null))))
                .isTrue();
        assertThat(policy.matchesAttributes(Map.of("tags", new MessageAttribute("String.Array", "[\"low\"]", null))))
                .isFalse();
    }

    @Test
    void aBodyScopedPolicyMatchesNestedKeysOfAJsonMessage() {
        var policy =
                FilterPolicy.parse("{\"order\": {\"status\": [\"paid\"], \"total\": [{\"numeric\": [\">\", 5]}]}}");

        assertThat(policy.matchesBody("{\"order\": {\"status\": \"paid\", \"total\": 12}}"))
                .isTrue();
        assertThat(policy.matchesBody("{\"order\": {\"status\": \"open\", \"total\": 12}}"))
                .isFalse();
        assertThat(policy.matchesBody("not json")).isFalse();
    }

    @Test
    void aPolicyThatIsNotAMappingOfListsIsRefused() {
        assertThatThrownBy(() -> FilterPolicy.parse("{\"kind\": \"book\"}"))
                .isInstanceOfSatisfying(
                        AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameter"))
                .hasMessageContaining("a non-empty list of conditions for kind");
        assertThatThrownBy(() -> FilterPolicy.parse("{\"kind\": [{\"wildcard\": \"b*\"}]}"))
                .isInstanceOf(AwsException.class)
                .hasMessageContaining("not wildcard");
        assertThatThrownBy(() -> FilterPolicy.parse("[1]")).isInstanceOf(AwsException.class);
    }

    private static MessageAttribute string(String value) {
        return MessageAttribute.string(value);
    }
}
