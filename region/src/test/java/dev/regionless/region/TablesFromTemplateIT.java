package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.common.AwsException;
import dev.regionless.common.Json;
import dev.regionless.tables.catalog.ScalarAttributeType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * A table declared in a template, created in both regions on deploy, named in a function's environment, and kept
 * with its items when the template is deployed again.
 */
class TablesFromTemplateIT {
    static final List<String> REGIONS = List.of("eu-west-2", "us-west-2");

    // The table has no TableName: CloudFormation's generated name must still be the same in both regions.
    static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Messages:
                Type: AWS::DynamoDB::Table
                Properties:
                  AttributeDefinitions:
                    - {AttributeName: room, AttributeType: S}
                    - {AttributeName: at, AttributeType: N}
                  KeySchema:
                    - {AttributeName: room, KeyType: HASH}
                    - {AttributeName: at, KeyType: RANGE}
                  BillingMode: PAY_PER_REQUEST
              Probe:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: probe
                  Runtime: java21
                  CodeUri: ${jar}
                  Handler: dev.regionless.testfunctions.EnvironmentProbe
                  MemorySize: 512
                  Timeout: 30
                  Policies:
                    - DynamoDBCrudPolicy: {TableName: !Ref Messages}
                  Environment:
                    Variables:
                      TABLE: !Ref Messages
            """;

    @TempDir
    static Path folder;

    static RegionSet regions;
    static String tableName;

    @BeforeAll
    static void start() {
        regions = RegionSet.start(folder.resolve("data"), REGIONS);
        var template = TestApps.template(folder, TEMPLATE);
        regions.deploy(template, Map.of());
        tableName = regions.region("eu-west-2")
                .read(template, Map.of())
                .table("Messages")
                .orElseThrow()
                .tableName();
    }

    @AfterAll
    static void stop() {
        regions.close();
    }

    @Test
    void tableIsCreatedWithTheSameNameInEveryRegion() {
        for (var region : REGIONS) {
            try (var dynamo = dynamo(region)) {
                var table = dynamo.describeTable(r -> r.tableName(tableName)).table();

                assertThat(table.keySchema())
                        .extracting(key -> key.attributeName() + " " + key.keyType())
                        .containsExactly("room " + KeyType.HASH, "at " + KeyType.RANGE);
                assertThat(table.tableArn())
                        .isEqualTo("arn:aws:dynamodb:" + region + ":123456789012:table/" + tableName);
            }
        }
    }

    @Test
    void functionEnvironmentNamesTheTableInEveryRegion() throws Exception {
        for (var region : REGIONS) {
            try (var lambda = TestApps.lambda(regions.region(region))) {
                var response = lambda.invoke(r -> r.functionName("probe").payload(SdkBytes.fromUtf8String("{}")));

                assertThat(response.functionError())
                        .as(response.payload().asUtf8String())
                        .isNull();
                var seen = Json.mapper().readTree(response.payload().asUtf8String());
                assertThat(seen.get("TABLE").asText()).isEqualTo(tableName);
            }
        }
    }

    @Test
    void redeployKeepsTheItemsOfEveryRegion() {
        for (var region : REGIONS) {
            try (var dynamo = dynamo(region)) {
                dynamo.putItem(r -> r.tableName(tableName).item(message(region)));
            }
        }

        regions.deploy(TestApps.template(folder, TEMPLATE), Map.of());

        for (var region : REGIONS) {
            try (var dynamo = dynamo(region)) {
                var item = dynamo.getItem(
                        r -> r.tableName(tableName).key(message(region)).consistentRead(true));

                assertThat(item.item()).isEqualTo(message(region));
            }
        }
    }

    @Test
    void redeployWithAnotherKeyFailsAndKeepsTheTable() {
        var rekeyed = TEMPLATE.replace("AttributeName: at, AttributeType: N", "AttributeName: at, AttributeType: S");

        assertThatThrownBy(() -> regions.deploy(TestApps.template(folder, rekeyed), Map.of()))
                .isInstanceOf(AwsException.class)
                .hasMessageStartingWith("table Messages (" + tableName + "): its key is room (S) + at (S) in the "
                        + "template but room (S) + at (N) in the deployed table");
        for (var region : REGIONS) {
            var key = regions.region(region)
                    .tables()
                    .requireTable(tableName)
                    .definition()
                    .keySchema();
            assertThat(key.sortKey().type()).isEqualTo(ScalarAttributeType.N);
        }
    }

    private static Map<String, AttributeValue> message(String region) {
        return Map.of("room", AttributeValue.fromS("lobby-" + region), "at", AttributeValue.fromN("1"));
    }

    private static DynamoDbClient dynamo(String region) {
        return DynamoDbClient.builder()
                .endpointOverride(regions.region(region).endpoints().service())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
