package dev.regionless.region.tables;

import static dev.regionless.region.tables.TableFixtures.assertFails;
import static dev.regionless.region.tables.TableFixtures.assertInvalid;
import static dev.regionless.region.tables.TableFixtures.attribute;
import static dev.regionless.region.tables.TableFixtures.bool;
import static dev.regionless.region.tables.TableFixtures.hash;
import static dev.regionless.region.tables.TableFixtures.hashRangeTable;
import static dev.regionless.region.tables.TableFixtures.hashTable;
import static dev.regionless.region.tables.TableFixtures.item;
import static dev.regionless.region.tables.TableFixtures.l;
import static dev.regionless.region.tables.TableFixtures.m;
import static dev.regionless.region.tables.TableFixtures.n;
import static dev.regionless.region.tables.TableFixtures.nul;
import static dev.regionless.region.tables.TableFixtures.s;
import static dev.regionless.region.tables.TableFixtures.ss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.region.tables.DynamoDbTarget.Feature;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * ExecuteStatement: PartiQL SELECT, INSERT, UPDATE and DELETE through the AWS SDK. dynalite has no PartiQL, so these
 * run against Regionless only and assert DynamoDB's documented behaviour.
 */
class PartiqlIT {

    private static ExecuteStatementResponse execute(
            DynamoDbClient client, String statement, AttributeValue... parameters) {
        return client.executeStatement(b -> {
            b.statement(statement);
            if (parameters.length > 0) {
                b.parameters(parameters);
            }
        });
    }

    private static DynamoDbClient client(DynamoDbTarget target) {
        target.assumeSupports(Feature.PARTIQL);
        return target.client();
    }

    @ConformanceTest
    void insertWritesAnItemThatSelectByKeyReads(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);

        execute(
                client,
                "INSERT INTO \"" + table + "\" VALUE {'pk': ?, 'n': 1.50, 'yes': true, 'no': null, "
                        + "'l': [1, 'a'], 'm': {'x': 'y'}, 'ss': <<'a', 'b'>>}",
                s("k"));
        var items = execute(client, "SELECT * FROM \"" + table + "\" WHERE pk = ?", s("k"))
                .items();

