package dev.regionless.region.tables;

import static dev.regionless.region.tables.TableFixtures.assertInvalid;
import static dev.regionless.region.tables.TableFixtures.attribute;
import static dev.regionless.region.tables.TableFixtures.hash;
import static dev.regionless.region.tables.TableFixtures.item;
import static dev.regionless.region.tables.TableFixtures.n;
import static dev.regionless.region.tables.TableFixtures.range;
import static dev.regionless.region.tables.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Global and local secondary indexes: what they hold and how they are queried. */
class IndexesIT {

    /**
     * Orders keyed by customer (pk) and order id (sk); the GSI byStatus (status, amount) projects everything, the LSI
     * byDate (pk, date) only keys.
     */
    private static String orders(DynamoDbClient client) {
        var table = TableFixtures.create(
                client,
                TableFixtures.uniqueName("orders"),
                b -> b.keySchema(hash("pk"), range("sk"))
                        .attributeDefinitions(
                                attribute("pk", ScalarAttributeType.S),
                                attribute("sk", ScalarAttributeType.S),
                                attribute("status", ScalarAttributeType.S),
                                attribute("amount", ScalarAttributeType.N),
                                attribute("date", ScalarAttributeType.S))
                        .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                                .indexName("byStatus")
                                .keySchema(hash("status"), range("amount"))
                                .projection(p -> p.projectionType(ProjectionType.ALL))
                                .build())
                        .localSecondaryIndexes(LocalSecondaryIndex.builder()
                                .indexName("byDate")
                                .keySchema(hash("pk"), range("date"))
                                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                                .build()));
        client.putItem(b -> b.tableName(table)
                .item(item(
                        "pk", s("ann"), "sk", s("o1"), "status", s("open"), "amount", n("30"), "date", s("2024-03"))));
        client.putItem(b -> b.tableName(table)
                .item(item(
                        "pk",
                        s("ann"),
                        "sk",
                        s("o2"),
                        "status",
                        s("shipped"),
                        "amount",
                        n("10"),
                        "date",
                        s("2024-01"))));
        client.putItem(b -> b.tableName(table)
                .item(item(
                        "pk", s("bob"), "sk", s("o3"), "status", s("open"), "amount", n("20"), "date", s("2024-02"))));
        // No status: absent from the sparse GSI.
        client.putItem(b -> b.tableName(table).item(item("pk", s("bob"), "sk", s("o4"), "amount", n("5"))));
        return table;
    }

    @ConformanceTest
    void queryOfAGlobalIndexReturnsItsItemsInIndexSortKeyOrder(DynamoDbTarget target) {
        var client = target.client();
        var table = orders(client);

        var response = client.query(b -> b.tableName(table)
                .indexName("byStatus")
                .keyConditionExpression("#s = :open")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":open", s("open"))));

        assertThat(response.items().stream().map(i -> i.get("sk").s())).containsExactly("o3", "o1");
        assertThat(response.items().getFirst())
                .isEqualTo(item(
                        "pk", s("bob"), "sk", s("o3"), "status", s("open"), "amount", n("20"), "date", s("2024-02")));
    }

    @ConformanceTest
    void aGlobalIndexOmitsItemsWithoutItsKey(DynamoDbTarget target) {
        var client = target.client();
        var table = orders(client);

        var response = client.scan(b -> b.tableName(table).indexName("byStatus"));

        assertThat(response.items().stream().map(i -> i.get("sk").s())).containsExactlyInAnyOrder("o1", "o2", "o3");
    }

    @ConformanceTest
    void aGlobalIndexFollowsUpdatesAndDeletes(DynamoDbTarget target) {
        var client = target.client();
        var table = orders(client);

        client.updateItem(b -> b.tableName(table)
                .key(item("pk", s("ann"), "sk", s("o1")))
                .updateExpression("SET #s = :shipped")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":shipped", s("shipped"))));
        client.deleteItem(b -> b.tableName(table).key(item("pk", s("bob"), "sk", s("o3"))));
        var open = client.query(b -> b.tableName(table)
                .indexName("byStatus")
                .keyConditionExpression("#s = :open")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":open", s("open"))));
        var shipped = client.query(b -> b.tableName(table)
                .indexName("byStatus")
                .keyConditionExpression("#s = :shipped AND amount > :zero")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":shipped", s("shipped"), ":zero", n("0"))));

        assertThat(open.items()).isEmpty();
        assertThat(shipped.items().stream().map(i -> i.get("sk").s())).containsExactly("o2", "o1");
    }

    @ConformanceTest
    void queryOfALocalIndexWithKeysOnlyProjectionReturnsTableAndIndexKeys(DynamoDbTarget target) {
        var client = target.client();
        var table = orders(client);

        var response = client.query(b -> b.tableName(table)
                .indexName("byDate")
                .keyConditionExpression("pk = :ann AND #d > :start")
                .expressionAttributeNames(Map.of("#d", "date"))
                .expressionAttributeValues(Map.of(":ann", s("ann"), ":start", s("2024"))));

        assertThat(response.items())
                .containsExactly(
                        item("pk", s("ann"), "sk", s("o2"), "date", s("2024-01")),
                        item("pk", s("ann"), "sk", s("o1"), "date", s("2024-03")));
    }

    @ConformanceTest
    void queryOfAMissingIndexFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = orders(client);

        assertInvalid(
                () -> client.query(b -> b.tableName(table)
                        .indexName("nope")
                        .keyConditionExpression("pk = :ann")
                        .expressionAttributeValues(Map.of(":ann", s("ann")))),
                "The table does not have the specified index: nope");
    }

    @ConformanceTest
    void consistentReadOfAGlobalIndexFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = orders(client);

        assertInvalid(
                () -> client.query(b -> b.tableName(table)
                        .indexName("byStatus")
                        .consistentRead(true)
                        .keyConditionExpression("#s = :open")
                        .expressionAttributeNames(Map.of("#s", "status"))
                        .expressionAttributeValues(Map.of(":open", s("open")))),
                "Consistent reads are not supported on global secondary indexes");
    }

    @ConformanceTest
    void writingAnIndexKeyOfTheWrongTypeFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = orders(client);

        assertInvalid(
                () -> client.putItem(b -> b.tableName(table)
                        .item(item("pk", s("cat"), "sk", s("o9"), "status", s("open"), "amount", s("many")))),
                "One or more parameter values were invalid: Type mismatch for Index Key amount Expected: N Actual: S"
                        + " IndexName: byStatus");
    }

    @ConformanceTest
    void describeTableListsTheIndexes(DynamoDbTarget target) {
        var client = target.client();
        var table = orders(client);

        var description = client.describeTable(b -> b.tableName(table)).table();

        assertThat(description.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("byStatus");
            assertThat(index.keySchema()).containsExactly(hash("status"), range("amount"));
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
            assertThat(index.indexArn()).endsWith(":table/" + table + "/index/byStatus");
        });
        assertThat(description.localSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("byDate");
            assertThat(index.keySchema()).containsExactly(hash("pk"), range("date"));
        });
    }
}
