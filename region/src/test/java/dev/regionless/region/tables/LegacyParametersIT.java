package dev.regionless.region.tables;

import static dev.regionless.region.tables.TableFixtures.assertFails;
import static dev.regionless.region.tables.TableFixtures.assertInvalid;
import static dev.regionless.region.tables.TableFixtures.hashRangeTable;
import static dev.regionless.region.tables.TableFixtures.hashTable;
import static dev.regionless.region.tables.TableFixtures.item;
import static dev.regionless.region.tables.TableFixtures.n;
import static dev.regionless.region.tables.TableFixtures.s;
import static dev.regionless.region.tables.TableFixtures.ss;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/** The parameters from before expressions — Expected, AttributeUpdates, KeyConditions, ScanFilter, AttributesToGet. */
class LegacyParametersIT {

    @ConformanceTest
    void expectedWithExistsFalseRefusesToOverwrite(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "v", n("1"))));

        assertFails(
                () -> client.putItem(b -> b.tableName(table)
                        .item(item("pk", s("k"), "v", n("2")))
                        .expected(Map.of(
                                "pk",
                                ExpectedAttributeValue.builder().exists(false).build()))),
                ConditionalCheckFailedException.class,
                "The conditional request failed");
    }

    @ConformanceTest
    void expectedWithAComparisonOperatorGuardsTheWrite(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "v", n("1"))));

        client.deleteItem(b -> b.tableName(table)
                .key(item("pk", s("k")))
                .expected(Map.of(
                        "v",
                        ExpectedAttributeValue.builder()
                                .comparisonOperator(ComparisonOperator.LT)
                                .attributeValueList(n("5"))
                                .build())));

        assertThat(client.getItem(b -> b.tableName(table).key(item("pk", s("k"))))
                        .hasItem())
                .isFalse();
    }

    @ConformanceTest
    void attributeUpdatesPutAddAndDelete(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        client.putItem(
                b -> b.tableName(table).item(item("pk", s("k"), "n", n("1"), "tags", ss("a", "b"), "gone", s("x"))));

        client.updateItem(b -> b.tableName(table)
                .key(item("pk", s("k")))
                .attributeUpdates(Map.of(
                        "name",
                                AttributeValueUpdate.builder()
                                        .action(AttributeAction.PUT)
                                        .value(s("new"))
                                        .build(),
                        "n",
                                AttributeValueUpdate.builder()
                                        .action(AttributeAction.ADD)
                                        .value(n("2"))
                                        .build(),
                        "tags",
                                AttributeValueUpdate.builder()
                                        .action(AttributeAction.DELETE)
                                        .value(ss("a"))
                                        .build(),
                        "gone",
                                AttributeValueUpdate.builder()
                                        .action(AttributeAction.DELETE)
                                        .build())));

        assertThat(client.getItem(b -> b.tableName(table).key(item("pk", s("k"))))
                        .item())
                .isEqualTo(item("pk", s("k"), "n", n("3"), "tags", ss("b"), "name", s("new")));
    }

    @ConformanceTest
    void keyConditionsSelectAQueryRange(DynamoDbTarget target) {
        var client = target.client();
        var table = hashRangeTable(client);
        for (var sk : new String[] {"1", "2", "3"}) {
            client.putItem(b -> b.tableName(table).item(item("pk", s("p"), "sk", n(sk))));
        }

        var response = client.query(b -> b.tableName(table)
                .keyConditions(Map.of(
                        "pk",
                                Condition.builder()
                                        .comparisonOperator(ComparisonOperator.EQ)
                                        .attributeValueList(s("p"))
                                        .build(),
                        "sk",
                                Condition.builder()
                                        .comparisonOperator(ComparisonOperator.GT)
                                        .attributeValueList(n("1"))
                                        .build())));

        assertThat(response.items())
                .containsExactly(item("pk", s("p"), "sk", n("2")), item("pk", s("p"), "sk", n("3")));
    }

    @ConformanceTest
    void scanFilterAndAttributesToGetFilterAndProject(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("a"), "v", n("1"), "w", s("x"))));
        client.putItem(b -> b.tableName(table).item(item("pk", s("b"), "v", n("2"), "w", s("y"))));

        var response = client.scan(b -> b.tableName(table)
                .scanFilter(Map.of(
                        "v",
                        Condition.builder()
                                .comparisonOperator(ComparisonOperator.GE)
                                .attributeValueList(n("2"))
                                .build()))
                .attributesToGet("w"));

        assertThat(response.items()).containsExactly(item("w", s("y")));
        assertThat(response.scannedCount()).isEqualTo(2);
    }

    @ConformanceTest
    void getItemWithAttributesToGetReturnsOnlyThoseAttributes(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("a"), "v", n("1"), "w", s("x"))));

        var item = client.getItem(
                        b -> b.tableName(table).key(item("pk", s("a"))).attributesToGet("v", "missing"))
                .item();

        assertThat(item).isEqualTo(item("v", n("1")));
    }

    @ConformanceTest
    void mixingLegacyAndExpressionParametersFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        assertInvalid(
                () -> client.putItem(b -> b.tableName(table)
                        .item(item("pk", s("k")))
                        .conditionExpression("attribute_not_exists(pk)")
                        .expected(Map.of(
                                "pk",
                                ExpectedAttributeValue.builder().exists(false).build()))),
                "Can not use both expression and non-expression parameters in the same request: Non-expression"
                        + " parameters: {Expected} Expression parameters: {ConditionExpression}");
    }

    @ConformanceTest
    void aComparisonWithTheWrongNumberOfValuesFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        assertInvalid(
                () -> client.scan(b -> b.tableName(table)
                        .scanFilter(Map.of(
                                "v",
                                Condition.builder()
                                        .comparisonOperator(ComparisonOperator.BETWEEN)
                                        .attributeValueList(n("1"))
                                        .build()))),
                "One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN"
                        + " ComparisonOperator");
    }
}
