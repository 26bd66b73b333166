package dev.regionless.tables.protocol;

import static dev.regionless.tables.protocol.StreamsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.common.Json;
import dev.regionless.tables.catalog.StreamSpecification.StreamViewType;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every operation shares: dispatch, request shape and the model's constraints. */
class StreamsApiTest {
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

    @Test
    void anOperationTheApiDoesNotHaveIsAnUnknownOperation() {
        streams.failure("CreateStream", request())
                .hasFieldOrPropertyWithValue("code", "UnknownOperationException")
                .hasFieldOrPropertyWithValue("status", 400);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsASerializationException() {
        var array = Json.mapper().createArrayNode();

        streams.failure("ListStreams", array).hasFieldOrPropertyWithValue("code", "SerializationException");
    }

    @Test
    void aMemberOfTheWrongJsonTypeIsASerializationException() {
        var body = request("StreamArn", "x");
        body.put("Limit", "ten");

        streams.failure("DescribeStream", body)
                .hasFieldOrPropertyWithValue("code", "SerializationException")
                .hasMessage("STRING_VALUE cannot be converted to Integer");
    }

    @Test
    void aMissingRequiredMemberIsAValidationErrorInAwsWords() {
        streams.failure("DescribeStream", request())
                .hasFieldOrPropertyWithValue("code", "ValidationException")
                .hasMessage("1 validation error detected: Value null at 'streamArn' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void everyBrokenConstraintIsReportedTogether() {
        streams.failure("GetShardIterator", request("ShardId", "short", "ShardIteratorType", "OLDEST"))
                .hasFieldOrPropertyWithValue("code", "ValidationException")
                .hasMessage("3 validation errors detected: "
                        + "Value null at 'streamArn' failed to satisfy constraint: Member must not be null; "
                        + "Value 'short' at 'shardId' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 28; "
                        + "Value 'OLDEST' at 'shardIteratorType' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: "
                        + "[TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]");
    }

    @Test
    void aJsonNullCountsAsAnAbsentMember() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);
        var body = request();
        body.putNull("TableName");

        assertThat(streams.call("ListStreams", body).get("Streams")).hasSize(1);
    }
}
