package dev.regionless.tables.protocol;

import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.s;
import static dev.regionless.tables.protocol.StreamsFixture.json;
import static dev.regionless.tables.protocol.StreamsFixture.request;
import static dev.regionless.tables.protocol.StreamsFixture.sequenceNumbers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.tables.catalog.StreamSpecification.StreamViewType;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GetRecordsTest {
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

    private String trimHorizon(String table) {
        return streams.iterator(streams.streamArn(table), "TRIM_HORIZON");
    }

    private static String sequence(long sequence) {
        return String.format("%021d", sequence);
    }

    @Test
    void aRecordHasDynamoDbStreamsShape() {
        streams.createTable("orders", StreamViewType.NEW_AND_OLD_IMAGES);
        streams.clock.advance(Duration.ofMillis(1_500));
        streams.put("orders", item("pk", s("a"), "sk", n("1"), "total", n("12.5")));

        var record = streams.records(trimHorizon("orders")).get("Records").get(0);

        assertThat(json(record))
                .isEqualTo(json("""
                        {"eventID": "%s",
                         "eventName": "INSERT",
                         "eventVersion": "1.1",
                         "eventSource": "aws:dynamodb",
                         "awsRegion": "eu-west-2",
                         "dynamodb": {
                           "ApproximateCreationDateTime": 1772359201,
                           "Keys": {"pk": {"S": "a"}, "sk": {"N": "1"}},
                           "NewImage": {"pk": {"S": "a"}, "sk": {"N": "1"}, "total": {"N": "12.5"}},
                           "SequenceNumber": "000000000000000000001",
                           "SizeBytes": 22,
                           "StreamViewType": "NEW_AND_OLD_IMAGES"}}
                        """.formatted(record.get("eventID").textValue())));
    }

    @Test
    void eventIdsAreHexDifferPerRecordAndRepeatWhenReadAgain() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);
        streams.put("orders", item("pk", s("a"), "sk", n("1")));
        streams.put("orders", item("pk", s("b"), "sk", n("1")));

        var first = streams.records(trimHorizon("orders")).get("Records");
        var again = streams.records(trimHorizon("orders")).get("Records");

        assertThat(first.get(0).get("eventID").textValue()).matches("[0-9a-f]{32}");
        assertThat(first.get(0).get("eventID")).isNotEqualTo(first.get(1).get("eventID"));
        assertThat(again.get(0).get("eventID")).isEqualTo(first.get(0).get("eventID"));
    }

    private JsonNode modifyRecord(StreamViewType view) {
        streams.createTable("orders", view);
        streams.put("orders", item("pk", s("a"), "sk", n("1"), "v", n("1")));
        streams.put("orders", item("pk", s("a"), "sk", n("1"), "v", n("2")));
        return streams.records(trimHorizon("orders")).get("Records").get(1).get("dynamodb");
    }

    @Test
    void keysOnlyShowsNeitherImage() {
        var dynamodb = modifyRecord(StreamViewType.KEYS_ONLY);

        assertThat(dynamodb.has("NewImage")).isFalse();
        assertThat(dynamodb.has("OldImage")).isFalse();
        assertThat(dynamodb.get("StreamViewType").textValue()).isEqualTo("KEYS_ONLY");
        // "pk" and "a" are 3 bytes, "sk" and the number 1 are 4: DynamoDB's item size rule
        assertThat(dynamodb.get("SizeBytes").intValue()).isEqualTo(7);
    }

    @Test
    void newImageShowsTheItemAfterTheChangeOnly() {
        var dynamodb = modifyRecord(StreamViewType.NEW_IMAGE);

        assertThat(json(dynamodb.get("NewImage")))
                .isEqualTo(json("{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"v\":{\"N\":\"2\"}}"));
        assertThat(dynamodb.has("OldImage")).isFalse();
    }

    @Test
    void oldImageShowsTheItemBeforeTheChangeOnly() {
        var dynamodb = modifyRecord(StreamViewType.OLD_IMAGE);

        assertThat(json(dynamodb.get("OldImage")))
                .isEqualTo(json("{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"v\":{\"N\":\"1\"}}"));
        assertThat(dynamodb.has("NewImage")).isFalse();
    }

    @Test
    void newAndOldImagesShowsBothAndCountsBothInTheSize() {
        var dynamodb = modifyRecord(StreamViewType.NEW_AND_OLD_IMAGES);

        assertThat(dynamodb.get("NewImage").get("v").get("N").textValue()).isEqualTo("2");
        assertThat(dynamodb.get("OldImage").get("v").get("N").textValue()).isEqualTo("1");
        assertThat(dynamodb.get("SizeBytes").intValue()).isEqualTo(7 + 10 + 10); // keys, new image, old image
    }

    @Test
    void aRemovalShowsTheOldImageAndNoNewOne() {
        streams.createTable("orders", StreamViewType.NEW_AND_OLD_IMAGES);
        var written = item("pk", s("a"), "sk", n("1"), "v", n("1"));
        streams.put("orders", written);
        streams.delete("orders", StreamsFixture.keyOf(written));

        var record = streams.records(trimHorizon("orders")).get("Records").get(1);

        assertThat(record.get("eventName").textValue()).isEqualTo("REMOVE");
        assertThat(record.get("dynamodb").has("NewImage")).isFalse();
        assertThat(record.get("dynamodb").get("OldImage").get("v").get("N").textValue())
                .isEqualTo("1");
        assertThat(record.has("userIdentity")).isFalse();
    }

    @Test
    void aTimeToLiveDeletionNamesTheServiceAsItsIdentity() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);
        streams.store.updateTable("orders", state -> state.withTtlAttribute("expires"));
        long now = streams.clock.millis() / 1000;
        streams.put("orders", item("pk", s("a"), "sk", n("1"), "expires", n(Long.toString(now - 10))));
        streams.store.expireItems();

        var record = streams.records(trimHorizon("orders")).get("Records").get(1);

        assertThat(record.get("eventName").textValue()).isEqualTo("REMOVE");
        assertThat(json(record.get("userIdentity")))
                .isEqualTo(json("{\"PrincipalId\": \"dynamodb.amazonaws.com\", \"Type\": \"Service\"}"));
    }

    @Test
    void theLimitCapsAPageAndTheNextIteratorContinuesAfterIt() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);
        for (int i = 1; i <= 5; i++) {
            streams.put("orders", item("pk", s("a"), "sk", n(Integer.toString(i))));
        }

        var first = streams.call("GetRecords", request("ShardIterator", trimHorizon("orders"), "Limit", 2));
        var second = streams.call(
                "GetRecords",
                request("ShardIterator", first.get("NextShardIterator").textValue(), "Limit", 2));

        assertThat(sequenceNumbers(first)).containsExactly(sequence(1), sequence(2));
        assertThat(sequenceNumbers(second)).containsExactly(sequence(3), sequence(4));
    }

    @Test
    void withoutALimitAPageHoldsAThousandRecords() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);
        for (int i = 1; i <= 1001; i++) {
            streams.put("orders", item("pk", s("a"), "sk", n(Integer.toString(i))));
        }

        var answer = streams.records(trimHorizon("orders"));

        assertThat(answer.get("Records")).hasSize(1000);
        assertThat(sequenceNumbers(
                        streams.records(answer.get("NextShardIterator").textValue())))
                .containsExactly(sequence(1001));
    }

    @Test
    void aPageStopsBeforeOneMegabyte() {
        streams.createTable("orders", StreamViewType.NEW_IMAGE);
        var filler = "x".repeat(100_000);
        for (int i = 1; i <= 15; i++) {
            streams.put("orders", item("pk", s("a"), "sk", n(Integer.toString(i)), "filler", s(filler)));
        }

        var first = streams.records(trimHorizon("orders"));
        var rest = streams.records(first.get("NextShardIterator").textValue());

        assertThat(first.get("Records")).hasSize(10); // 11 records of about 100 KB would pass 1 MB
        assertThat(rest.get("Records")).hasSize(5);
    }

    @Test
    void anOpenShardAnswersANextIteratorEvenWithNoRecords() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);
        var answer = streams.records(trimHorizon("orders"));
        streams.put("orders", item("pk", s("a"), "sk", n("1")));

        assertThat(answer.get("Records")).isEmpty();
        assertThat(sequenceNumbers(
                        streams.records(answer.get("NextShardIterator").textValue())))
                .containsExactly(sequence(1));
    }

    @Test
    void aClosedShardAnswersNoNextIteratorOnceEverythingIsRead() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);
        streams.put("orders", item("pk", s("a"), "sk", n("1")));
        streams.put("orders", item("pk", s("b"), "sk", n("1")));
        var iterator = trimHorizon("orders");
        streams.setStream("orders", null);

        var first = streams.call("GetRecords", request("ShardIterator", iterator, "Limit", 1));
        var last = streams.records(first.get("NextShardIterator").textValue());

        assertThat(sequenceNumbers(first)).containsExactly(sequence(1));
        assertThat(sequenceNumbers(last)).containsExactly(sequence(2));
        assertThat(last.has("NextShardIterator")).isFalse();
    }

    @Test
    void anIteratorIsGoodForFifteenMinutes() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);
        var iterator = trimHorizon("orders");
        streams.clock.advance(Duration.ofMinutes(15));

        assertThat(streams.records(iterator).has("NextShardIterator")).isTrue();
    }

    @Test
    void anIteratorOlderThanFifteenMinutesHasExpired() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);
        var iterator = trimHorizon("orders");
        streams.clock.advance(Duration.ofMinutes(15).plusMillis(1));

        streams.failure("GetRecords", request("ShardIterator", iterator))
                .hasFieldOrPropertyWithValue("code", "ExpiredIteratorException")
                .hasFieldOrPropertyWithValue("status", 400)
                .hasMessage("Shard iterator has expired");
    }

    @Test
    void theNextIteratorIsGoodForFifteenMinutesFromItsOwnIssue() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);
        var iterator = trimHorizon("orders");
        streams.clock.advance(Duration.ofMinutes(10));
        var next = streams.records(iterator).get("NextShardIterator").textValue();
        streams.clock.advance(Duration.ofMinutes(10));

        assertThat(streams.records(next).has("NextShardIterator")).isTrue();
    }

    @Test
    void readingWhereRecordsWereTrimmedIsTrimmedData() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);
        streams.put("orders", item("pk", s("a"), "sk", n("1")));
        var iterator = trimHorizon("orders");
        streams.clock.advance(Duration.ofMinutes(14));
        streams.store.trimStreams(Duration.ofMinutes(10));

        streams.failure("GetRecords", request("ShardIterator", iterator))
                .hasFieldOrPropertyWithValue("code", "TrimmedDataAccessException")
                .hasMessage("The data you are trying to access has been trimmed");
    }

    @Test
    void trimHorizonAfterATrimStartsAtTheOldestRetainedRecord() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);
        streams.put("orders", item("pk", s("a"), "sk", n("1")));
        streams.clock.advance(Duration.ofHours(25));
        streams.put("orders", item("pk", s("b"), "sk", n("1")));
        streams.store.trimStreams(Duration.ofHours(24));

        assertThat(sequenceNumbers(streams.records(trimHorizon("orders")))).containsExactly(sequence(2));
    }

    @Test
    void aLimitAboveAThousandIsRefused() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);

        streams.failure("GetRecords", request("ShardIterator", trimHorizon("orders"), "Limit", 1001))
                .hasFieldOrPropertyWithValue("code", "ValidationException")
                .hasMessage("One or more parameter values were invalid: Limit should be less than or equal to 1000");
    }

    @Test
    void aLimitBelowOneBreaksTheModelConstraint() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);

        streams.failure("GetRecords", request("ShardIterator", trimHorizon("orders"), "Limit", -1))
                .hasMessage("1 validation error detected: Value '-1' at 'limit' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
    }

    @Test
    void anIteratorThisServiceDidNotIssueIsAValidationException() {
        streams.failure(
                        "GetRecords",
                        request("ShardIterator", "sdfsdfsgagaddafgagasgasgasdfasdfasdfasdfasdgasdasdgasdg"))
                .hasFieldOrPropertyWithValue("code", "ValidationException")
                .hasMessage("Invalid ShardIterator");
    }

    @Test
    void anIteratorOfADeletedTableIsResourceNotFound() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);
        var arn = streams.streamArn("orders");
        var iterator = trimHorizon("orders");
        streams.store.deleteTable("orders");

        streams.failure("GetRecords", request("ShardIterator", iterator))
                .hasFieldOrPropertyWithValue("code", "ResourceNotFoundException")
                .hasMessage("Requested resource not found: Stream: " + arn + " not found");
    }
}
