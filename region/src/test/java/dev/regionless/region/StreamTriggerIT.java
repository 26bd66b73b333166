package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionless.common.MutableClock;
import dev.regionless.events.EventSourceMapping;
import dev.regionless.events.StartingPosition;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * A table's stream triggering a function in a real region: writes through the AWS SDK, a real handler that takes
 * {@code DynamodbEvent} and writes what it received to another table ({@code StreamRecorder}), and the region's
 * event sources in between.
 */
class StreamTriggerIT {
    private static final String REGION = "eu-west-2";

    @TempDir
    Path folder;

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    RegionSet regions;
    DynamoDbClient dynamodb;

    @BeforeEach
    void start() {
        startRegion();
        createTable("messages", true);
        createTable("received", false);
    }

    @AfterEach
    void stop() {
        stopRegion();
    }

    private void startRegion() {
        regions = RegionSet.start(folder.resolve("data"), List.of(REGION), config -> config.withClock(clock));
        regions.deploy(TestApps.template(folder, """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Runtime: java21
                    CodeUri: ${jar}
                    Timeout: 30
                    Environment:
                      Variables:
                        RECEIVED_TABLE: received
                Resources:
                  Recorder:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: dev.regionless.testfunctions.StreamRecorder
                  FailsTwice:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: dev.regionless.testfunctions.StreamRecorder
                      Environment:
                        Variables:
                          FAIL_TIMES: 2
                  FailsThrice:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: dev.regionless.testfunctions.StreamRecorder
                      Environment:
                        Variables:
                          FAIL_TIMES: 3
                """), Map.of());
        dynamodb = DynamoDbClient.builder()
                .endpointOverride(region().endpoints().service())
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private void stopRegion() {
        dynamodb.close();
        regions.close();
    }

    private RegionNode region() {
        return regions.region(REGION);
    }

    private void createTable(String name, boolean withStream) {
        dynamodb.createTable(b -> {
            b.tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder()
                            .attributeName("id")
                            .attributeType(ScalarAttributeType.S)
                            .build())
                    .keySchema(KeySchemaElement.builder()
                            .attributeName("id")
                            .keyType(KeyType.HASH)
                            .build());
            if (withStream) {
                b.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
            }
        });
    }

    private String streamArn() {
        return dynamodb.describeTable(b -> b.tableName("messages")).table().latestStreamArn();
    }

    private EventSourceMapping mapping(String function, StartingPosition position) {
        return EventSourceMapping.of("messages-to-" + function, function, streamArn(), position);
    }

    private void put(String id, String text) {
        dynamodb.putItem(b -> b.tableName("messages")
                .item(Map.of("id", AttributeValue.fromS(id), "text", AttributeValue.fromS(text))));
    }

    private void delete(String id) {
        dynamodb.deleteItem(b -> b.tableName("messages").key(Map.of("id", AttributeValue.fromS(id))));
    }

    /** What the recorder wrote, by id. */
    private Map<String, Map<String, AttributeValue>> received() {
        var items =
                dynamodb.scan(b -> b.tableName("received").consistentRead(true)).items();
        var byId = new java.util.TreeMap<String, Map<String, AttributeValue>>();
        items.forEach(item -> byId.put(item.get("id").s(), item));
        return byId;
    }

    /** The records delivered to a function that succeeded, in sequence order. */
    private List<Map<String, AttributeValue>> deliveredRecords() {
        return received().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("record-"))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** Each invocation as "sequences outcome", in invocation order, sequence numbers without their zero padding. */
    private List<String> invocations() {
        return received().values().stream()
                .filter(item -> item.get("id").s().startsWith("invocation-"))
                .sorted(Comparator.comparingLong(
                        item -> Long.parseLong(item.get("attempt").n())))
                .map(item -> item.get("sequences").s().replaceAll("0*(\\d+)", "$1") + " "
                        + item.get("outcome").s())
                .toList();
    }

    private static List<String> column(List<Map<String, AttributeValue>> items, String attribute) {
        return items.stream()
                .map(item -> item.get(attribute).s() != null
                        ? item.get(attribute).s()
                        : item.get(attribute).n())
                .toList();
    }

