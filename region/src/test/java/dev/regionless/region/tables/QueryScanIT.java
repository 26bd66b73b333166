package dev.regionless.region.tables;

import static dev.regionless.region.tables.TableFixtures.assertInvalid;
import static dev.regionless.region.tables.TableFixtures.hashRangeTable;
import static dev.regionless.region.tables.TableFixtures.item;
import static dev.regionless.region.tables.TableFixtures.n;
import static dev.regionless.region.tables.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query and Scan: key conditions, order, paging, counting, filters, projections and parallel segments. */
class QueryScanIT {

    /** A table keyed by pk (S) and sk (N) holding sk 1..10 under "p", 1..3 under "q", each with even = sk % 2 == 0. */
    private static String tenItems(DynamoDbClient client) {
        var table = hashRangeTable(client);
        for (int i = 1; i <= 10; i++) {
            var sk = i;
            client.putItem(b -> b.tableName(table)
                    .item(item("pk", s("p"), "sk", n(Integer.toString(sk)), "even", TableFixtures.bool(sk % 2 == 0))));
        }
        for (int i = 1; i <= 3; i++) {
            var sk = i;
            client.putItem(b -> b.tableName(table).item(item("pk", s("q"), "sk", n(Integer.toString(sk)))));
        }
        return table;
    }

