package dev.regionless.tables.protocol;

import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.s;
import static dev.regionless.tables.protocol.StreamsFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.catalog.StreamSpecification.StreamViewType;
import dev.regionless.tables.streams.TableStream;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamRecordsTest {
    @TempDir
    Path folder;

    StreamsFixture streams;
    TableStream stream;
    final StreamRecords records = new StreamRecords("eu-west-2");

    @BeforeEach
    void open() {
        streams = new StreamsFixture(folder);
        stream = TableStream.of(streams.createTable("orders", StreamViewType.KEYS_ONLY))
                .orElseThrow();
    }

    @AfterEach
    void close() {
        streams.close();
    }

    private static ChangeRecord removal(boolean expiry) {
        var key = item("pk", s("a"), "sk", n("1"));
        return new ChangeRecord(
                7, ChangeRecord.EventName.REMOVE, key, key, null, 1_772_359_200_000L, expiry, 1L << 16, "eu-west-2");
    }

    @Test
    void aLambdaRecordIsTheStreamsRecordWithTheStreamArnAdded() {
        var record = removal(false);

        var forLambda = records.writeForLambda(stream, record);

        var expected = records.write(stream, record).put("eventSourceARN", stream.arn());
        assertThat(json(forLambda)).isEqualTo(json(expected));
    }

    @Test
    void anExpiryNamesTheServiceInEachApisOwnSpelling() {
        var record = removal(true);

        var forStreams = records.write(stream, record);
        var forLambda = records.writeForLambda(stream, record);

        assertThat(json(forStreams.get("userIdentity")))
                .isEqualTo(json("{\"PrincipalId\": \"dynamodb.amazonaws.com\", \"Type\": \"Service\"}"));
        assertThat(json(forLambda.get("userIdentity")))
                .isEqualTo(json("{\"principalId\": \"dynamodb.amazonaws.com\", \"type\": \"Service\"}"));
    }
}
