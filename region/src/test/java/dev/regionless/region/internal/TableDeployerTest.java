package dev.regionless.region.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.regionless.common.AwsException;
import dev.regionless.common.MutableClock;
import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.catalog.BillingMode;
import dev.regionless.tables.catalog.IndexDefinition;
import dev.regionless.tables.catalog.KeyElement;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.catalog.ScalarAttributeType;
import dev.regionless.tables.catalog.StreamSpecification;
import dev.regionless.tables.catalog.Throughput;
import dev.regionless.template.TemplateContext;
import dev.regionless.template.TemplateReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables from a template, deployed into a real table store, and deployed again. */
class TableDeployerTest {
    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private TableStore store;
    private TableDeployer deployer;

    @BeforeEach
    void open() {
        store = TableStore.open(folder, "eu-west-2", "123456789012", clock);
        deployer = new TableDeployer(store);
    }

    @AfterEach
    void close() {
        // An index added to an existing table is backfilled in the background, and closing the store under a
        // running backfill crashes RocksDB; let the backfills finish first.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> store.tableNames().stream()
                        .allMatch(name -> store.requireTable(name).indexStatuses().values().stream()
                                .allMatch("ACTIVE"::equals)));
        store.close();
    }

    /** Deploys a template whose Resources are {@code resources}. */
    private void deploy(String resources) {
        var yaml = "Resources:\n" + resources.stripIndent().indent(2);
        var application = TemplateReader.parse(yaml, folder.resolve("template.yaml"), TemplateContext.of("eu-west-2"));
        deployer.deploy(ApplicationMapping.tables(application));
    }

    private static String messages(String extra) {
        return """
                Messages:
                  Type: AWS::DynamoDB::Table
                  Properties:
                    TableName: messages
                    AttributeDefinitions:
                      - {AttributeName: room, AttributeType: S}
                      - {AttributeName: at, AttributeType: N}
                    KeySchema: [{AttributeName: room, KeyType: HASH}, {AttributeName: at, KeyType: RANGE}]
                """ + extra.stripIndent().indent(4);
    }

    private static final String ON_DEMAND = "BillingMode: PAY_PER_REQUEST\n";

    private static Item message(String room, long at) {
        return Item.of(Map.of("room", new AttributeValue.S(room), "at", AttributeValue.N.of(at)));
    }

    @Test
    void tableThatDoesNotExistIsCreatedWithTheTemplatesKeyAndBilling() {
        deploy(messages("ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 2}\n"));

        var definition = store.requireTable("messages").definition();
        assertThat(definition.keySchema())
                .isEqualTo(new KeySchema(
                        new KeyElement("room", ScalarAttributeType.S), new KeyElement("at", ScalarAttributeType.N)));
        assertThat(definition.attributeDefinitions())
                .isEqualTo(Map.of("room", ScalarAttributeType.S, "at", ScalarAttributeType.N));
        assertThat(definition.billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(definition.throughput()).isEqualTo(new Throughput(5, 2));
    }

    @Test
    void newTableGetsItsIndexesStreamTimeToLiveTagsAndDeletionProtection() {
        deploy("""
                Messages:
                  Type: AWS::DynamoDB::Table
                  Properties:
                    TableName: messages
                    AttributeDefinitions:
                      - {AttributeName: room, AttributeType: S}
                      - {AttributeName: at, AttributeType: N}
                      - {AttributeName: author, AttributeType: S}
                    KeySchema: [{AttributeName: room, KeyType: HASH}, {AttributeName: at, KeyType: RANGE}]
                    BillingMode: PAY_PER_REQUEST
                    LocalSecondaryIndexes:
                      - IndexName: by-author-in-room
                        KeySchema: [{AttributeName: room, KeyType: HASH}, {AttributeName: author, KeyType: RANGE}]
                        Projection: {ProjectionType: ALL}
                    GlobalSecondaryIndexes:
                      - IndexName: by-author
                        KeySchema: [{AttributeName: author, KeyType: HASH}]
                        Projection: {ProjectionType: INCLUDE, NonKeyAttributes: [text]}
                    StreamSpecification: {StreamViewType: NEW_IMAGE}
                    TimeToLiveSpecification: {AttributeName: expires, Enabled: true}
                    Tags: [{Key: team, Value: chat}]
                    DeletionProtectionEnabled: true
                """);

        var table = store.requireTable("messages");
        assertThat(table.definition().indexes())
                .extracting(IndexDefinition::name, IndexDefinition::global, IndexDefinition::number)
                .containsExactly(tuple("by-author-in-room", false, 1), tuple("by-author", true, 2));
        assertThat(table.definition().stream())
                .isEqualTo(new StreamSpecification(true, StreamSpecification.StreamViewType.NEW_IMAGE));
        assertThat(table.ttlAttribute()).isEqualTo("expires");
        assertThat(table.tags()).isEqualTo(Map.of("team", "chat"));
        assertThat(table.definition().deletionProtection()).isTrue();
    }

    @Test
    void redeployOfTheSameTemplateKeepsTheItemsAndTheTable() {
        deploy(messages(ON_DEMAND));
        var before = store.requireTable("messages");
        store.writeItem("messages", message("lobby", 1), current -> Optional.of(message("lobby", 1)));

        deploy(messages(ON_DEMAND));

        assertThat(store.requireTable("messages")).isEqualTo(before);
        assertThat(store.getItem("messages", message("lobby", 1))).contains(message("lobby", 1));
    }

    @Test
    void redeployWithAnotherKeyFailsNamingTheTableAndLeavesItAlone() {
        deploy(messages(ON_DEMAND));
        var before = store.requireTable("messages");

        assertThatThrownBy(() -> deploy(messages(ON_DEMAND).replace("at, AttributeType: N", "at, AttributeType: S")))
                .isInstanceOf(AwsException.class)
                .hasMessage("table Messages (messages): its key is room (S) + at (S) in the template but room (S) + "
                        + "at (N) in the deployed table (expected: the same key; a table's key cannot change, so give "
                        + "the table another name to create a new one)");
        assertThat(store.requireTable("messages")).isEqualTo(before);
    }

    @Test
    void tableThatWouldNeedReplacingStopsTheDeployBeforeAnyTableIsCreated() {
        deploy(messages(ON_DEMAND));
        var notes = """
                Notes:
                  Type: AWS::DynamoDB::Table
                  Properties:
                    TableName: notes
                    AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                    KeySchema: [{AttributeName: id, KeyType: HASH}]
                    BillingMode: PAY_PER_REQUEST
                """;

        assertThatThrownBy(() -> deploy(notes + messages(ON_DEMAND).replace("N}", "S}")))
                .isInstanceOf(AwsException.class)
                .hasMessageStartingWith("table Messages (messages): its key is");
        assertThat(store.table("notes")).isEmpty();
    }

    @Test
    void redeployWithOtherLocalIndexesFails() {
        deploy(messages(ON_DEMAND));
        var withLocalIndex = messages(ON_DEMAND + """
                LocalSecondaryIndexes:
                  - IndexName: by-room-again
                    KeySchema: [{AttributeName: room, KeyType: HASH}, {AttributeName: at, KeyType: RANGE}]
                    Projection: {ProjectionType: ALL}
                """);

        assertThatThrownBy(() -> deploy(withLocalIndex))
                .isInstanceOf(AwsException.class)
                .hasMessageStartingWith("table Messages (messages): its LocalSecondaryIndexes differ");
    }

    @Test
    void redeployAddsAGlobalIndexWithANumberTheTableNeverUsed() {
        deploy(messages(ON_DEMAND + globalIndexes("by-at")));

        deploy(messages(ON_DEMAND + globalIndexes("by-time")));

        assertThat(store.requireTable("messages").definition().indexes())
                .extracting(IndexDefinition::name, IndexDefinition::number)
                .containsExactly(tuple("by-time", 2));
    }

    @Test
    void redeployKeepsTheNumberOfAGlobalIndexItAlreadyHas() {
        deploy(messages(ON_DEMAND + globalIndexes("by-at")));

        deploy(messages(ON_DEMAND + globalIndexes("by-time", "by-at")));

        assertThat(store.requireTable("messages").definition().indexes())
                .extracting(IndexDefinition::name, IndexDefinition::number)
                .containsExactly(tuple("by-time", 2), tuple("by-at", 1));
    }

    @Test
    void redeployChangingAGlobalIndexsKeyFails() {
        deploy(messages(ON_DEMAND + globalIndexes("by-at")));

        assertThatThrownBy(
                        () -> deploy(messages(ON_DEMAND + globalIndexes("by-at").replace("ALL", "KEYS_ONLY"))))
                .isInstanceOf(AwsException.class)
                .hasMessage("table Messages (messages): global index by-at has another key or projection than the "
                        + "deployed one (expected: the same; to change an index, give it a new IndexName)");
    }

    @Test
    void redeployTurnsOnTimeToLiveAndReplacesTags() {
        deploy(messages(ON_DEMAND + "Tags: [{Key: team, Value: chat}]\n"));

        deploy(messages(ON_DEMAND + """
                TimeToLiveSpecification: {AttributeName: expires, Enabled: true}
                Tags: [{Key: cost, Value: "7"}]
                """));

        var table = store.requireTable("messages");
        assertThat(table.ttlAttribute()).isEqualTo("expires");
        assertThat(table.tags()).isEqualTo(Map.of("cost", "7"));
    }

    @Test
    void redeployChangingTheStreamViewTypeStartsANewStream() {
        deploy(messages(ON_DEMAND + "StreamSpecification: {StreamViewType: KEYS_ONLY}\n"));
        var firstStream = store.requireTable("messages").streamArn();
        clock.advance(Duration.ofSeconds(1));

        deploy(messages(ON_DEMAND + "StreamSpecification: {StreamViewType: NEW_IMAGE}\n"));

        var table = store.requireTable("messages");
        assertThat(table.definition().stream().viewType()).isEqualTo(StreamSpecification.StreamViewType.NEW_IMAGE);
        assertThat(table.streamArn()).isNotEqualTo(firstStream);
    }

    @Test
    void tableTheTemplateNoLongerDeclaresIsKept() {
        deploy(messages(ON_DEMAND));

        deploy("""
                Notes:
                  Type: AWS::DynamoDB::Table
                  Properties:
                    AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                    KeySchema: [{AttributeName: id, KeyType: HASH}]
                    BillingMode: PAY_PER_REQUEST
                """);

        assertThat(store.table("messages")).isPresent();
    }

    /** {@code GlobalSecondaryIndexes} with one index on {@code at} per name. */
    private static String globalIndexes(String... names) {
        var yaml = new StringBuilder("GlobalSecondaryIndexes:\n");
        for (var name : names) {
            yaml.append("  - IndexName: ").append(name).append('\n');
            yaml.append("    KeySchema: [{AttributeName: at, KeyType: HASH}]\n");
            yaml.append("    Projection: {ProjectionType: ALL}\n");
        }
        return yaml.toString();
    }
}
