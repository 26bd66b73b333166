package dev.regionless.region;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.common.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One region on a clock the test moves, running a template with a {@code messages} table whose stream feeds
 * functions, a {@code received} table where {@code StreamRecorder}s write what they got, and an {@code events} table
 * where {@code EventRecorder}s write the events they got; with SDK clients for DynamoDB, Lambda and SQS.
 */
final class StreamFixture implements AutoCloseable {
    static final String REGION = "eu-west-2";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final Path folder;
    final String template;
    RegionSet regions;
    DynamoDbClient dynamodb;
    LambdaClient lambda;
    SqsClient sqs;

    /** @param resources the template's functions, added after the tables */
    StreamFixture(Path folder, String resources) {
        this.folder = folder;
        this.template = """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Runtime: java21
                    CodeUri: ${jar}
                    Timeout: 30
                    Environment:
                      Variables:
                        RECEIVED_TABLE: received
                Resources:
                  Messages:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: messages
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}
                  Received:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: received
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                  Events:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: events
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                """ + resources.stripIndent().indent(2);
        start();
    }

    void start() {
        regions = RegionSet.start(folder.resolve("data"), List.of(REGION), config -> config.withClock(clock));
        regions.deploy(TestApps.template(folder, template), Map.of());
        dynamodb = DynamoDbClient.builder()
                .endpointOverride(region().endpoints().service())
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        lambda = TestApps.lambda(region());
        sqs = SqsClient.builder()
                .endpointOverride(region().endpoints().service())
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    void stop() {
        sqs.close();
        lambda.close();
        dynamodb.close();
        regions.close();
    }

    @Override
    public void close() {
        stop();
    }

    RegionNode region() {
        return regions.region(REGION);
    }

    String streamArn() {
        return dynamodb.describeTable(b -> b.tableName("messages")).table().latestStreamArn();
    }

    static String functionArn(String name) {
        return "arn:aws:lambda:" + REGION + ":" + dev.regionless.functions.FunctionsConfig.DEFAULT_ACCOUNT_ID
                + ":function:" + name;
    }

    void put(String id, String text) {
        dynamodb.putItem(b -> b.tableName("messages")
                .item(Map.of("id", AttributeValue.fromS(id), "text", AttributeValue.fromS(text))));
    }

    private List<Map<String, AttributeValue>> items(String table) {
        return dynamodb.scan(b -> b.tableName(table).consistentRead(true)).items();
    }

    /** The keys of the records StreamRecorders processed, in sequence order, once per delivery. */
    List<String> delivered() {
        return items("received").stream()
                .filter(item -> item.get("id").s().startsWith("record-"))
                .sorted(Comparator.comparing(item -> item.get("id").s()))
                .flatMap(
                        item -> java.util.Collections.nCopies(
                                Integer.parseInt(item.get("deliveries").n()),
                                item.get("keys").s())
                                .stream())
                .toList();
    }

    /** Each invocation of a StreamRecorder as "sequences outcome", in order, without the zero padding. */
    List<String> invocations() {
        return items("received").stream()
                .filter(item -> item.get("id").s().startsWith("invocation-"))
                .sorted(Comparator.comparingLong(
                        item -> Long.parseLong(item.get("attempt").n())))
                .map(item -> item.get("sequences").s().replaceAll("0*(\\d+)", "$1") + " "
                        + item.get("outcome").s())
                .toList();
    }

    /** The events EventRecorders got, in order. */
    List<JsonNode> events() {
        return items("events").stream()
                .filter(item -> item.get("id").s().startsWith("event-"))
                .sorted(Comparator.comparingLong(
                        item -> Long.parseLong(item.get("n").n())))
                .map(item -> {
                    try {
                        return Json.mapper().readTree(item.get("json").s());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }
}