    @Test
    void recordsArriveInOrderWithTheirKeysAndImages() {
        region().deployEventSources(List.of(mapping("Recorder", StartingPosition.TRIM_HORIZON)));

        put("a", "hello");
        put("b", "hi");
        put("a", "bye");
        delete("b");

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredRecords().size() == 4);
        var records = deliveredRecords();
        assertThat(column(records, "eventName")).containsExactly("INSERT", "INSERT", "MODIFY", "REMOVE");
        assertThat(column(records, "keys")).containsExactly("id=a", "id=b", "id=a", "id=b");
        assertThat(column(records, "newText")).containsExactly("hello", "hi", "bye", "-");
        assertThat(column(records, "oldText")).containsExactly("-", "-", "hello", "hi");
        assertThat(column(records, "eventSourceARN")).containsOnly(streamArn());
        assertThat(column(records, "deliveries")).containsOnly("1");
    }

    @Test
    void aBatchHoldsAtMostBatchSizeRecordsAndBatchesFollowTheStream() {
        for (var id : List.of("a", "b", "c", "d", "e")) {
            put(id, "text");
        }

        region().deployEventSources(List.of(
                mapping("Recorder", StartingPosition.TRIM_HORIZON).withBatchSize(2)));

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredRecords().size() == 5);
        assertThat(invocations()).containsExactly("1,2 ok", "3,4 ok", "5 ok");
    }

    @Test
    void aFailingFunctionGetsTheSameBatchAgainUntilItSucceeds() {
        put("a", "one");
        put("b", "two");

        region().deployEventSources(List.of(mapping("FailsTwice", StartingPosition.TRIM_HORIZON)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !invocations().isEmpty());
        put("c", "written while the batch is retried");

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredRecords().size() == 3);
        assertThat(invocations()).containsExactly("1,2 failed", "1,2 failed", "1,2 ok", "3 ok");
        assertThat(column(deliveredRecords(), "deliveries")).containsOnly("1");
    }

    @Test
    void latestSkipsRecordsWrittenBeforeTheMappingWasCreated() {
        put("before-1", "old");
        put("before-2", "old");

        region().deployEventSources(List.of(mapping("Recorder", StartingPosition.LATEST)));
        put("after", "new");

        await().atMost(Duration.ofSeconds(30)).until(() -> !deliveredRecords().isEmpty());
        assertThat(column(deliveredRecords(), "keys")).containsExactly("id=after");
        assertThat(invocations()).containsExactly("3 ok");
    }

    @Test
    void aRestartedRegionResumesAfterTheLastDeliveredRecord() {
        region().deployEventSources(List.of(mapping("Recorder", StartingPosition.LATEST)));
        put("a", "before the restart");
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredRecords().size() == 1);

        stopRegion();
        startRegion();
        put("b", "after the restart, before the mapping is deployed again");
        region().deployEventSources(List.of(mapping("Recorder", StartingPosition.LATEST)));

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredRecords().size() == 2);
        assertThat(column(deliveredRecords(), "keys")).containsExactly("id=a", "id=b");
        assertThat(column(deliveredRecords(), "deliveries")).containsOnly("1");
        assertThat(invocations()).containsExactly("1 ok", "2 ok");
    }

    @Test
    void aBatchThatFailsUntilItsRecordsPassTheRetentionIsSkipped() {
        put("stale", "fails until it leaves the stream");
        region().deployEventSources(List.of(mapping("FailsThrice", StartingPosition.TRIM_HORIZON)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !invocations().isEmpty());

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        put("fresh", "written a day later");

        await().atMost(Duration.ofSeconds(60)).until(() -> !deliveredRecords().isEmpty());
        assertThat(column(deliveredRecords(), "keys")).containsExactly("id=fresh");
        assertThat(invocations()).last().isEqualTo("2 ok");
        assertThat(invocations()).allMatch(invocation -> invocation.equals("1 failed") || invocation.startsWith("2 "));
    }
}