    private static List<String> sortKeys(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> i.get("sk").n()).toList();
    }

    @ConformanceTest
    void queryReturnsThePartitionInSortKeyOrder(DynamoDbTarget target) {
        var client = target.client();
        var table = tenItems(client);

        var response = client.query(b ->
                b.tableName(table).keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("q"))));

        assertThat(sortKeys(response.items())).containsExactly("1", "2", "3");
        assertThat(response.count()).isEqualTo(3);
        assertThat(response.scannedCount()).isEqualTo(3);
        assertThat(response.hasLastEvaluatedKey()).isFalse();
    }

    @ConformanceTest
    void queryWithScanIndexForwardFalseReturnsDescendingOrder(DynamoDbTarget target) {
        var client = target.client();
        var table = tenItems(client);

        var response = client.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :p AND sk BETWEEN :lo AND :hi")
                .expressionAttributeValues(Map.of(":p", s("p"), ":lo", n("3"), ":hi", n("6")))
                .scanIndexForward(false));

        assertThat(sortKeys(response.items())).containsExactly("6", "5", "4", "3");
    }

    @ConformanceTest
    void queryKeyConditionsCompareTheSortKey(DynamoDbTarget target) {
        var client = target.client();
        var table = tenItems(client);

        var below = client.query(b -> b.tableName(table)
                .keyConditionExpression("#p = :p AND #s < :three")
                .expressionAttributeNames(Map.of("#p", "pk", "#s", "sk"))
                .expressionAttributeValues(Map.of(":p", s("p"), ":three", n("3"))));
        var from = client.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :p AND sk >= :nine")
                .expressionAttributeValues(Map.of(":p", s("p"), ":nine", n("9"))));

        assertThat(sortKeys(below.items())).containsExactly("1", "2");
        assertThat(sortKeys(from.items())).containsExactly("9", "10");
    }

    @ConformanceTest
    void queryWithBeginsWithMatchesAStringSortKeyPrefix(DynamoDbTarget target) {
        var client = target.client();
        var table = TableFixtures.create(
                client,
                TableFixtures.uniqueName("prefix"),
                b -> b.keySchema(TableFixtures.hash("pk"), TableFixtures.range("sk"))
                        .attributeDefinitions(
                                TableFixtures.attribute("pk", ScalarAttributeType.S),
                                TableFixtures.attribute("sk", ScalarAttributeType.S)));
        for (var sk : List.of("order#2", "invoice#1", "order#1", "order", "orders")) {
            client.putItem(b -> b.tableName(table).item(item("pk", s("c"), "sk", s(sk))));
        }

        var response = client.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :c AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":c", s("c"), ":prefix", s("order#"))));

        assertThat(response.items().stream().map(i -> i.get("sk").s())).containsExactly("order#1", "order#2");
    }

    @ConformanceTest
    void queryPagesWithLimitAndLastEvaluatedKey(DynamoDbTarget target) {
        var client = target.client();
        var table = tenItems(client);
        var seen = new ArrayList<String>();
        var pages = 0;
        Map<String, AttributeValue> start = null;

        do {
            var from = start;
            var page = client.query(b -> b.tableName(table)
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("p")))
                    .limit(4)
                    .exclusiveStartKey(from));
            seen.addAll(sortKeys(page.items()));
            pages++;
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            if (start != null) {
                assertThat(start).isEqualTo(item("pk", s("p"), "sk", n(seen.getLast())));
            }
        } while (start != null);

        assertThat(seen).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(pages).isEqualTo(3);
    }

    @ConformanceTest
    void queryWithSelectCountAnswersTheCountWithoutItems(DynamoDbTarget target) {
        var client = target.client();
        var table = tenItems(client);

        var response = client.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p")))
                .select(Select.COUNT));

        assertThat(response.count()).isEqualTo(10);
        assertThat(response.hasItems()).isFalse();
    }

    @ConformanceTest
    void queryFilterExpressionFiltersAfterTheLimitIsApplied(DynamoDbTarget target) {
        var client = target.client();
        var table = tenItems(client);

        var response = client.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :p")
                .filterExpression("even = :yes")
                .expressionAttributeValues(Map.of(":p", s("p"), ":yes", TableFixtures.bool(true)))
                .limit(5));

        assertThat(sortKeys(response.items())).containsExactly("2", "4");
        assertThat(response.count()).isEqualTo(2);
        assertThat(response.scannedCount()).isEqualTo(5);
        assertThat(response.lastEvaluatedKey()).isEqualTo(item("pk", s("p"), "sk", n("5")));
    }

    @ConformanceTest
    void queryProjectionExpressionReturnsOnlyTheNamedAttributes(DynamoDbTarget target) {
        var client = target.client();
        var table = tenItems(client);

        var response = client.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :p AND sk = :one")
                .expressionAttributeValues(Map.of(":p", s("p"), ":one", n("1")))
                .projectionExpression("even"));

        assertThat(response.items()).containsExactly(item("even", TableFixtures.bool(false)));
    }

    @ConformanceTest
    void queryWithoutThePartitionKeyFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = tenItems(client);

        assertInvalid(
                () -> client.query(b -> b.tableName(table)
                        .keyConditionExpression("sk = :one")
                        .expressionAttributeValues(Map.of(":one", n("1")))),
                "Query condition missed key schema element: pk");
    }

    @ConformanceTest
    void queryWithOrInTheKeyConditionFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = tenItems(client);

        assertInvalid(
                () -> client.query(b -> b.tableName(table)
                        .keyConditionExpression("pk = :p OR sk = :one")
                        .expressionAttributeValues(Map.of(":p", s("p"), ":one", n("1")))),
                "Invalid operator used in KeyConditionExpression: OR");
    }

    @ConformanceTest
    void queryWithAKeyOfTheWrongTypeFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = tenItems(client);

        assertInvalid(
                () -> client.query(b -> b.tableName(table)
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", n("1")))),
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
    }

    @ConformanceTest
    void scanPagesThroughEveryItemOnce(DynamoDbTarget target) {
        var client = target.client();
        var table = tenItems(client);
        var seen = new ArrayList<Map<String, AttributeValue>>();
        Map<String, AttributeValue> start = null;

        do {
            var from = start;
            var page = client.scan(b -> b.tableName(table).limit(5).exclusiveStartKey(from));
            assertThat(page.count()).isLessThanOrEqualTo(5);
            seen.addAll(page.items());
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);

        assertThat(seen).hasSize(13).doesNotHaveDuplicates();
    }

    @ConformanceTest
    void parallelScanSegmentsPartitionTheTable(DynamoDbTarget target) {
        var client = target.client();
        var table = tenItems(client);
        var seen = new ArrayList<Map<String, AttributeValue>>();

        for (int segment = 0; segment < 3; segment++) {
            var current = segment;
            seen.addAll(client.scan(b -> b.tableName(table).segment(current).totalSegments(3))
                    .items());
        }

        assertThat(seen).hasSize(13).doesNotHaveDuplicates();
    }

    @ConformanceTest
    void scanWithAFilterCountsScannedAndMatchedItems(DynamoDbTarget target) {
        var client = target.client();
        var table = tenItems(client);

        var response = client.scan(b -> b.tableName(table)
                .filterExpression("attribute_not_exists(even) OR sk > :eight")
                .expressionAttributeValues(Map.of(":eight", n("8")))
                .select(Select.COUNT));

        assertThat(response.count()).isEqualTo(5);
        assertThat(response.scannedCount()).isEqualTo(13);
    }

    @ConformanceTest
    void scanWithASegmentButNoTotalSegmentsFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = tenItems(client);

        assertInvalid(
                () -> client.scan(b -> b.tableName(table).segment(1)),
                "The TotalSegments parameter is required but was not present in the request when Segment parameter"
                        + " is present");
    }

    @ConformanceTest
    void scanWithSegmentZeroButNoTotalSegmentsFailsValidation(DynamoDbTarget target) {
        target.assumeMatchesAws(ReferenceDifference.SEGMENT_ZERO_WITHOUT_TOTAL_SEGMENTS);
        var client = target.client();
        var table = tenItems(client);

        assertInvalid(
                () -> client.scan(b -> b.tableName(table).segment(0)),
                "The TotalSegments parameter is required but was not present in the request when Segment parameter"
                        + " is present");
    }

    @ConformanceTest
    void scanWithTotalSegmentsButNoSegmentFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = tenItems(client);

        assertInvalid(
                () -> client.scan(b -> b.tableName(table).totalSegments(2)),
                "The Segment parameter is required but was not present in the request when parameter TotalSegments"
                        + " is present");
    }

    @ConformanceTest
    void scanWithASegmentNotBelowTotalSegmentsFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = tenItems(client);

        assertInvalid(
                () -> client.scan(b -> b.tableName(table).segment(2).totalSegments(2)),
                "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 2 is"
                        + " not less than TotalSegments: 2");
    }

    @ConformanceTest
    void scanWithAFilterOnAnUndefinedNameFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = tenItems(client);

        assertInvalid(
                () -> client.scan(b -> b.tableName(table)
                        .filterExpression("#missing = :v")
                        .expressionAttributeValues(Map.of(":v", n("1")))),
                "Invalid FilterExpression: An expression attribute name used in the document path is not defined;"
                        + " attribute name: #missing");
    }
}
