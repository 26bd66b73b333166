package dev.regionless.region.tables;

import static dev.regionless.region.tables.TableFixtures.assertFails;
import static dev.regionless.region.tables.TableFixtures.assertInvalid;
import static dev.regionless.region.tables.TableFixtures.b;
import static dev.regionless.region.tables.TableFixtures.bool;
import static dev.regionless.region.tables.TableFixtures.hashRangeTable;
import static dev.regionless.region.tables.TableFixtures.hashTable;
import static dev.regionless.region.tables.TableFixtures.item;
import static dev.regionless.region.tables.TableFixtures.l;
import static dev.regionless.region.tables.TableFixtures.m;
import static dev.regionless.region.tables.TableFixtures.n;
import static dev.regionless.region.tables.TableFixtures.ns;
import static dev.regionless.region.tables.TableFixtures.nul;
import static dev.regionless.region.tables.TableFixtures.s;
import static dev.regionless.region.tables.TableFixtures.ss;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** PutItem, GetItem and DeleteItem: every attribute type, conditions, return values, and the size limits. */
class ItemsIT {
    private static final String DIGITS_38 = "12345678901234567890123456789012345678";

    private static Map<String, AttributeValue> get(DynamoDbClient client, String table, String pk) {
        return client.getItem(b -> b.tableName(table).key(item("pk", s(pk))).consistentRead(true))
                .item();
    }

    @ConformanceTest
    void getItemReturnsWhatPutItemStoredOfEveryScalarAndDocumentType(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        var stored = item(
                "pk", s("k"),
                "string", s("text ünïcödé"),
                "number", n("-12.5"),
                "binary", b(0, 1, 2, 255),
                "yes", bool(true),
                "nothing", nul(),
                "list", l(s("a"), n("1"), l(bool(false))),
                "map", m(item("inner", m(item("deep", s("x"))), "n", n("2"))));

        client.putItem(b -> b.tableName(table).item(stored));

        assertThat(get(client, table, "k")).isEqualTo(stored);
    }

