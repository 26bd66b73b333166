package dev.regionless.region.tables;

import static dev.regionless.region.tables.TableFixtures.assertFails;
import static dev.regionless.region.tables.TableFixtures.assertInvalid;
import static dev.regionless.region.tables.TableFixtures.hashTable;
import static dev.regionless.region.tables.TableFixtures.item;
import static dev.regionless.region.tables.TableFixtures.l;
import static dev.regionless.region.tables.TableFixtures.m;
import static dev.regionless.region.tables.TableFixtures.n;
import static dev.regionless.region.tables.TableFixtures.ns;
import static dev.regionless.region.tables.TableFixtures.s;
import static dev.regionless.region.tables.TableFixtures.ss;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** UpdateItem: the SET, REMOVE, ADD and DELETE clauses, their functions, return values and errors. */
class UpdateItemIT {

    private static Map<String, AttributeValue> get(DynamoDbClient client, String table) {
        return client.getItem(b -> b.tableName(table).key(item("pk", s("k"))).consistentRead(true))
                .item();
    }

    private static UpdateItemResponse update(
            DynamoDbClient client, String table, String expression, Map<String, AttributeValue> values) {
        return client.updateItem(b -> b.tableName(table)
                .key(item("pk", s("k")))
                .updateExpression(expression)
                .expressionAttributeValues(values.isEmpty() ? null : values));
    }

