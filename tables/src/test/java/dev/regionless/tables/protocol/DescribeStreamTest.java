package dev.regionless.tables.protocol;

import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.s;
import static dev.regionless.tables.protocol.StreamsFixture.json;
import static dev.regionless.tables.protocol.StreamsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.tables.catalog.StreamSpecification.StreamViewType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescribeStreamTest {
    private static final String ORDERS_ARN =
            "arn:aws:dynamodb:eu-west-2:000000000000:table/orders/stream/2026-03-01T10:00:00.000";

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
    void anEnabledStreamIsDescribedWithItsTableAndOneOpenShard() {
        streams.createTable("orders", StreamViewType.NEW_AND_OLD_IMAGES);

        var description = streams.describe(ORDERS_ARN);

        var shardId = description.get("Shards").get(0).get("ShardId").textValue();
        assertThat(json(description)).isEqualTo(json("""
                        {"StreamArn": "%s",
                         "StreamLabel": "2026-03-01T10:00:00.000",
                         "StreamStatus": "ENABLED",
                         "StreamViewType": "NEW_AND_OLD_IMAGES",
                         "CreationRequestDateTime": 1772359200.000,
                         "TableName": "orders",
                         "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                       {"AttributeName": "sk", "KeyType": "RANGE"}],
                         "Shards": [{"ShardId": "%s",
                                     "SequenceNumberRange": {"StartingSequenceNumber": "000000000000000000001"}}]}
                        """.formatted(ORDERS_ARN, shardId)));
    }

    @Test
    void theShardIdHasAwsFormWithTheStreamsCreationTime() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);

        assertThat(streams.shardId(ORDERS_ARN)).matches("shardId-00000001772359200000-[0-9a-f]{8}");
    }

    @Test
    void theCreationTimeKeepsTheLabelsMilliseconds() {
        streams.clock.advance(Duration.ofMillis(250));
        streams.createTable("orders", StreamViewType.KEYS_ONLY);

        var description = streams.describe(streams.streamArn("orders"));

        assertThat(description.get("CreationRequestDateTime").decimalValue())
                .isEqualByComparingTo(new BigDecimal("1772359200.250"));
    }

    @Test
    void theStartingSequenceNumberIsTheOldestRecordStillHeld() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);
        streams.put("orders", item("pk", s("a"), "sk", n("1")));
        streams.clock.advance(Duration.ofHours(25));
        streams.put("orders", item("pk", s("b"), "sk", n("1")));
        streams.store.trimStreams(Duration.ofHours(24));

        var range = streams.describe(ORDERS_ARN).get("Shards").get(0).get("SequenceNumberRange");

        assertThat(range.get("StartingSequenceNumber").textValue()).isEqualTo("000000000000000000002");
    }

    @Test
    void aDisabledStreamIsDisabledAndItsShardClosedAtItsLastRecord() {
        streams.createTable("orders", StreamViewType.NEW_IMAGE);
        streams.put("orders", item("pk", s("a"), "sk", n("1")));
        streams.put("orders", item("pk", s("b"), "sk", n("1")));
        streams.setStream("orders", null);

        var description = streams.describe(ORDERS_ARN);

        assertThat(description.get("StreamStatus").textValue()).isEqualTo("DISABLED");
        assertThat(json(description.get("Shards").get(0).get("SequenceNumberRange")))
                .isEqualTo(json("""
                        {"StartingSequenceNumber": "000000000000000000001",
                         "EndingSequenceNumber": "000000000000000000002"}
                        """));
    }

    @Test
    void aDisabledStreamShowsOnlyKeysBecauseItsViewTypeIsForgotten() {
        streams.createTable("orders", StreamViewType.NEW_IMAGE);
        streams.setStream("orders", null);

        assertThat(streams.describe(ORDERS_ARN).get("StreamViewType").textValue())
                .isEqualTo("KEYS_ONLY");
    }

    @Test
    void aReEnabledStreamStartsAfterTheRecordsOfTheStreamBefore() {
        streams.createTable("orders", StreamViewType.NEW_IMAGE);
        streams.put("orders", item("pk", s("a"), "sk", n("1")));
        streams.clock.advance(Duration.ofMinutes(1));
        streams.setStream("orders", null);
        streams.clock.advance(Duration.ofMinutes(1));
        streams.setStream("orders", StreamViewType.NEW_IMAGE);
        streams.put("orders", item("pk", s("b"), "sk", n("1")));

        var range = streams.describe(streams.streamArn("orders"))
                .get("Shards")
                .get(0)
                .get("SequenceNumberRange");

        assertThat(range.get("StartingSequenceNumber").textValue()).isEqualTo("000000000000000000002");
    }

    @Test
    void aStreamReplacedByReEnablingIsNotFound() {
        streams.createTable("orders", StreamViewType.NEW_IMAGE);
        streams.clock.advance(Duration.ofMinutes(1));
        streams.setStream("orders", null);
        streams.clock.advance(Duration.ofMinutes(1));
        streams.setStream("orders", StreamViewType.NEW_IMAGE);

        streams.failure("DescribeStream", request("StreamArn", ORDERS_ARN))
                .hasFieldOrPropertyWithValue("code", "ResourceNotFoundException");
    }

    @Test
    void anExclusiveStartAtTheShardListsNoShards() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);
        var shardId = streams.shardId(ORDERS_ARN);

        var description = streams.call(
                        "DescribeStream", request("StreamArn", ORDERS_ARN, "ExclusiveStartShardId", shardId))
                .get("StreamDescription");

        assertThat(description.get("Shards")).isEmpty();
        assertThat(description.has("LastEvaluatedShardId")).isFalse();
    }

    @Test
    void anUnknownStreamIsResourceNotFoundNamingIt() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);
        var unknown = "arn:aws:dynamodb:eu-west-2:000000000000:table/orders/stream/2020-01-01T00:00:00.000";

        streams.failure("DescribeStream", request("StreamArn", unknown))
                .hasFieldOrPropertyWithValue("code", "ResourceNotFoundException")
                .hasMessage("Requested resource not found: Stream: " + unknown + " not found");
    }

    @Test
    void theStreamOfADeletedTableIsNotFound() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);
        streams.store.deleteTable("orders");

        streams.failure("DescribeStream", request("StreamArn", ORDERS_ARN))
                .hasFieldOrPropertyWithValue("code", "ResourceNotFoundException");
    }

    @Test
    void textThatIsNoStreamArnIsAValidationException() {
        streams.failure("DescribeStream", request("StreamArn", "sdfadfsdfnlfkajakfgjalksfgklasjklasdjfklasdfasdfgasf"))
                .hasFieldOrPropertyWithValue("code", "ValidationException")
                .hasMessage("Invalid StreamArn");
    }

    @Test
    void aLimitAboveOneHundredIsRefused() {
        streams.createTable("orders", StreamViewType.KEYS_ONLY);

        streams.failure("DescribeStream", request("StreamArn", ORDERS_ARN, "Limit", 101))
                .hasMessage("One or more parameter values were invalid: Limit cannot be greater than the maximum: 100");
    }
}