    @ConformanceTest
    void getItemReturnsTheMembersOfEachSetType(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        client.putItem(b -> b.tableName(table)
                .item(item(
                        "pk", s("k"),
                        "ss", ss("b", "a", "c"),
                        "ns", ns("3", "1.5", "-2"),
                        "bs",
                                AttributeValue.fromBs(
                                        List.of(SdkBytes.fromUtf8String("y"), SdkBytes.fromUtf8String("x"))))));
        var item = get(client, table, "k");

        assertThat(item.get("ss").ss()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(item.get("ns").ns()).containsExactlyInAnyOrder("-2", "1.5", "3");
        assertThat(item.get("bs").bs())
                .containsExactlyInAnyOrder(SdkBytes.fromUtf8String("x"), SdkBytes.fromUtf8String("y"));
    }

    @ConformanceTest
    void numbersKeepThirtyEightSignificantDigits(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        client.putItem(b -> b.tableName(table)
                .item(item(
                        "pk",
                        s("k"),
                        "big",
                        n(DIGITS_38),
                        "small",
                        n("0." + DIGITS_38),
                        "neg",
                        n("-" + DIGITS_38 + "E+87"))));
        var item = get(client, table, "k");

        assertThat(item.get("big").n()).isEqualTo(DIGITS_38);
        assertThat(item.get("small").n()).isEqualTo("0." + DIGITS_38);
        assertThat(item.get("neg").n()).isEqualTo("-" + DIGITS_38 + "0".repeat(87));
    }

    @ConformanceTest
    void numbersComeBackInCanonicalForm(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        client.putItem(
                b -> b.tableName(table).item(item("pk", s("k"), "a", n("0012.500"), "b", n("1e3"), "c", n("-0"))));
        var item = get(client, table, "k");

        assertThat(item.get("a").n()).isEqualTo("12.5");
        assertThat(item.get("b").n()).isEqualTo("1000");
        assertThat(item.get("c").n()).isEqualTo("0");
    }

    @ConformanceTest
    void putItemWithThirtyNineSignificantDigitsFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        assertInvalid(
                () -> client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "n", n(DIGITS_38 + "9")))),
                "Attempting to store more than 38 significant digits in a Number");
    }

    @ConformanceTest
    void putItemWithANumberAboveTheRangeFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        assertInvalid(
                () -> client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "n", n("1E126")))),
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }

    @ConformanceTest
    void putItemWithANonNumericNumberFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        assertInvalid(
                () -> client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "n", n("twelve")))),
                "The parameter cannot be converted to a numeric value: twelve");
    }

    @ConformanceTest
    void emptyStringsAndBinariesAreAllowedOutsideKeys(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        var stored = item("pk", s("k"), "empty", s(""), "nothing", b(), "nested", m(item("e", s(""))));

        client.putItem(b -> b.tableName(table).item(stored));

        assertThat(get(client, table, "k")).isEqualTo(stored);
    }

    @ConformanceTest
    void putItemWithAnEmptyStringKeyFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        assertInvalid(
                () -> client.putItem(b -> b.tableName(table).item(item("pk", s("")))),
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain"
                        + " an empty string value. Key: pk");
    }

    @ConformanceTest
    void putItemWithoutTheKeyFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        assertInvalid(
                () -> client.putItem(b -> b.tableName(table).item(item("other", s("x")))),
                "One or more parameter values were invalid: Missing the key pk in the item");
    }

    @ConformanceTest
    void putItemWithAKeyOfTheWrongTypeFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        assertInvalid(
                () -> client.putItem(b -> b.tableName(table).item(item("pk", n("1")))),
                "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N");
    }

    @ConformanceTest
    void getItemWithAKeyNotMatchingTheSchemaFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        assertInvalid(
                () -> client.getItem(b -> b.tableName(table).key(item("pk", s("k"), "extra", s("x")))),
                "The provided key element does not match the schema");
    }

    @ConformanceTest
    void putItemWithAnEmptyStringSetFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        assertInvalid(
                () -> client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "set", ss()))),
                "One or more parameter values were invalid: An string set  may not be empty");
    }

    @ConformanceTest
    void putItemWithDuplicatesInAStringSetFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        assertInvalid(
                () -> client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "set", ss("a", "a")))),
                "One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
    }

    @ConformanceTest
    void putItemIntoAMissingTableFailsWithResourceNotFound(DynamoDbTarget target) {
        var client = target.client();

        assertFails(
                () -> client.putItem(b -> b.tableName("no-such-table").item(item("pk", s("k")))),
                ResourceNotFoundException.class,
                "Requested resource not found");
    }

    @ConformanceTest
    void getItemOfAMissingItemAnswersNoItem(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        var response = client.getItem(b -> b.tableName(table).key(item("pk", s("absent"))));

        assertThat(response.hasItem()).isFalse();
    }

    @ConformanceTest
    void getItemWithAProjectionExpressionReturnsOnlyTheNamedAttributes(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table)
                .item(item("pk", s("k"), "a", s("1"), "b", s("2"), "m", m(item("x", n("1"), "y", n("2"))))));

        var item = client.getItem(b -> b.tableName(table)
                        .key(item("pk", s("k")))
                        .projectionExpression("a, #m.y")
                        .expressionAttributeNames(Map.of("#m", "m")))
                .item();

        assertThat(item).isEqualTo(item("a", s("1"), "m", m(item("y", n("2")))));
    }

    @ConformanceTest
    void putItemReplacesTheWholeItem(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "old", s("1"))));

        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "new", s("2"))));

        assertThat(get(client, table, "k")).isEqualTo(item("pk", s("k"), "new", s("2")));
    }

    @ConformanceTest
    void putItemWithReturnValuesAllOldReturnsTheReplacedItem(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "v", n("1"))));

        var response = client.putItem(
                b -> b.tableName(table).item(item("pk", s("k"), "v", n("2"))).returnValues(ReturnValue.ALL_OLD));

        assertThat(response.attributes()).isEqualTo(item("pk", s("k"), "v", n("1")));
    }

    @ConformanceTest
    void putItemWithReturnValuesAllNewFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        assertInvalid(
                () -> client.putItem(
                        b -> b.tableName(table).item(item("pk", s("k"))).returnValues(ReturnValue.ALL_NEW)),
                "ReturnValues can only be ALL_OLD or NONE");
    }

    @ConformanceTest
    void putItemWithAFailingConditionFailsWithConditionalCheckFailedAndLeavesTheItem(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "v", n("1"))));

        assertFails(
                () -> client.putItem(b -> b.tableName(table)
                        .item(item("pk", s("k"), "v", n("2")))
                        .conditionExpression("attribute_not_exists(pk)")),
                ConditionalCheckFailedException.class,
                "The conditional request failed");
        assertThat(get(client, table, "k")).isEqualTo(item("pk", s("k"), "v", n("1")));
    }

    @ConformanceTest
    void putItemWithAPassingConditionWrites(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "v", n("1"))));

        client.putItem(b -> b.tableName(table)
                .item(item("pk", s("k"), "v", n("2")))
                .conditionExpression("v = :one AND attribute_exists(pk) AND NOT contains(pk, :z)")
                .expressionAttributeValues(Map.of(":one", n("1"), ":z", s("z"))));

        assertThat(get(client, table, "k")).isEqualTo(item("pk", s("k"), "v", n("2")));
    }

    @ConformanceTest
    void conditionFunctionsSizeBeginsWithAttributeTypeAndInAreEvaluated(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "name", s("regionless"), "tags", ss("a", "b"))));

        client.deleteItem(b -> b.tableName(table)
                .key(item("pk", s("k")))
                .conditionExpression("size(#n) = :ten AND begins_with(#n, :re) AND attribute_type(tags, :ss)"
                        + " AND #n IN (:x, :n) AND size(tags) BETWEEN :one AND :ten")
                .expressionAttributeNames(Map.of("#n", "name"))
                .expressionAttributeValues(Map.of(
                        ":ten",
                        n("10"),
                        ":re",
                        s("re"),
                        ":ss",
                        s("SS"),
                        ":x",
                        s("x"),
                        ":n",
                        s("regionless"),
                        ":one",
                        n("1"))));

        assertThat(get(client, table, "k")).isEmpty();
    }

    @ConformanceTest
    void failedConditionReturnsTheItemWhenAskedWithReturnValuesOnConditionCheckFailure(DynamoDbTarget target) {
        target.assumeMatchesAws(ReferenceDifference.RETURN_VALUES_ON_CONDITION_CHECK_FAILURE);
        var client = target.client();
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "v", n("1"))));

        var error = assertFails(
                () -> client.putItem(b -> b.tableName(table)
                        .item(item("pk", s("k")))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)),
                ConditionalCheckFailedException.class,
                "The conditional request failed");

        assertThat(error.item()).isEqualTo(item("pk", s("k"), "v", n("1")));
    }

    @ConformanceTest
    void deleteItemWithReturnValuesAllOldReturnsTheDeletedItem(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "v", n("1"))));

        var response = client.deleteItem(
                b -> b.tableName(table).key(item("pk", s("k"))).returnValues(ReturnValue.ALL_OLD));

        assertThat(response.attributes()).isEqualTo(item("pk", s("k"), "v", n("1")));
        assertThat(get(client, table, "k")).isEmpty();
    }

    @ConformanceTest
    void deleteItemWithAFailingConditionKeepsTheItem(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "v", n("1"))));

        assertFails(
                () -> client.deleteItem(b -> b.tableName(table)
                        .key(item("pk", s("k")))
                        .conditionExpression("v > :five")
                        .expressionAttributeValues(Map.of(":five", n("5")))),
                ConditionalCheckFailedException.class,
                "The conditional request failed");
        assertThat(get(client, table, "k")).isEqualTo(item("pk", s("k"), "v", n("1")));
    }

    @ConformanceTest
    void deleteItemOfAMissingItemSucceedsWithoutAttributes(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        var response = client.deleteItem(
                b -> b.tableName(table).key(item("pk", s("absent"))).returnValues(ReturnValue.ALL_OLD));

        assertThat(response.hasAttributes()).isFalse();
    }

    @ConformanceTest
    void anItemOfExactly400KbIsStored(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        // An item's size is the UTF-8 length of its attribute names and values: 2 + 1 + 4 + the data.
        var data = "x".repeat(400 * 1024 - 7);

        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "data", s(data))));

        assertThat(get(client, table, "k").get("data").s()).hasSize(data.length());
    }

    @ConformanceTest
    void putItemOfOneByteMoreThan400KbFailsValidation(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);
        var data = "x".repeat(400 * 1024 - 6);

        assertInvalid(
                () -> client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "data", s(data)))),
                "Item size has exceeded the maximum allowed size");
        assertThat(get(client, table, "k")).isEmpty();
    }

    @ConformanceTest
    void aPartitionKeyOf2048BytesIsStoredAndOneOf2049IsRefused(DynamoDbTarget target) {
        var client = target.client();
        var table = hashTable(client);

        client.putItem(b -> b.tableName(table).item(item("pk", s("k".repeat(2048)))));

        assertInvalid(
                () -> client.putItem(b -> b.tableName(table).item(item("pk", s("k".repeat(2049))))),
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit"
                        + " of2048 bytes");
    }

    @ConformanceTest
    void aPartitionKeyIsMeasuredInUtf8Bytes(DynamoDbTarget target) {
        target.assumeMatchesAws(ReferenceDifference.KEY_SIZE_IN_CHARACTERS);
        var client = target.client();
        var table = hashTable(client);

        assertInvalid(
                () -> client.putItem(b -> b.tableName(table).item(item("pk", s("é".repeat(1025))))),
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit"
                        + " of2048 bytes");
    }

    @ConformanceTest
    void aSortKeyOf1024BytesIsStoredAndOneOf1025IsRefused(DynamoDbTarget target) {
        var client = target.client();
        var table = TableFixtures.create(
                client,
                TableFixtures.uniqueName("sk"),
                b -> b.keySchema(TableFixtures.hash("pk"), TableFixtures.range("sk"))
                        .attributeDefinitions(
                                TableFixtures.attribute(
                                        "pk", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S),
                                TableFixtures.attribute(
                                        "sk", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S)));

        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "sk", s("s".repeat(1024)))));

        assertInvalid(
                () -> client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "sk", s("s".repeat(1025))))),
                "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size"
                        + " limit of 1024 bytes");
    }

    @ConformanceTest
    void itemsWithTheSamePartitionKeyAndDifferentSortKeysAreDistinct(DynamoDbTarget target) {
        var client = target.client();
        var table = hashRangeTable(client);

        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "sk", n("1"), "v", s("one"))));
        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "sk", n("1.0"), "v", s("same"))));
        client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "sk", n("2"), "v", s("two"))));

        var one = client.getItem(b -> b.tableName(table).key(item("pk", s("k"), "sk", n("1"))))
                .item();
        var two = client.getItem(b -> b.tableName(table).key(item("pk", s("k"), "sk", n("2"))))
                .item();
        assertThat(one).isEqualTo(item("pk", s("k"), "sk", n("1"), "v", s("same")));
        assertThat(two).isEqualTo(item("pk", s("k"), "sk", n("2"), "v", s("two")));
    }
}
