package dev.regionless.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The app the queue trigger tests deploy: queues feeding {@code QueueRecorder}s (test-functions), which write what
 * they processed to the {@code received} table; and a reader of that table.
 */
final class QueueApp {
    static final String REGION = "eu-west-2";

    private static final String TEMPLATE = """
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
              Received:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: received
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: jobs
                  VisibilityTimeout: 180
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt JobsDeadLetters.Arn
                    maxReceiveCount: 2
              JobsDeadLetters:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: jobs-dlq
              Partial:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: partial
                  VisibilityTimeout: 180
              Ordered:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: ordered.fifo
                  FifoQueue: true
                  VisibilityTimeout: 180
              Throttled:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: throttled
                  VisibilityTimeout: 180
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.regionless.testfunctions.QueueRecorder
                  Events:
                    Jobs:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Jobs.Arn
                        BatchSize: 10
              PartialWorker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.regionless.testfunctions.QueueRecorder
                  Environment:
                    Variables:
                      REPORT_FAILURES: "true"
                  Events:
                    Partial:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Partial.Arn
                        FunctionResponseTypes: [ReportBatchItemFailures]
                        ScalingConfig:
                          MaximumConcurrency: 2
              OrderedWorker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.regionless.testfunctions.QueueRecorder
                  Events:
                    Ordered:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Ordered.Arn
                        BatchSize: 4
              ThrottledWorker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.regionless.testfunctions.QueueRecorder
                  ReservedConcurrentExecutions: 0
                  Events:
                    Throttled:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Throttled.Arn
              Unmapped:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.regionless.testfunctions.QueueRecorder
            """;

    private QueueApp() {}

    /** The template, written once to a temporary folder with the test functions' jar. */
    static Path template() {
        try {
            var configured = System.getProperty("regionless.testFunctions");
            var jar = Path.of(configured != null ? configured : "../test-functions/target/test-functions.jar")
                    .toAbsolutePath();
            var folder = Files.createTempDirectory("queue-app");
            return Files.writeString(folder.resolve("template.yaml"), TEMPLATE.replace("${jar}", jar.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads what the functions wrote; closed by the caller. */
    static final class Received implements AutoCloseable {
        private final DynamoDbClient dynamodb;

        Received(RegionExtension regions) {
            dynamodb = DynamoDbClient.builder()
                    .endpointOverride(regions.region(REGION).endpoints().service())
                    .region(Region.of(REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }

        private List<Map<String, AttributeValue>> items(String prefix) {
            return dynamodb.scan(b -> b.tableName("received").consistentRead(true)).items().stream()
                    .filter(item -> item.get("id").s().startsWith(prefix))
                    .toList();
        }

        /** The bodies of the messages processed successfully, in the order they were processed. */
        List<String> processed() {
            return items("processed-").stream()
                    .sorted(Comparator.comparingLong(
                            item -> Long.parseLong(item.get("n").n())))
                    .map(item -> item.get("body").s())
                    .toList();
        }

        /** Each invocation as "bodies outcome", in order. */
        List<String> invocations() {
            return items("invocation-").stream()
                    .sorted(Comparator.comparingLong(
                            item -> Long.parseLong(item.get("attempt").n())))
                    .map(item ->
                            item.get("bodies").s() + " " + item.get("outcome").s())
                    .toList();
        }

        /** What the function saw of the message with {@code body}, by field, as strings. */
        Map<String, String> message(String body) {
            var item = dynamodb.getItem(b -> b.tableName("received")
                            .key(Map.of("id", AttributeValue.fromS("message-" + body)))
                            .consistentRead(true))
                    .item();
            var fields = new java.util.TreeMap<String, String>();
            item.forEach((name, value) -> fields.put(name, value.s() != null ? value.s() : value.n()));
            return fields;
        }

        @Override
        public void close() {
            dynamodb.close();
        }
    }
}
