package dev.regionless.region.tables;

import static dev.regionless.region.tables.TableFixtures.assertFails;
import static dev.regionless.region.tables.TableFixtures.assertInvalid;
import static dev.regionless.region.tables.TableFixtures.attribute;
import static dev.regionless.region.tables.TableFixtures.hash;
import static dev.regionless.region.tables.TableFixtures.hashTable;
import static dev.regionless.region.tables.TableFixtures.item;
import static dev.regionless.region.tables.TableFixtures.n;
import static dev.regionless.region.tables.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.region.tables.DynamoDbTarget.Feature;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * BatchExecuteStatement and ExecuteTransaction, and what a statement leaves in a table's stream. dynalite has no
 * PartiQL, so these run against Regionless only and assert DynamoDB's documented behaviour.
 */
class PartiqlBatchIT {

    private static DynamoDbClient client(DynamoDbTarget target) {
        target.assumeSupports(Feature.PARTIQL);
        return target.client();
    }

    private static BatchStatementRequest batch(String statement, AttributeValue... parameters) {
        var builder = BatchStatementRequest.builder().statement(statement);
        if (parameters.length > 0) {
            builder.parameters(parameters);
        }
        return builder.build();
    }

    private static ParameterizedStatement statement(String statement, AttributeValue... parameters) {
        var builder = ParameterizedStatement.builder().statement(statement);
        if (parameters.length > 0) {
            builder.parameters(parameters);
        }
        return builder.build();
    }

    private static Map<String, AttributeValue> get(DynamoDbClient client, String table, String pk) {
        return client.getItem(b -> b.tableName(table).key(item("pk", s(pk))).consistentRead(true))
                .item();
    }

