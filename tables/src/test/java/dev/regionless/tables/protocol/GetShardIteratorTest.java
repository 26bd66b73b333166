package dev.regionless.tables.protocol;

import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.s;
import static dev.regionless.tables.protocol.StreamsFixture.request;
import static dev.regionless.tables.protocol.StreamsFixture.sequenceNumbers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.tables.catalog.StreamSpecification.StreamViewType;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each iterator type starts reading where it says; sequence numbers are checked against the shard. */
class GetShardIteratorTest {
    @TempDir
    Path folder;

    StreamsFixture streams;
    String arn;

    @BeforeEach
    void open() {
        streams = new StreamsFixture(folder);
        streams.createTable("orders", StreamViewType.KEYS_ONLY);
        arn = streams.streamArn("orders");
    }

    @AfterEach
    void close() {
        streams.close();
    }

    private void putThree() {
        for (var pk : new String[] {"a", "b", "c"}) {
            streams.put("orders", item("pk", s(pk), "sk", n("1")));
        }
    }

    private static String sequence(long sequence) {
        return String.format("%021d", sequence);
    }

    @Test
    void trimHorizonReadsFromTheOldestRecord() {
        putThree();

        var answer = streams.records(streams.iterator(arn, "TRIM_HORIZON"));

        assertThat(sequenceNumbers(answer)).containsExactly(sequence(1), sequence(2), sequence(3));
    }

    @Test
    void latestReadsOnlyRecordsWrittenAfterTheIteratorWasIssued() {
        putThree();
        var iterator = streams.iterator(arn, "LATEST");
        streams.put("orders", item("pk", s("d"), "sk", n("1")));

        assertThat(sequenceNumbers(streams.records(iterator))).containsExactly(sequence(4));
    }

    @Test
    void atSequenceNumberReadsFromThatRecord() {
        putThree();

        var answer = streams.records(streams.iterator(arn, "AT_SEQUENCE_NUMBER", sequence(2)));

        assertThat(sequenceNumbers(answer)).containsExactly(sequence(2), sequence(3));
    }

    @Test
    void afterSequenceNumberReadsFromTheRecordAfterIt() {
        putThree();

        var answer = streams.records(streams.iterator(arn, "AFTER_SEQUENCE_NUMBER", sequence(2)));

        assertThat(sequenceNumbers(answer)).containsExactly(sequence(3));
    }

