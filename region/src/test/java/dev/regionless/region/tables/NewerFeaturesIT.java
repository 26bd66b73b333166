package dev.regionless.region.tables;

import static dev.regionless.region.tables.TableFixtures.assertFails;
import static dev.regionless.region.tables.TableFixtures.attribute;
import static dev.regionless.region.tables.TableFixtures.hash;
import static dev.regionless.region.tables.TableFixtures.hashTable;
import static dev.regionless.region.tables.TableFixtures.item;
import static dev.regionless.region.tables.TableFixtures.n;
import static dev.regionless.region.tables.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.region.tables.DynamoDbTarget.Feature;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Transactions, Streams and Time to Live. dynalite serves none of them, so these run against Regionless only (each
 * test is skipped on dynalite, saying which feature it lacks) and assert AWS's documented behaviour.
 */
class NewerFeaturesIT {

    @ConformanceTest
    void transactWriteItemsWritesEveryItemOrNone(DynamoDbTarget target) {
        target.assumeSupports(Feature.TRANSACTIONS);
        var client = target.client();
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("taken"))));

        client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder()
                        .put(p -> p.tableName(table).item(item("pk", s("a"))))
                        .build(),
                TransactWriteItem.builder()
                        .put(p -> p.tableName(table).item(item("pk", s("b"))))
                        .build()));
        var error = assertFails(
                () -> client.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder()
                                .put(p -> p.tableName(table).item(item("pk", s("c"))))
                                .build(),
                        TransactWriteItem.builder()
                                .put(p -> p.tableName(table)
                                        .item(item("pk", s("taken"), "v", n("1")))
                                        .conditionExpression("attribute_not_exists(pk)"))
                                .build())),
                TransactionCanceledException.class,
                "Transaction cancelled, please refer cancellation reasons for specific reasons"
                        + " [None, ConditionalCheckFailed]");

        assertThat(error.cancellationReasons().stream().map(CancellationReason::code))
                .containsExactly("None", "ConditionalCheckFailed");
        assertThat(client.scan(b -> b.tableName(table)).items().stream()
                        .map(i -> i.get("pk").s()))
                .containsExactlyInAnyOrder("a", "b", "taken");
    }

    @ConformanceTest
    void aTransactionConsumesTwiceTheCapacityOfItsWrites(DynamoDbTarget target) {
        target.assumeSupports(Feature.TRANSACTIONS);
        var client = target.client();
        var table = hashTable(client);

        var response = client.transactWriteItems(b -> b.returnConsumedCapacity("TOTAL")
                .transactItems(
                        TransactWriteItem.builder()
                                .put(p -> p.tableName(table).item(item("pk", s("a"))))
                                .build(),
                        TransactWriteItem.builder()
                                .put(p -> p.tableName(table).item(item("pk", s("b"))))
                                .build()));

        assertThat(response.consumedCapacity()).hasSize(1);
        assertThat(response.consumedCapacity().get(0).tableName()).isEqualTo(table);
        assertThat(response.consumedCapacity().get(0).capacityUnits()).isEqualTo(4.0);
    }

    @ConformanceTest
    void transactGetItemsReadsSeveralItemsTogether(DynamoDbTarget target) {
        target.assumeSupports(Feature.TRANSACTIONS);
        var client = target.client();
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("a"), "v", n("1"))));

        var response = client.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder()
                        .get(g -> g.tableName(table).key(item("pk", s("a"))))
                        .build(),
                TransactGetItem.builder()
                        .get(g -> g.tableName(table).key(item("pk", s("missing"))))
                        .build()));

        assertThat(response.responses().get(0).item()).isEqualTo(item("pk", s("a"), "v", n("1")));
        assertThat(response.responses().get(1).hasItem()).isFalse();
    }

    @ConformanceTest
    void aStreamRecordsEachChangeWithItsImages(DynamoDbTarget target) {
        target.assumeSupports(Feature.STREAMS);
        var client = target.client();
        var streams = target.streams();
        var table = TableFixtures.create(
                client,
                TableFixtures.uniqueName("stream"),
                b -> b.keySchema(hash("pk"))
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S))
                        .streamSpecification(
                                s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        client.putItem(b -> b.tableName(table).item(item("pk", s("a"), "v", n("1"))));
        client.putItem(b -> b.tableName(table).item(item("pk", s("a"), "v", n("2"))));
        client.deleteItem(b -> b.tableName(table).key(item("pk", s("a"))));
        var streamArn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();

        var shard = streams.describeStream(b -> b.streamArn(streamArn))
                .streamDescription()
                .shards()
                .getFirst();
        var iterator = streams.getShardIterator(b -> b.streamArn(streamArn)
                        .shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        var records = streams.getRecords(b -> b.shardIterator(iterator)).records();

        assertThat(records.stream().map(r -> r.eventName()))
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        var modify = records.get(1).dynamodb();
        assertThat(modify.keys()).isEqualTo(Map.of("pk", s("a")));
        assertThat(modify.oldImage().get("v").n()).isEqualTo("1");
        assertThat(modify.newImage().get("v").n()).isEqualTo("2");
    }

    @ConformanceTest
    void updateTimeToLiveEnablesExpiryOnTheNamedAttribute(DynamoDbTarget target) {
        target.assumeSupports(Feature.TIME_TO_LIVE);
        var client = target.client();
        var table = hashTable(client);

        client.updateTimeToLive(b ->
                b.tableName(table).timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        var description = client.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();

        assertThat(description.timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLING, TimeToLiveStatus.ENABLED);
        assertThat(description.attributeName()).isEqualTo("expires");
    }
}
