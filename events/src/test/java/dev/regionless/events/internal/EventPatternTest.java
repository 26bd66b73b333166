package dev.regionless.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.AwsException;
import dev.regionless.common.Json;
import org.junit.jupiter.api.Test;

/** Lambda's (EventBridge's) filter patterns, matched against SQS records as the function would see them. */
class EventPatternTest {
    private static JsonNode record(String body) {
        var record = Json.mapper().createObjectNode();
        record.put("messageId", "m-1");
        record.put("body", body);
        record.putObject("attributes").put("ApproximateReceiveCount", "1");
        record.putObject("messageAttributes")
                .putObject("kind")
                .put("stringValue", "order")
                .put("dataType", "String");
        record.put("eventSource", "aws:sqs");
        return record;
    }

    private static boolean matches(String pattern, String body) {
        return EventPattern.compile("FilterCriteria.Filters[0].Pattern", pattern)
                .matches(record(body));
    }

    @Test
    void fieldsUnderTheBodyMatchAJsonBodyAndNothingElse() {
        var pattern = "{\"body\": {\"kind\": [\"order\"], \"total\": [{\"numeric\": [\">\", 10, \"<=\", 100]}]}}";

        assertThat(matches(pattern, "{\"kind\": \"order\", \"total\": 50}")).isTrue();
        assertThat(matches(pattern, "{\"kind\": \"order\", \"total\": 500}")).isFalse();
        assertThat(matches(pattern, "{\"kind\": \"refund\", \"total\": 50}")).isFalse();
        assertThat(matches(pattern, "kind=order")).isFalse();
    }

    @Test
    void aBodyMatchedAsTextTakesTheStringMatchers() {
        assertThat(matches("{\"body\": [{\"prefix\": \"urgent:\"}]}", "urgent: call back"))
                .isTrue();
        assertThat(matches("{\"body\": [{\"suffix\": \"!\"}]}", "urgent: call back"))
                .isFalse();
        assertThat(matches("{\"body\": [{\"equals-ignore-case\": \"PING\"}]}", "ping"))
                .isTrue();
    }

    @Test
    void anythingButExistsAndMetadataFieldsWork() {
        assertThat(matches("{\"body\": {\"kind\": [{\"anything-but\": [\"test\", \"spam\"]}]}}", "{\"kind\": \"x\"}"))
                .isTrue();
        assertThat(matches(
                        "{\"body\": {\"kind\": [{\"anything-but\": {\"prefix\": \"te\"}}]}}", "{\"kind\": \"test\"}"))
                .isFalse();
        assertThat(matches("{\"body\": {\"debug\": [{\"exists\": false}]}}", "{\"kind\": \"x\"}"))
                .isTrue();
        assertThat(matches("{\"body\": {\"kind\": [{\"exists\": true}]}}", "{\"other\": 1}"))
                .isFalse();
        assertThat(matches("{\"messageAttributes\": {\"kind\": {\"stringValue\": [\"order\"]}}}", "x"))
                .isTrue();
        assertThat(matches("{\"attributes\": {\"ApproximateReceiveCount\": [\"2\"]}}", "x"))
                .isFalse();
    }

    @Test
    void aFieldHoldingAListMatchesWhenOneItemDoes() {
        assertThat(matches("{\"body\": {\"tags\": [\"red\"]}}", "{\"tags\": [\"blue\", \"red\"]}"))
                .isTrue();
        assertThat(matches("{\"body\": {\"tags\": [\"green\"]}}", "{\"tags\": [\"blue\", \"red\"]}"))
                .isFalse();
    }

    @Test
    void patternsRegionlessCannotApplyAreRefusedNamingThePattern() {
        assertThatThrownBy(() -> EventPattern.compile("FilterCriteria.Filters[0].Pattern", "{\"body\": \"order\"}"))
                .isInstanceOfSatisfying(
                        AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValueException"))
                .hasMessage("FilterCriteria.Filters[0].Pattern: {\"body\": \"order\"} (expected: a list of matchers or"
                        + " an object of fields for body)");
        assertThatThrownBy(() -> EventPattern.compile("P", "{\"body\": [{\"wildcard\": \"*x\"}]}"))
                .hasMessageContaining("wildcard: \"*x\" is not one");
        assertThatThrownBy(() -> EventPattern.compile("P", "{\"body\": [{\"numeric\": [\"~\", 1]}]}"))
                .hasMessageContaining("numeric");
        assertThatThrownBy(() -> EventPattern.compile("P", "not json"))
                .hasMessage("P: not json (expected: a JSON object)");
    }
}
