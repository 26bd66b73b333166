package dev.regionless.region.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.region.RegionSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** The DynamoDB API on a region's service port, end to end through the AWS SDK's own client. */
class DynamoDbSmokeIT {
    @TempDir
    static Path folder;

    static RegionSet regions;
    static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        regions = RegionSet.start(folder.resolve("data"), List.of("eu-west-2"));
        dynamo = DynamoDbClient.builder()
                .endpointOverride(regions.region("eu-west-2").endpoints().service())
                .region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        dynamo.createTable(b -> b.tableName("messages")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName("room")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("at")
                                .attributeType(ScalarAttributeType.N)
                                .build())
                .keySchema(
                        KeySchemaElement.builder()
                                .attributeName("room")
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName("at")
                                .keyType(KeyType.RANGE)
                                .build()));
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        regions.close();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    @Test
    void aCreatedTableIsActiveAndListed() {
        var table = dynamo.describeTable(b -> b.tableName("messages")).table();

        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(dynamo.listTables().tableNames()).contains("messages");
    }

    @Test
    void anItemPutIsReadBack() {
        var item = Map.of("room", s("put"), "at", n("1"), "text", s("hello"));
        dynamo.putItem(b -> b.tableName("messages").item(item));

        var read = dynamo.getItem(b -> b.tableName("messages").key(Map.of("room", s("put"), "at", n("1"))));

        assertThat(read.item()).isEqualTo(item);
    }

    @Test
    void queryReturnsARoomInTimeOrderNewestFirstWhenAsked() {
        for (var at : List.of("3", "1", "2")) {
            dynamo.putItem(b -> b.tableName("messages").item(Map.of("room", s("query"), "at", n(at))));
        }

        var result = dynamo.query(b -> b.tableName("messages")
                .keyConditionExpression("room = :r")
                .expressionAttributeValues(Map.of(":r", s("query")))
                .scanIndexForward(false));

        assertThat(result.items()).extracting(i -> i.get("at").n()).containsExactly("3", "2", "1");
    }

    @Test
    void updateItemAddsToACounterAndReturnsTheNewValue() {
        var key = Map.of("room", s("update"), "at", n("1"));
        dynamo.updateItem(b -> b.tableName("messages")
                .key(key)
                .updateExpression("ADD likes :one")
                .expressionAttributeValues(Map.of(":one", n("1"))));

        var result = dynamo.updateItem(b -> b.tableName("messages")
                .key(key)
                .updateExpression("ADD likes :one")
                .expressionAttributeValues(Map.of(":one", n("1")))
                .returnValues(ReturnValue.UPDATED_NEW));

        assertThat(result.attributes()).isEqualTo(Map.of("likes", n("2")));
    }

    @Test
    void aFailedConditionIsTheSdksConditionalCheckFailedException() {
        var item = Map.of("room", s("cond"), "at", n("1"));
        dynamo.putItem(b -> b.tableName("messages").item(item));

        assertThatThrownBy(() -> dynamo.putItem(
                        b -> b.tableName("messages").item(item).conditionExpression("attribute_not_exists(room)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void aMissingTableIsTheSdksResourceNotFoundException() {
        assertThatThrownBy(() -> dynamo.getItem(b -> b.tableName("nope").key(Map.of("room", s("x")))))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