        assertThat(items)
                .containsExactly(item(
                        "pk", s("k"),
                        "n", n("1.5"),
                        "yes", bool(true),
                        "no", nul(),
                        "l", l(n("1"), s("a")),
                        "m", m(item("x", s("y"))),
                        "ss", ss("a", "b")));
    }

    @ConformanceTest
    void insertOfAKeyThatExistsFailsWithDuplicateItem(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);
        execute(client, "INSERT INTO \"" + table + "\" VALUE {'pk': 'k', 'v': 1}");

        assertFails(
                () -> execute(client, "INSERT INTO \"" + table + "\" VALUE {'pk': 'k', 'v': 2}"),
                DuplicateItemException.class,
                "Duplicate primary key exists in table");
        assertThat(client.getItem(b -> b.tableName(table).key(item("pk", s("k"))))
                        .item())
                .containsEntry("v", n("1"));
    }

    @ConformanceTest
    void selectWithoutTheKeyScansTheTableThroughTheFilter(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);
        for (int i = 0; i < 6; i++) {
            int index = i;
            client.putItem(b -> b.tableName(table).item(item("pk", s("k" + index), "v", n(String.valueOf(index)))));
        }

        var items = execute(client, "SELECT pk FROM \"" + table + "\" WHERE v >= ? AND v < 4", n("2"))
                .items();

        assertThat(items).containsExactlyInAnyOrder(item("pk", s("k2")), item("pk", s("k3")));
    }

    @ConformanceTest
    void limitPagesTheResultAndNextTokenReadsTheRest(DynamoDbTarget target) {
        var client = client(target);
        var table = hashRangeTable(client);
        for (int i = 0; i < 7; i++) {
            int index = i;
            client.putItem(b -> b.tableName(table).item(item("pk", s("p"), "sk", n(String.valueOf(index)))));
        }
        var statement = "SELECT sk FROM \"" + table + "\" WHERE pk = 'p' AND sk > ?";

        var seen = new ArrayList<String>();
        String token = null;
        int pages = 0;
        do {
            var next = token;
            var page = client.executeStatement(
                    b -> b.statement(statement).parameters(n("0")).limit(3).nextToken(next));
            page.items().forEach(found -> seen.add(found.get("sk").n()));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(seen).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(pages).isEqualTo(3);
    }

    @ConformanceTest
    void limitPagesAcrossThePartitionsOfAnIn(DynamoDbTarget target) {
        var client = client(target);
        var table = hashRangeTable(client);
        for (var pk : List.of("a", "b")) {
            for (int i = 1; i <= 2; i++) {
                int index = i;
                client.putItem(b -> b.tableName(table).item(item("pk", s(pk), "sk", n(String.valueOf(index)))));
            }
        }
        var statement = "SELECT * FROM \"" + table + "\" WHERE pk IN ['a', 'b']";

        var seen = new ArrayList<String>();
        String token = null;
        do {
            var next = token;
            var page =
                    client.executeStatement(b -> b.statement(statement).limit(1).nextToken(next));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(1);
            page.items()
                    .forEach(found ->
                            seen.add(found.get("pk").s() + found.get("sk").n()));
            token = page.nextToken();
        } while (token != null);

        assertThat(seen).containsExactly("a1", "a2", "b1", "b2");
    }

    @ConformanceTest
    void returnConsumedCapacityReportsTheUnitsOfTheReads(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("k"))));

        var consumed = client.executeStatement(b -> b.statement("SELECT * FROM \"" + table + "\" WHERE pk = 'k'")
                        .consistentRead(true)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity();

        assertThat(consumed.tableName()).isEqualTo(table);
        assertThat(consumed.capacityUnits()).isEqualTo(1.0);
    }

    @ConformanceTest
    void aSelectOfAFullKeyHasNoNextPage(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("k"))));

        var page = client.executeStatement(b ->
                b.statement("SELECT * FROM \"" + table + "\" WHERE pk = 'k'").limit(1));

        assertThat(page.items()).containsExactly(item("pk", s("k")));
        assertThat(page.nextToken()).isNull();
    }

    @ConformanceTest
    void aNextTokenOfAnotherStatementIsRefused(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);
        for (int i = 0; i < 3; i++) {
            int index = i;
            client.putItem(b -> b.tableName(table).item(item("pk", s("k" + index))));
        }
        var token = client.executeStatement(
                        b -> b.statement("SELECT * FROM \"" + table + "\"").limit(1))
                .nextToken();

        assertInvalid(
                () -> client.executeStatement(
                        b -> b.statement("SELECT pk FROM \"" + table + "\"").nextToken(token)),
                "NextToken does not match request");
    }

    @ConformanceTest
    void inOnThePartitionKeyReadsEachPartitionInTheOrderByOrder(DynamoDbTarget target) {
        var client = client(target);
        var table = hashRangeTable(client);
        for (var pk : List.of("a", "b", "c")) {
            for (int i = 1; i <= 2; i++) {
                int index = i;
                client.putItem(b -> b.tableName(table).item(item("pk", s(pk), "sk", n(String.valueOf(index)))));
            }
        }

        var items = execute(client, "SELECT * FROM \"" + table + "\" WHERE pk IN ['c', 'a'] ORDER BY pk, sk DESC")
                .items();

        assertThat(items)
                .containsExactly(
                        item("pk", s("a"), "sk", n("2")),
                        item("pk", s("a"), "sk", n("1")),
                        item("pk", s("c"), "sk", n("2")),
                        item("pk", s("c"), "sk", n("1")));
    }

    @ConformanceTest
    void aProjectedNestedPathIsNamedByItsLastMember(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table)
                .item(item("pk", s("k"), "info", m(item("tags", l(s("x"), s("y")), "rank", n("3"))))));

        var items = execute(client, "SELECT info.rank, info.tags[1] FROM \"" + table + "\" WHERE pk = 'k'")
                .items();

        assertThat(items).containsExactly(item("rank", n("3"), "tags", s("y")));
    }

    @ConformanceTest
    void selectFromTableDotIndexQueriesTheIndex(DynamoDbTarget target) {
        var client = client(target);
        var table = TableFixtures.create(
                client,
                TableFixtures.uniqueName("partiql-index"),
                b -> b.keySchema(hash("pk"))
                        .attributeDefinitions(
                                attribute("pk", ScalarAttributeType.S), attribute("genre", ScalarAttributeType.S))
                        .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                                .indexName("ByGenre")
                                .keySchema(hash("genre"))
                                .projection(p -> p.projectionType(ProjectionType.ALL))
                                .build()));
        client.putItem(b -> b.tableName(table).item(item("pk", s("a"), "genre", s("jazz"))));
        client.putItem(b -> b.tableName(table).item(item("pk", s("b"), "genre", s("rock"))));

        var items = execute(client, "SELECT pk FROM \"" + table + "\".\"ByGenre\" WHERE genre = 'jazz'")
                .items();

        assertThat(items).containsExactly(item("pk", s("a")));
    }

    @ConformanceTest
    void updateSetsAndRemovesAttributesAndReturnsTheNewItem(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "count", n("1"), "old", s("x"))));

        var items = execute(
                        client,
                        "UPDATE \"" + table + "\" SET \"count\" = \"count\" + 1, tags = ? REMOVE old "
                                + "WHERE pk = 'k' RETURNING ALL NEW *",
                        ss("a"))
                .items();

        assertThat(items).containsExactly(item("pk", s("k"), "count", n("2"), "tags", ss("a")));
    }

    @ConformanceTest
    void updateOfAnItemThatDoesNotExistFailsItsConditionAndCreatesNothing(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);

        assertFails(
                () -> execute(client, "UPDATE \"" + table + "\" SET v = 1 WHERE pk = 'missing'"),
                ConditionalCheckFailedException.class,
                "The conditional request failed");
        assertThat(client.scan(b -> b.tableName(table)).items()).isEmpty();
    }

    @ConformanceTest
    void updateWhoseExtraConditionIsFalseFailsAndCanReturnTheItem(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "v", n("5"))));

        var error = assertFails(
                () -> client.executeStatement(
                        b -> b.statement("UPDATE \"" + table + "\" SET v = 6 WHERE pk = 'k' AND v = 4")
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)),
                ConditionalCheckFailedException.class,
                "The conditional request failed");

        assertThat(error.item()).isEqualTo(item("pk", s("k"), "v", n("5")));
    }

    @ConformanceTest
    void deleteReturningAllOldAnswersTheDeletedItem(DynamoDbTarget target) {
        var client = client(target);
        var table = hashRangeTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "sk", n("1"), "v", s("x"))));

        var items = execute(
                        client,
                        "DELETE FROM \"" + table + "\" WHERE pk = ? AND sk = ? RETURNING ALL OLD *",
                        s("k"),
                        n("1"))
                .items();

        assertThat(items).containsExactly(item("pk", s("k"), "sk", n("1"), "v", s("x")));
        assertThat(client.scan(b -> b.tableName(table)).items()).isEmpty();
    }

    @ConformanceTest
    void deleteOfAnItemThatDoesNotExistSucceeds(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);

        var response = execute(client, "DELETE FROM \"" + table + "\" WHERE pk = 'missing'");

        assertThat(response.items()).isEmpty();
    }

    @ConformanceTest
    void updateWithoutTheWholeKeyIsRefused(DynamoDbTarget target) {
        var client = client(target);
        var table = hashRangeTable(client);

        assertInvalid(
                () -> execute(client, "UPDATE \"" + table + "\" SET v = 1 WHERE pk = 'k'"),
                "Where clause does not contain a mandatory equality on all key attributes");
    }

    @ConformanceTest
    void aStatementThatIsNotWellFormedIsAValidationError(DynamoDbTarget target) {
        var client = client(target);

        assertInvalid(
                () -> execute(client, "UPSERT INTO t VALUE {'pk': 'k'}"),
                "Statement wasn't well formed, can't be processed: Expected data manipulation");
    }

    @ConformanceTest
    void aRequestWithoutAStatementIsAValidationError(DynamoDbTarget target) {
        var client = client(target);

        assertInvalid(
                () -> client.executeStatement(b -> b.limit(1)),
                "1 validation error detected: Value null at 'statement' failed to satisfy constraint: Member must not"
                        + " be null");
    }

    @ConformanceTest
    void aStatementOnAnUnknownTableIsResourceNotFound(DynamoDbTarget target) {
        var client = client(target);

        assertFails(
                () -> execute(client, "SELECT * FROM \"no-such-table\""),
                ResourceNotFoundException.class,
                "Requested resource not found");
    }

    @ConformanceTest
    void moreQuestionMarksThanParametersIsAValidationError(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);

        assertInvalid(
                () -> execute(client, "SELECT * FROM \"" + table + "\" WHERE pk = ? AND v = ?", s("k")),
                "Number of parameters in request and statement don't match.");
    }

    @ConformanceTest
    void aParameterOfTheWrongTypeForTheKeyIsRefused(DynamoDbTarget target) {
        var client = client(target);
        var table = hashTable(client);

        var error = assertFails(
                () -> execute(client, "DELETE FROM \"" + table + "\" WHERE pk = ?", n("1")),
                software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class,
                null);

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(error.awsErrorDetails().errorMessage()).contains("key");
    }
}
