package dev.regionless.region.tables;

import static dev.regionless.region.tables.TableFixtures.assertFails;
import static dev.regionless.region.tables.TableFixtures.assertInvalid;
import static dev.regionless.region.tables.TableFixtures.hashTable;
import static dev.regionless.region.tables.TableFixtures.item;
import static dev.regionless.region.tables.TableFixtures.n;
import static dev.regionless.region.tables.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchWriteItem and BatchGetItem across tables, and their limits. */
class BatchIT {

    private static WriteRequest put(String pk, String v) {
        return WriteRequest.builder()
                .putRequest(p -> p.item(item("pk", s(pk), "v", s(v))))
                .build();
    }

    private static WriteRequest delete(String pk) {
        return WriteRequest.builder()
                .deleteRequest(d -> d.key(item("pk", s(pk))))
                .build();
    }

    @ConformanceTest
    void batchWriteItemPutsAndDeletesAcrossTables(DynamoDbTarget target) {
        var client = target.client();
        var one = hashTable(client);
        var two = hashTable(client);
        client.putItem(b -> b.tableName(one).item(item("pk", s("old"))));

        var response = client.batchWriteItem(b -> b.requestItems(Map.of(
                one, List.of(put("a", "1"), put("b", "2"), delete("old")),
                two, List.of(put("c", "3")))));

        assertThat(response.unprocessedItems()).isEmpty();
        assertThat(client.scan(b -> b.tableName(one)).items())
                .containsExactlyInAnyOrder(item("pk", s("a"), "v", s("1")), item("pk", s("b"), "v", s("2")));
        assertThat(client.scan(b -> b.tableName(two)).items()).containsExactly(item("pk", s("c"), "v", s("3")));
    }

    @ConformanceTest
    void batchGetItemReturnsTheItemsFoundAndOmitsTheMissing(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        client.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(put("a", "1"), put("b", "2")))));

        var response = client.batchGetItem(b -> b.requestItems(Map.of(
                table,
                KeysAndAttributes.builder()
                        .keys(List.of(item("pk", s("a")), item("pk", s("b")), item("pk", s("missing"))))
                        .consistentRead(true)
                        .build())));

        assertThat(response.responses().get(table))
                .containsExactlyInAnyOrder(item("pk", s("a"), "v", s("1")), item("pk", s("b"), "v", s("2")));
        assertThat(response.unprocessedKeys()).isEmpty();
    }

    @ConformanceTest
    void batchGetItemAppliesTheProjectionExpression(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("a"), "v", s("1"), "w", n("2"))));

        var response = client.batchGetItem(b -> b.requestItems(Map.of(
                table,
                KeysAndAttributes.builder()
                        .keys(List.of(item("pk", s("a"))))
                        .projectionExpression("w")
                        .build())));

        assertThat(response.responses().get(table)).containsExactly(item("w", n("2")));
    }

    @ConformanceTest
    void batchGetItemWithDuplicateKeysFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        assertInvalid(
                () -> client.batchGetItem(b -> b.requestItems(Map.of(
                        table,
                        KeysAndAttributes.builder()
                                .keys(List.of(item("pk", s("a")), item("pk", s("a"))))
                                .build()))),
                "Provided list of item keys contains duplicates");
    }

    @ConformanceTest
    void batchWriteItemWithTwoRequestsForOneKeyFailsValidationAndWritesNothing(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        assertInvalid(
                () -> client.batchWriteItem(b ->
                        b.requestItems(Map.of(table, List.of(put("a", "1"), put("b", "2"), delete("a"))))),
                "Provided list of item keys contains duplicates");
        assertThat(client.scan(b -> b.tableName(table)).items()).isEmpty();
    }

    @ConformanceTest
    void batchWriteItemOfMoreThan25RequestsFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        var requests = IntStream.range(0, 26).mapToObj(i -> put("k" + i, "v")).toList();

        var error = assertFails(
                () -> client.batchWriteItem(b -> b.requestItems(Map.of(table, requests))),
                software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class,
                null);

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(error.awsErrorDetails().errorMessage())
                .startsWith("1 validation error detected: Value ")
                .endsWith(" at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint:"
                        + " [Member must have length less than or equal to 25, Member must have length greater than"
                        + " or equal to 1]");
        assertThat(client.scan(b -> b.tableName(table)).items()).isEmpty();
    }

    @ConformanceTest
    void batchWriteItemToAMissingTableFailsWithResourceNotFound(DynamoDbTarget target) {
        var client = target.client();

        assertFails(
                () -> client.batchWriteItem(b -> b.requestItems(Map.of("no-such-table", List.of(put("a", "1"))))),
                ResourceNotFoundException.class,
                "Requested resource not found");
    }
}