    @ConformanceTest
    void aBatchRunsEveryWriteAndReportsTheOneThatFailedInItsEntry(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("taken"))));
        var quoted = "\"" + table + "\"";

        var responses = client.batchExecuteStatement(b -> b.statements(
                        batch("INSERT INTO " + quoted + " VALUE {'pk': 'a'}"),
                        batch("INSERT INTO " + quoted + " VALUE {'pk': ?}", s("taken")),
                        batch("UPDATE " + quoted + " SET v = 1 WHERE pk = 'taken'")))
                .responses();

        assertThat(responses)
                .extracting(BatchStatementResponse::error)
                .element(0)
                .isNull();
        assertThat(responses.get(1).error().code()).isEqualTo(BatchStatementErrorCodeEnum.DUPLICATE_ITEM);
        assertThat(responses.get(1).error().message()).isEqualTo("Duplicate primary key exists in table");
        assertThat(responses.get(2).error()).isNull();
        assertThat(get(client, table, "a")).isEqualTo(item("pk", s("a")));
        assertThat(get(client, table, "taken")).isEqualTo(item("pk", s("taken"), "v", n("1")));
    }

    @ConformanceTest
    void aBatchEntrysFailedConditionCanReturnTheItem(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "v", n("1"))));

        var responses = client.batchExecuteStatement(b -> b.statements(BatchStatementRequest.builder()
                        .statement("UPDATE \"" + table + "\" SET v = 2 WHERE pk = 'k' AND v = 5")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build()))
                .responses();

        assertThat(responses.getFirst().error().code()).isEqualTo(BatchStatementErrorCodeEnum.CONDITIONAL_CHECK_FAILED);
        assertThat(responses.getFirst().error().item()).isEqualTo(item("pk", s("k"), "v", n("1")));
    }

    @ConformanceTest
    void aTransactionOfReadsAndWritesIsRefused(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);
        var quoted = "\"" + table + "\"";

        assertInvalid(
                () -> client.executeTransaction(b -> b.transactStatements(
                        statement("SELECT * FROM " + quoted + " WHERE pk = 'a'"),
                        statement("INSERT INTO " + quoted + " VALUE {'pk': 'b'}"))),
                "ExecuteTransaction API does not support both read and write operations in the same request.");
    }

    @ConformanceTest
    void aBatchOfReadsAnswersEachItemByItsKey(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("a"), "v", n("1"))));
        var quoted = "\"" + table + "\"";

        var responses = client.batchExecuteStatement(b -> b.statements(
                        batch("SELECT * FROM " + quoted + " WHERE pk = ?", s("a")),
                        batch("SELECT * FROM " + quoted + " WHERE pk = 'missing'"),
                        batch("SELECT * FROM " + quoted + " WHERE v = 1")))
                .responses();

        assertThat(responses.get(0).item()).isEqualTo(item("pk", s("a"), "v", n("1")));
        assertThat(responses.get(0).tableName()).isEqualTo(table);
        assertThat(responses.get(1).hasItem()).isFalse();
        assertThat(responses.get(1).error()).isNull();
        assertThat(responses.get(2).error().code()).isEqualTo(BatchStatementErrorCodeEnum.VALIDATION_ERROR);
    }

    @ConformanceTest
    void aBatchOfReadsAndWritesIsRefused(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);
        var quoted = "\"" + table + "\"";

        assertInvalid(
                () -> client.batchExecuteStatement(b -> b.statements(
                        batch("SELECT * FROM " + quoted + " WHERE pk = 'a'"),
                        batch("INSERT INTO " + quoted + " VALUE {'pk': 'b'}"))),
                "BatchExecuteStatement API does not support both read and write operations in the same request.");
    }

    @ConformanceTest
    void aTransactionWritesEveryStatementOrNone(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("taken"))));
        var quoted = "\"" + table + "\"";

        var error = assertFails(
                () -> client.executeTransaction(b -> b.transactStatements(
                        statement("INSERT INTO " + quoted + " VALUE {'pk': 'new'}"),
                        statement("INSERT INTO " + quoted + " VALUE {'pk': 'taken'}"),
                        statement("UPDATE " + quoted + " SET v = 1 WHERE pk = 'missing'"))),
                TransactionCanceledException.class,
                "Transaction cancelled, please refer cancellation reasons for specific reasons"
                        + " [None, DuplicateItem, ConditionalCheckFailed]");

        assertThat(error.cancellationReasons())
                .extracting(CancellationReason::code)
                .containsExactly("None", "DuplicateItem", "ConditionalCheckFailed");
        assertThat(get(client, table, "new")).isEmpty();
    }

    @ConformanceTest
    void aTransactionRepeatedWithItsTokenRunsOnce(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "v", n("0"))));
        var update = statement("UPDATE \"" + table + "\" SET v = v + 1 WHERE pk = ?", s("k"));

        client.executeTransaction(b -> b.transactStatements(update).clientRequestToken("token-1"));
        client.executeTransaction(b -> b.transactStatements(update).clientRequestToken("token-1"));

        assertThat(get(client, table, "k")).containsEntry("v", n("1"));
        assertFails(
                () -> client.executeTransaction(
                        b -> b.transactStatements(statement("UPDATE \"" + table + "\" SET v = 5 WHERE pk = 'k'"))
                                .clientRequestToken("token-1")),
                IdempotentParameterMismatchException.class,
                null);
    }

    @ConformanceTest
    void anExistsConditionCancelsTheTransactionWhenItIsFalse(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("stock"), "count", n("0"))));
        var quoted = "\"" + table + "\"";

        var error = assertFails(
                () -> client.executeTransaction(b -> b.transactStatements(
                        statement("EXISTS(SELECT * FROM " + quoted + " WHERE pk = 'stock' AND \"count\" > 0)"),
                        statement("INSERT INTO " + quoted + " VALUE {'pk': 'order'}"))),
                TransactionCanceledException.class,
                null);

        assertThat(error.cancellationReasons())
                .extracting(CancellationReason::code)
                .containsExactly("ConditionalCheckFailed", "None");
        assertThat(get(client, table, "order")).isEmpty();
    }

    @ConformanceTest
    void aTransactionOfReadsAnswersEachItem(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("a"), "v", n("1"))));
        var quoted = "\"" + table + "\"";

        var responses = client.executeTransaction(b -> b.transactStatements(
                        statement("SELECT v FROM " + quoted + " WHERE pk = 'a'"),
                        statement("SELECT * FROM " + quoted + " WHERE pk = 'missing'")))
                .responses();

        assertThat(responses.get(0).item()).isEqualTo(item("v", n("1")));
        assertThat(responses.get(1).hasItem()).isFalse();
    }

    @ConformanceTest
    void anInsertLeavesAnInsertRecordInTheTablesStream(DynamoDbTarget target) {
        var client = client(target);
        var streams = target.streams();
        var table = TableFixtures.create(
                client,
                TableFixtures.uniqueName("partiql-stream"),
                b -> b.keySchema(hash("pk"))
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S))
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));

        client.executeStatement(b -> b.statement("INSERT INTO \"" + table + "\" VALUE {'pk': 'a', 'v': 1}"));

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
        assertThat(records).extracting(r -> r.eventName()).containsExactly(OperationType.INSERT);
        assertThat(records.getFirst().dynamodb().newImage()).isEqualTo(item("pk", s("a"), "v", n("1")));
    }
}