    private static String tableWith(DynamoDbClient client, Map<String, AttributeValue> item) {
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item));
        return table;
    }

    @ConformanceTest
    void updateOfAMissingItemCreatesIt(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        update(client, table, "SET a = :a", Map.of(":a", s("x")));

        assertThat(get(client, table)).isEqualTo(item("pk", s("k"), "a", s("x")));
    }

    @ConformanceTest
    void setWithArithmeticAndIfNotExistsComputesFromTheCurrentItem(DynamoDbTarget target) {
        var client = target.client();
        var table = tableWith(client, item("pk", s("k"), "count", n("5")));

        client.updateItem(b -> b.tableName(table)
                .key(item("pk", s("k")))
                .updateExpression("SET #c = #c + :one, tally = if_not_exists(tally, :zero) - :one")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", n("1"), ":zero", n("0"))));

        assertThat(get(client, table)).isEqualTo(item("pk", s("k"), "count", n("6"), "tally", n("-1")));
    }

    @ConformanceTest
    void setWithListAppendAddsToEitherEnd(DynamoDbTarget target) {
        var client = target.client();
        var table = tableWith(client, item("pk", s("k"), "xs", l(n("2"))));

        update(
                client,
                table,
                "SET xs = list_append(:front, xs), ys = list_append(if_not_exists(ys, :empty), :back)",
                Map.of(":front", l(n("1")), ":back", l(n("3")), ":empty", l()));

        assertThat(get(client, table)).isEqualTo(item("pk", s("k"), "xs", l(n("1"), n("2")), "ys", l(n("3"))));
    }

    @ConformanceTest
    void setOfNestedPathsWritesInsideMapsAndLists(DynamoDbTarget target) {
        var client = target.client();
        var table = tableWith(client, item("pk", s("k"), "m", m(item("kid", m(item()))), "l", l(s("a"), s("b"))));

        update(
                client,
                table,
                "SET m.kid.deep = :v, l[1] = :w, l[5] = :x",
                Map.of(":v", n("1"), ":w", s("B"), ":x", s("c")));

        assertThat(get(client, table))
                .isEqualTo(item(
                        "pk", s("k"), "m", m(item("kid", m(item("deep", n("1"))))), "l", l(s("a"), s("B"), s("c"))));
    }

    @ConformanceTest
    void removeDeletesAttributesAndListElements(DynamoDbTarget target) {
        var client = target.client();
        var table = tableWith(client, item("pk", s("k"), "a", s("1"), "b", s("2"), "l", l(s("x"), s("y"), s("z"))));

        update(client, table, "REMOVE a, l[0], absent", Map.of());

        assertThat(get(client, table)).isEqualTo(item("pk", s("k"), "b", s("2"), "l", l(s("y"), s("z"))));
    }

    @ConformanceTest
    void addIncrementsNumbersAndUnitesSets(DynamoDbTarget target) {
        var client = target.client();
        var table = tableWith(client, item("pk", s("k"), "n", n("1.5"), "tags", ss("a")));

        update(
                client,
                table,
                "ADD n :inc, tags :more, fresh :inc, nums :nums",
                Map.of(":inc", n("2"), ":more", ss("b", "a"), ":nums", ns("7")));
        var item = get(client, table);

        assertThat(item.get("n")).isEqualTo(n("3.5"));
        assertThat(item.get("fresh")).isEqualTo(n("2"));
        assertThat(item.get("tags").ss()).containsExactlyInAnyOrder("a", "b");
        assertThat(item.get("nums").ns()).containsExactly("7");
    }

    @ConformanceTest
    void deleteRemovesSetMembersAndTheAttributeWhenTheSetEmpties(DynamoDbTarget target) {
        var client = target.client();
        var table = tableWith(client, item("pk", s("k"), "tags", ss("a", "b", "c"), "one", ss("x")));

        update(client, table, "DELETE tags :ab, one :x", Map.of(":ab", ss("a", "b"), ":x", ss("x")));

        assertThat(get(client, table)).isEqualTo(item("pk", s("k"), "tags", ss("c")));
    }

    @ConformanceTest
    void allFourClausesApplyInOneUpdate(DynamoDbTarget target) {
        var client = target.client();
        var table = tableWith(client, item("pk", s("k"), "gone", s("x"), "n", n("1"), "set", ss("a", "b")));

        client.updateItem(b -> b.tableName(table)
                .key(item("pk", s("k")))
                .updateExpression("SET s = :s REMOVE gone ADD n :one DELETE #set :a")
                .expressionAttributeNames(Map.of("#set", "set"))
                .expressionAttributeValues(Map.of(":s", s("new"), ":one", n("1"), ":a", ss("a"))));

        assertThat(get(client, table)).isEqualTo(item("pk", s("k"), "n", n("2"), "set", ss("b"), "s", s("new")));
    }

    @ConformanceTest
    void returnValuesSelectWhichImageUpdateItemAnswers(DynamoDbTarget target) {
        var client = target.client();
        var table = tableWith(client, item("pk", s("k"), "a", n("1"), "b", n("1")));
        var inc = Map.of(":one", n("1"));

        var none = client.updateItem(b -> b.tableName(table)
                .key(item("pk", s("k")))
                .updateExpression("ADD a :one")
                .expressionAttributeValues(inc));
        var updatedOld = client.updateItem(b -> b.tableName(table)
                .key(item("pk", s("k")))
                .updateExpression("ADD a :one")
                .expressionAttributeValues(inc)
                .returnValues(ReturnValue.UPDATED_OLD));
        var updatedNew = client.updateItem(b -> b.tableName(table)
                .key(item("pk", s("k")))
                .updateExpression("ADD a :one")
                .expressionAttributeValues(inc)
                .returnValues(ReturnValue.UPDATED_NEW));
        var allOld = client.updateItem(b -> b.tableName(table)
                .key(item("pk", s("k")))
                .updateExpression("ADD a :one")
                .expressionAttributeValues(inc)
                .returnValues(ReturnValue.ALL_OLD));
        var allNew = client.updateItem(b -> b.tableName(table)
                .key(item("pk", s("k")))
                .updateExpression("ADD a :one")
                .expressionAttributeValues(inc)
                .returnValues(ReturnValue.ALL_NEW));

        assertThat(none.hasAttributes()).isFalse();
        assertThat(updatedOld.attributes()).isEqualTo(item("a", n("2")));
        assertThat(updatedNew.attributes()).isEqualTo(item("a", n("4")));
        assertThat(allOld.attributes()).isEqualTo(item("pk", s("k"), "a", n("4"), "b", n("1")));
        assertThat(allNew.attributes()).isEqualTo(item("pk", s("k"), "a", n("6"), "b", n("1")));
    }

    @ConformanceTest
    void updateWithAFailingConditionLeavesTheItem(DynamoDbTarget target) {
        var client = target.client();
        var table = tableWith(client, item("pk", s("k"), "version", n("3")));

        assertFails(
                () -> client.updateItem(b -> b.tableName(table)
                        .key(item("pk", s("k")))
                        .updateExpression("SET version = :next")
                        .conditionExpression("version = :expected")
                        .expressionAttributeValues(Map.of(":next", n("3"), ":expected", n("2")))),
                ConditionalCheckFailedException.class,
                "The conditional request failed");
        assertThat(get(client, table)).isEqualTo(item("pk", s("k"), "version", n("3")));
    }

    @ConformanceTest
    void updatingAKeyAttributeFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = tableWith(client, item("pk", s("k")));

        assertInvalid(
                () -> update(client, table, "SET pk = :v", Map.of(":v", s("other"))),
                "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of"
                        + " the key");
    }

    @ConformanceTest
    void overlappingPathsFailValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = tableWith(client, item("pk", s("k")));

        assertInvalid(
                () -> update(client, table, "SET a = :v REMOVE a", Map.of(":v", s("x"))),
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of"
                        + " these paths; path one: [a], path two: [a]");
    }

    @ConformanceTest
    void addToAStringFailsValidationAndLeavesTheItem(DynamoDbTarget target) {
        var client = target.client();
        var table = tableWith(client, item("pk", s("k"), "a", s("text")));

        assertInvalid(
                () -> update(client, table, "ADD a :one", Map.of(":one", n("1"))),
                "An operand in the update expression has an incorrect data type");
        assertThat(get(client, table)).isEqualTo(item("pk", s("k"), "a", s("text")));
    }

    @ConformanceTest
    void arithmeticOnAStringFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = tableWith(client, item("pk", s("k"), "a", s("text")));

        assertInvalid(
                () -> update(client, table, "SET b = a + :one", Map.of(":one", n("1"))),
                "An operand in the update expression has an incorrect data type");
    }

    @ConformanceTest
    void settingAPathInsideAMissingMapFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = tableWith(client, item("pk", s("k")));

        assertInvalid(
                () -> update(client, table, "SET absent.child = :v", Map.of(":v", s("x"))),
                "The document path provided in the update expression is invalid for update");
    }

    @ConformanceTest
    void anUndefinedValuePlaceholderFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = tableWith(client, item("pk", s("k")));

        assertInvalid(
                () -> update(client, table, "SET a = :missing", Map.of(":v", s("x"))),
                "Invalid UpdateExpression: An expression attribute value used in expression is not defined;"
                        + " attribute value: :missing");
    }

    @ConformanceTest
    void anUnusedValuePlaceholderFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = tableWith(client, item("pk", s("k")));

        assertInvalid(
                () -> update(client, table, "SET a = :v", Map.of(":v", s("x"), ":unused", s("y"))),
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
    }

    @ConformanceTest
    void aReservedWordAsAnAttributeNameFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = tableWith(client, item("pk", s("k")));

        assertInvalid(
                () -> update(client, table, "SET count = :v", Map.of(":v", n("1"))),
                "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: count");
    }

    @ConformanceTest
    void aSyntaxErrorFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = tableWith(client, item("pk", s("k")));

        var error = TableFixtures.assertFails(
                () -> update(client, table, "SET a = ", Map.of()),
                software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class,
                null);

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(error.awsErrorDetails().errorMessage()).startsWith("Invalid UpdateExpression: Syntax error; ");
    }

    @ConformanceTest
    void aSyntaxErrorNamesTheUnexpectedToken(DynamoDbTarget target) {
        target.assumeMatchesAws(ReferenceDifference.SYNTAX_ERROR_MESSAGES);
        var client = target.client();
        var table = tableWith(client, item("pk", s("k")));

        var error = TableFixtures.assertFails(
                () -> update(client, table, "SET a = ", Map.of()),
                software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class,
                null);

        assertThat(error.awsErrorDetails().errorMessage())
                .startsWith("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: ");
    }

    @ConformanceTest
    void anUpdateThatWouldExceed400KbFailsValidationAndLeavesTheItem(DynamoDbTarget target) {
        var client = target.client();
        var table = tableWith(client, item("pk", s("k"), "a", s("x".repeat(300 * 1024))));

        assertInvalid(
                () -> update(client, table, "SET b = :big", Map.of(":big", s("y".repeat(200 * 1024)))),
                "Item size to update has exceeded the maximum allowed size");
        assertThat(get(client, table)).doesNotContainKey("b");
    }
}
