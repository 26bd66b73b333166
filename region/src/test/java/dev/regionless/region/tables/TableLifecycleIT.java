package dev.regionless.region.tables;

import static dev.regionless.region.tables.TableFixtures.assertFails;
import static dev.regionless.region.tables.TableFixtures.assertInvalid;
import static dev.regionless.region.tables.TableFixtures.attribute;
import static dev.regionless.region.tables.TableFixtures.hash;
import static dev.regionless.region.tables.TableFixtures.hashTable;
import static dev.regionless.region.tables.TableFixtures.range;
import static dev.regionless.region.tables.TableFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** CreateTable, DescribeTable, ListTables and DeleteTable, and how they refuse bad requests. */
class TableLifecycleIT {

    @ConformanceTest
    void createTableAnswersTheDescriptionOfTheNewTable(DynamoDbTarget target) {
        var client = target.client();
        var name = uniqueName("create");

        var table = client.createTable(b -> b.tableName(name)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(hash("pk"), range("sk"))
                        .attributeDefinitions(
                                attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N)))
                .tableDescription();

        assertThat(table.tableName()).isEqualTo(name);
        assertThat(table.tableStatus()).isIn(TableStatus.CREATING, TableStatus.ACTIVE);
        assertThat(table.keySchema()).containsExactly(hash("pk"), range("sk"));
        assertThat(table.attributeDefinitions())
                .containsExactlyInAnyOrder(
                        attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N));
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.itemCount()).isZero();
        assertThat(table.tableArn()).startsWith("arn:aws:dynamodb:").endsWith(":table/" + name);
    }

    @ConformanceTest
    void describeTableAnswersAnActiveTableWithItsKeySchema(DynamoDbTarget target) {
        var client = target.client();
        var name = hashTable(client);

        var table = client.describeTable(b -> b.tableName(name)).table();

        assertThat(table.tableName()).isEqualTo(name);
        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.keySchema()).singleElement().satisfies(key -> {
            assertThat(key.attributeName()).isEqualTo("pk");
            assertThat(key.keyType()).isEqualTo(KeyType.HASH);
        });
    }

    @ConformanceTest
    void createTableWithTheNameOfAnExistingTableFailsWithResourceInUse(DynamoDbTarget target) {
        target.assumeMatchesAws(ReferenceDifference.CREATE_EXISTING_TABLE_MESSAGE);
        var client = target.client();
        var name = hashTable(client);

        assertFails(
                () -> client.createTable(b -> b.tableName(name)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(hash("pk"))
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S))),
                ResourceInUseException.class,
                "Table already exists: " + name);
    }

    @ConformanceTest
    void describeTableOfAMissingTableFailsWithResourceNotFound(DynamoDbTarget target) {
        var client = target.client();

        assertFails(
                () -> client.describeTable(b -> b.tableName("no-such-table")),
                ResourceNotFoundException.class,
                "Requested resource not found: Table: no-such-table not found");
    }

    @ConformanceTest
    void deleteTableOfAMissingTableFailsWithResourceNotFound(DynamoDbTarget target) {
        var client = target.client();

        assertFails(
                () -> client.deleteTable(b -> b.tableName("no-such-table")),
                ResourceNotFoundException.class,
                "Requested resource not found: Table: no-such-table not found");
    }

    @ConformanceTest
    void deleteTableRemovesTheTable(DynamoDbTarget target) {
        var client = target.client();
        var name = hashTable(client);

        var deleted = client.deleteTable(b -> b.tableName(name)).tableDescription();

        assertThat(deleted.tableName()).isEqualTo(name);
        org.awaitility.Awaitility.await()
                .pollInterval(java.time.Duration.ofMillis(10))
                .until(() -> !client.listTables().tableNames().contains(name));
        assertFails(
                () -> client.describeTable(b -> b.tableName(name)),
                ResourceNotFoundException.class,
                "Requested resource not found: Table: " + name + " not found");
    }

    @ConformanceTest
    void listTablesPagesInNameOrderWithLimitAndExclusiveStartTableName(DynamoDbTarget target) {
        var client = target.client();
        var prefix = uniqueName("list");
        for (var suffix : new String[] {"c", "a", "b"}) {
            TableFixtures.create(
                    client,
                    prefix + "-" + suffix,
                    b -> b.keySchema(hash("pk")).attributeDefinitions(attribute("pk", ScalarAttributeType.S)));
        }

        var seen = new ArrayList<String>();
        String start = prefix;
        while (true) {
            var from = start;
            var page = client.listTables(b -> b.limit(2).exclusiveStartTableName(from));
            page.tableNames().stream().filter(n -> n.startsWith(prefix)).forEach(seen::add);
            assertThat(page.tableNames()).hasSizeLessThanOrEqualTo(2);
            if (page.lastEvaluatedTableName() == null
                    || !page.lastEvaluatedTableName().startsWith(prefix)) {
                break;
            }
            assertThat(page.lastEvaluatedTableName())
                    .isEqualTo(page.tableNames().getLast());
            start = page.lastEvaluatedTableName();
        }

        assertThat(seen).containsExactly(prefix + "-a", prefix + "-b", prefix + "-c");
    }

    @ConformanceTest
    void listTablesWithLimitAboveOneHundredFailsValidation(DynamoDbTarget target) {
        var client = target.client();

        assertInvalid(
                () -> client.listTables(b -> b.limit(101)),
                "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 100");
    }

    @ConformanceTest
    void createTableWithANameOfInvalidCharactersFailsValidation(DynamoDbTarget target) {
        var client = target.client();

        assertInvalid(
                () -> client.createTable(b -> b.tableName("bad name!")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(hash("pk"))
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S))),
                "1 validation error detected: Value 'bad name!' at 'tableName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    @ConformanceTest
    void createTableWithATwoCharacterNameFailsValidation(DynamoDbTarget target) {
        target.assumeMatchesAws(ReferenceDifference.TABLE_NAME_LENGTH_MESSAGE);
        var client = target.client();

        assertInvalid(
                () -> client.createTable(b -> b.tableName("ab")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(hash("pk"))
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S))),
                "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have"
                        + " length greater than or equal to 3");
    }

    @ConformanceTest
    void createTableWithAKeyMissingFromAttributeDefinitionsFailsValidation(DynamoDbTarget target) {
        var client = target.client();

        assertInvalid(
                () -> client.createTable(b -> b.tableName(uniqueName("bad"))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(hash("pk"))
                        .attributeDefinitions(attribute("other", ScalarAttributeType.S))),
                "One or more parameter values were invalid: Some index key attributes are not defined in "
                        + "AttributeDefinitions. Keys: [pk], AttributeDefinitions: [other]");
    }

    @ConformanceTest
    void createTableWithAnUnusedAttributeDefinitionFailsValidation(DynamoDbTarget target) {
        var client = target.client();

        assertInvalid(
                () -> client.createTable(b -> b.tableName(uniqueName("bad"))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(hash("pk"))
                        .attributeDefinitions(
                                attribute("pk", ScalarAttributeType.S), attribute("extra", ScalarAttributeType.S))),
                "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly "
                        + "match number of attributes defined in AttributeDefinitions");
    }

    @ConformanceTest
    void createTableWithARangeKeyFirstFailsValidation(DynamoDbTarget target) {
        var client = target.client();

        assertInvalid(
                () -> client.createTable(b -> b.tableName(uniqueName("bad"))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(range("sk"), hash("pk"))
                        .attributeDefinitions(
                                attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.S))),
                "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }

    @ConformanceTest
    void createTableWithTheSameNameForHashAndRangeKeyFailsValidation(DynamoDbTarget target) {
        var client = target.client();

        assertInvalid(
                () -> client.createTable(b -> b.tableName(uniqueName("bad"))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(hash("pk"), range("pk"))
                        .attributeDefinitions(
                                attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.S))),
                "Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }

    @ConformanceTest
    void createTableWithAnAttributeTypeOtherThanSNOrBFailsValidation(DynamoDbTarget target) {
        var client = target.client();

        assertInvalid(
                () -> client.createTable(b -> b.tableName(uniqueName("bad"))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(hash("pk"))
                        .attributeDefinitions(AttributeDefinition.builder()
                                .attributeName("pk")
                                .attributeType("BOOL")
                                .build())),
                "1 validation error detected: Value 'BOOL' at 'attributeDefinitions.1.member.attributeType' failed "
                        + "to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
    }

    @ConformanceTest
    void createTableWithoutKeySchemaFailsValidation(DynamoDbTarget target) {
        var client = target.client();

        assertInvalid(
                () -> client.createTable(b -> b.tableName(uniqueName("bad"))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S))),
                "1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @ConformanceTest
    void createTableWithProvisionedBillingButNoThroughputFailsValidation(DynamoDbTarget target) {
        var client = target.client();

        assertInvalid(
                () -> client.createTable(b -> b.tableName(uniqueName("bad"))
                        .keySchema(hash("pk"))
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S))),
                "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be "
                        + "specified when BillingMode is PROVISIONED");
    }
}
