package dev.regionless.tables.protocol;

import static dev.regionless.tables.protocol.StreamsFixture.json;
import static dev.regionless.tables.protocol.StreamsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.tables.catalog.StreamSpecification.StreamViewType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListStreamsTest {
    @TempDir
    Path folder;

    StreamsFixture streams;

    @BeforeEach
    void open() {
        streams = new StreamsFixture(folder);
    }

    @AfterEach
    void close() {
        streams.close();
    }

    private static List<String> tableNames(JsonNode answer) {
        return answer.get("Streams")
                .valueStream()
                .map(stream -> stream.get("TableName").textValue())
                .toList();
    }

    @Test
    void everyTableWithAStreamIsListedWithItsArnAndLabel() {
        streams.createTable("orders", StreamViewType.NEW_IMAGE);
        streams.createTable("plain", null);

        var answer = streams.call("ListStreams", request());

        assertThat(json(answer)).isEqualTo(json("""
                        {"Streams": [{
                          "StreamArn": "arn:aws:dynamodb:eu-west-2:000000000000:table/orders/stream/2026-03-01T10:00:00.000",
                          "TableName": "orders",
                          "StreamLabel": "2026-03-01T10:00:00.000"}]}
                        """));
    }

    @Test
    void aTableNameListsOnlyThatTablesStream() {
        streams.createTable("orders", StreamViewType.NEW_IMAGE);
        streams.createTable("invoices", StreamViewType.KEYS_ONLY);

        var answer = streams.call("ListStreams", request("TableName", "orders"));

        assertThat(tableNames(answer)).containsExactly("orders");
    }

    @Test
    void aTableThatNeverHadAStreamListsNone() {
        streams.createTable("plain", null);

        var answer = streams.call("ListStreams", request("TableName", "plain"));

        assertThat(answer.get("Streams")).isEmpty();
        assertThat(answer.has("LastEvaluatedStreamArn")).isFalse();
    }

    @Test
    void aTableThatDoesNotExistIsResourceNotFound() {
        streams.failure("ListStreams", request("TableName", "missing"))
                .hasFieldOrPropertyWithValue("code", "ResourceNotFoundException")
                .hasMessage("Requested resource not found: Table: missing not found");
    }

    @Test
    void aDisabledStreamIsStillListed() {
        streams.createTable("orders", StreamViewType.NEW_IMAGE);
        streams.setStream("orders", null);

        assertThat(tableNames(streams.call("ListStreams", request()))).containsExactly("orders");
    }

    @Test
    void aReEnabledTableListsOnlyItsNewStream() {
        streams.createTable("orders", StreamViewType.NEW_IMAGE);
        streams.clock.advance(Duration.ofMinutes(1));
        streams.setStream("orders", null);
        streams.clock.advance(Duration.ofMinutes(1));
        streams.setStream("orders", StreamViewType.KEYS_ONLY);

        var answer = streams.call("ListStreams", request());

        assertThat(answer.get("Streams")).hasSize(1);
        assertThat(answer.get("Streams").get(0).get("StreamLabel").textValue()).isEqualTo("2026-03-01T10:02:00.000");
    }

    @Test
    void pagesFollowOneAnotherFromTheLastEvaluatedArn() {
        for (var name : List.of("cherries", "apples", "bananas")) {
            streams.createTable(name, StreamViewType.KEYS_ONLY);
        }

        var first = streams.call("ListStreams", request("Limit", 2));
        var second = streams.call(
                "ListStreams",
                request(
                        "Limit",
                        2,
                        "ExclusiveStartStreamArn",
                        first.get("LastEvaluatedStreamArn").textValue()));

        assertThat(tableNames(first)).containsExactly("apples", "bananas");
        assertThat(first.get("LastEvaluatedStreamArn").textValue()).isEqualTo(streams.streamArn("bananas"));
        assertThat(tableNames(second)).containsExactly("cherries");
        assertThat(second.has("LastEvaluatedStreamArn")).isFalse();
    }

    @Test
    void aPageMayStartAfterAStreamThatNoLongerExists() {
        streams.createTable("apples", StreamViewType.KEYS_ONLY);
        streams.createTable("bananas", StreamViewType.KEYS_ONLY);
        var gone = streams.streamArn("apples");
        streams.store.deleteTable("apples");

        var answer = streams.call("ListStreams", request("ExclusiveStartStreamArn", gone));

        assertThat(tableNames(answer)).containsExactly("bananas");
    }

    @Test
    void aLimitAboveOneHundredIsRefused() {
        streams.failure("ListStreams", request("Limit", 101))
                .hasFieldOrPropertyWithValue("code", "ValidationException")
                .hasMessage("One or more parameter values were invalid: "
                        + "Limit cannot be greater than the maximum allowed size: 100");
    }

    @Test
    void aLimitBelowOneBreaksTheModelConstraint() {
        streams.failure("ListStreams", request("Limit", 0))
                .hasMessage("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
    }

    @Test
    void anExclusiveStartThatIsNoStreamArnIsAValidationException() {
        streams.failure(
                        "ListStreams",
                        request("ExclusiveStartStreamArn", "kossaapaaasdafsdaasdasdasdasasdasfadfadfasd"))
                .hasFieldOrPropertyWithValue("code", "ValidationException")
                .hasMessage("Invalid StreamArn");
    }

    @Test
    void aTableNameOutsideTheModelBreaksBothItsConstraints() {
        streams.failure("ListStreams", request("TableName", "a!"))
                .hasMessage("2 validation errors detected: "
                        + "Value 'a!' at 'tableName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 3; "
                        + "Value 'a!' at 'tableName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }
}
