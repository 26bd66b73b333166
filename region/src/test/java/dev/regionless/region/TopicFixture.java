package dev.regionless.region;

import static org.awaitility.Awaitility.await;

import dev.regionless.common.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.core.ConditionTimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One region, eu-west-2, on a clock the test moves, running a template with a {@code received} table and whatever
 * resources the test adds (functions default to {@code SnsRecorder}, which writes what it gets to {@code received});
 * with {@link SnsClient}, {@link SqsClient} and {@link DynamoDbClient} pointed at its service port, as a user builds
 * them.
 */
final class TopicFixture implements AutoCloseable {
    static final String REGION = "eu-west-2";
    static final String ACCOUNT = dev.regionless.functions.FunctionsConfig.DEFAULT_ACCOUNT_ID;

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final Path folder;
    final String template;
    RegionSet regions;
    SnsClient sns;
    SqsClient sqs;
    DynamoDbClient dynamodb;

    /** @param resources template resources added after the {@code received} table */
    TopicFixture(Path folder, String resources) {
        this.folder = folder;
        this.template = """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Runtime: java21
                    CodeUri: ${jar}
                    Handler: dev.regionless.testfunctions.SnsRecorder
                    Timeout: 30
                    Environment:
                      Variables:
                        RECEIVED_TABLE: received
                Resources:
                  Received:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: received
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                """ + resources.stripIndent().indent(2);
        start();
    }

    void start() {
        regions = RegionSet.start(folder.resolve("data"), List.of(REGION), config -> config.withClock(clock));
        regions.deploy(TestApps.template(folder, template), Map.of());
        var endpoint = region().endpoints().service();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret"));
        sns = SnsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        sqs = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder()
                        .socketTimeout(Duration.ofSeconds(30))
                        .build())
                .build();
        dynamodb = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    void stop() {
        sns.close();
        sqs.close();
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

    static String functionArn(String name) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name;
    }

    static String topicArn(String name) {
        return "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + name;
    }

    static String queueArn(String name) {
        return "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + name;
    }

    /** Creates a queue and answers its URL. */
    String queue(String name, Map<String, String> attributes) {
        return sqs.createQueue(b -> b.queueName(name).attributesWithStrings(attributes))
                .queueUrl();
    }

    /** Receives and deletes up to ten messages, waiting up to a second for the first. */
    List<Message> receive(String queueUrl) {
        var messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(1)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
        messages.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        return messages;
    }

    /** What SnsRecorders wrote, by message id: each record's fields. */
    Map<String, Map<String, String>> recorded() {
        var result = new TreeMap<String, Map<String, String>>();
        for (var item :
                dynamodb.scan(b -> b.tableName("received").consistentRead(true)).items()) {
            var id = item.get("id").s();
            if (id.startsWith("sns-")) {
                var fields = new TreeMap<String, String>();
                item.forEach((name, value) -> fields.put(name, value.s()));
                result.put(id.substring(4), fields);
            }
        }
        return result;
    }

    /**
     * Waits until SnsRecorders recorded every message id; on timeout fails with the function's log, which says why
     * (an init that outlived its limit on a loaded machine, an error in the handler).
     */
    void awaitRecorded(String function, String... messageIds) {
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> recorded().keySet().containsAll(List.of(messageIds)));
        } catch (ConditionTimeoutException e) {
            var log = new StringBuilder();
            region().functions()
                    .logs(function, 0, 200)
                    .forEach(line -> log.append(line.message()).append('\n'));
            throw new AssertionError(
                    "messages " + List.of(messageIds) + " not recorded; recorded: "
                            + recorded().keySet() + "; log of " + function + ":\n" + log,
                    e);
        }
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }
}