    @Test
    void aSequenceNumberWithoutItsLeadingZerosStillNamesTheRecord() {
        putThree();
        var padded = "0000000000000000000000000000000000000002";

        var answer = streams.records(streams.iterator(arn, "AT_SEQUENCE_NUMBER", padded));

        assertThat(sequenceNumbers(answer)).startsWith(sequence(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"})
    void theStartingSequenceNumberOfAnEmptyShardIsAccepted(String type) {
        var start = streams.describe(arn)
                .get("Shards")
                .get(0)
                .get("SequenceNumberRange")
                .get("StartingSequenceNumber")
                .textValue();

        var answer = streams.call(
                "GetShardIterator",
                request(
                        "StreamArn",
                        arn,
                        "ShardId",
                        streams.shardId(arn),
                        "ShardIteratorType",
                        type,
                        "SequenceNumber",
                        start));

        assertThat(answer.get("ShardIterator").textValue()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"})
    void aSequenceNumberIsRequiredToStartAtOne(String type) {
        streams.failure(
                        "GetShardIterator",
                        request("StreamArn", arn, "ShardId", streams.shardId(arn), "ShardIteratorType", type))
                .hasFieldOrPropertyWithValue("code", "ValidationException")
                .hasMessage("One or more parameter values were invalid: SequenceNumber is required for "
                        + "ShardIteratorType " + type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRIM_HORIZON", "LATEST"})
    void aSequenceNumberIsRefusedWhereItMeansNothing(String type) {
        streams.failure(
                        "GetShardIterator",
                        request(
                                "StreamArn",
                                arn,
                                "ShardId",
                                streams.shardId(arn),
                                "ShardIteratorType",
                                type,
                                "SequenceNumber",
                                sequence(1)))
                .hasFieldOrPropertyWithValue("code", "ValidationException")
                .hasMessage("One or more parameter values were invalid: SequenceNumber cannot be used with "
                        + "ShardIteratorType " + type);
    }

    @Test
    void aSequenceNumberThatIsNotDecimalIsAValidationException() {
        putThree();

        streams.failure(
                        "GetShardIterator",
                        request(
                                "StreamArn",
                                arn,
                                "ShardId",
                                streams.shardId(arn),
                                "ShardIteratorType",
                                "AT_SEQUENCE_NUMBER",
                                "SequenceNumber",
                                "sdfsafglldfngjdafnasdflgnaldklk"))
                .hasFieldOrPropertyWithValue("code", "ValidationException")
                .hasMessage("Invalid SequenceNumber");
    }

    @Test
    void aSequenceNumberShorterThanTheModelAllowsBreaksItsConstraint() {
        streams.failure(
                        "GetShardIterator",
                        request(
                                "StreamArn",
                                arn,
                                "ShardId",
                                streams.shardId(arn),
                                "ShardIteratorType",
                                "AT_SEQUENCE_NUMBER",
                                "SequenceNumber",
                                "2"))
                .hasMessage("1 validation error detected: Value '2' at 'sequenceNumber' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 21");
    }

    @Test
    void aSequenceNumberWhoseRecordWasTrimmedIsTrimmedData() {
        putThree();
        streams.clock.advance(Duration.ofHours(25));
        streams.put("orders", item("pk", s("d"), "sk", n("1")));
        streams.store.trimStreams(Duration.ofHours(24));

        streams.failure(
                        "GetShardIterator",
                        request(
                                "StreamArn",
                                arn,
                                "ShardId",
                                streams.shardId(arn),
                                "ShardIteratorType",
                                "AT_SEQUENCE_NUMBER",
                                "SequenceNumber",
                                sequence(2)))
                .hasFieldOrPropertyWithValue("code", "TrimmedDataAccessException")
                .hasMessage("The data you are trying to access has been trimmed");
    }

    @Test
    void aSequenceNumberOfTheTablesEarlierStreamIsOutsideTheShard() {
        putThree();
        streams.clock.advance(Duration.ofMinutes(1));
        streams.setStream("orders", null);
        streams.clock.advance(Duration.ofMinutes(1));
        streams.setStream("orders", StreamViewType.KEYS_ONLY);
        var newArn = streams.streamArn("orders");

        streams.failure(
                        "GetShardIterator",
                        request(
                                "StreamArn",
                                newArn,
                                "ShardId",
                                streams.shardId(newArn),
                                "ShardIteratorType",
                                "AT_SEQUENCE_NUMBER",
                                "SequenceNumber",
                                sequence(2)))
                .hasFieldOrPropertyWithValue("code", "ValidationException")
                .hasMessage("Invalid SequenceNumber for the shard");
    }

    @Test
    void aSequenceNumberBeyondAClosedShardsEndIsOutsideTheShard() {
        putThree();
        streams.setStream("orders", null);

        streams.failure(
                        "GetShardIterator",
                        request(
                                "StreamArn",
                                arn,
                                "ShardId",
                                streams.shardId(arn),
                                "ShardIteratorType",
                                "AT_SEQUENCE_NUMBER",
                                "SequenceNumber",
                                sequence(4)))
                .hasMessage("Invalid SequenceNumber for the shard");
    }

    @Test
    void aShardTheStreamDoesNotHaveIsResourceNotFound() {
        streams.failure(
                        "GetShardIterator",
                        request(
                                "StreamArn",
                                arn,
                                "ShardId",
                                "shardId-00000001000000000000-00000000",
                                "ShardIteratorType",
                                "LATEST"))
                .hasFieldOrPropertyWithValue("code", "ResourceNotFoundException")
                .hasMessage("Requested resource not found: Shard does not exist");
    }

    @Test
    void textThatIsNoStreamArnIsAValidationException() {
        streams.failure(
                        "GetShardIterator",
                        request(
                                "StreamArn",
                                "sdfadfsddafgdafsgjnadflkgnalngalsdfnlkasnlkasdfasdfasf",
                                "ShardId",
                                streams.shardId(arn),
                                "ShardIteratorType",
                                "LATEST"))
                .hasMessage("Invalid StreamArn");
    }

    @Test
    void aClosedShardCanStillBeReadFromItsStart() {
        putThree();
        streams.setStream("orders", null);

        var answer = streams.records(streams.iterator(arn, "TRIM_HORIZON"));

        assertThat(sequenceNumbers(answer)).containsExactly(sequence(1), sequence(2), sequence(3));
    }
}
