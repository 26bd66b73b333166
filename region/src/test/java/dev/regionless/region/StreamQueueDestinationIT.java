package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A queue as a stream mapping's on-failure destination, as Lambda has it: the failure record of a discarded batch
 * arrives as a message's body in a queue of the region, read back with {@code SqsClient}; the mapping is declared in
 * the template ({@code !GetAtt Queue.Arn}) or created with {@code LambdaClient}, which refuses a queue that does not
 * exist.
 */
class StreamQueueDestinationIT {
    private static final String POISONED = """
            Poisoned:
              Type: AWS::Serverless::Function
              Properties:
                Handler: dev.regionless.testfunctions.StreamRecorder
                Environment:
                  Variables:
                    POISON: poison
            """;

    @TempDir
    Path folder;

    StreamFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aPoisonRecordOfATemplateMappingArrivesInItsQueueAndTheShardMovesOn() {
        fixture = new StreamFixture(folder, """
                Failures:
                  Type: AWS::SQS::Queue
                  Properties:
                    QueueName: failures
                Poisoned:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: dev.regionless.testfunctions.StreamRecorder
                    Environment:
                      Variables:
                        POISON: poison
                    Events:
                      Changes:
                        Type: DynamoDB
                        Properties:
                          Stream: !GetAtt Messages.StreamArn
                          StartingPosition: TRIM_HORIZON
                          BatchSize: 10
                          BisectBatchOnFunctionError: true
                          MaximumRetryAttempts: 0
                          DestinationConfig:
                            OnFailure:
                              Type: SQS
                              Destination: !GetAtt Failures.Arn
                """);
        fixture.put("a", "fine");
        fixture.put("b", "fine");
        fixture.put("p", "poison");
        fixture.put("c", "fine");

        var records = receiveFailureRecords("failures");
        fixture.put("d", "written after the poison record was discarded");

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.delivered().contains("id=d"));
        assertThat(fixture.delivered()).containsExactly("id=a", "id=b", "id=c", "id=d");
        assertThat(records).hasSize(1);
        var record = records.getFirst();
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(record.at("/requestContext/functionArn").asText()).isEqualTo(StreamFixture.functionArn("Poisoned"));
        assertThat(record.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertPoisonBatch(record.get("DDBStreamBatchInfo"));
        assertThat(messagesIn("failures")).isZero();
    }

    @Test
    void aMappingCreatedThroughTheApiSendsItsDiscardedBatchToTheQueue() {
        fixture = new StreamFixture(folder, POISONED);
        var queueUrl = fixture.sqs.createQueue(b -> b.queueName("api-failures")).queueUrl();
        var queueArn = fixture.sqs
                .getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        fixture.put("a", "fine");
        fixture.put("p", "poison");
        fixture.put("b", "fine");

        var uuid = fixture.lambda
                .createEventSourceMapping(b -> b.functionName("Poisoned")
                        .eventSourceArn(fixture.streamArn())
                        .startingPosition(EventSourcePosition.TRIM_HORIZON)
                        .batchSize(10)
                        .bisectBatchOnFunctionError(true)
                        .maximumRetryAttempts(1)
                        .destinationConfig(d -> d.onFailure(f -> f.destination(queueArn))))
                .uuid();
        var records = receiveFailureRecords("api-failures");
        fixture.put("c", "written after the poison record was discarded");

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.delivered().contains("id=c"));
        assertThat(fixture.delivered()).containsExactly("id=a", "id=b", "id=c");
        var record = records.getFirst();
        assertThat(records).hasSize(1);
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isGreaterThanOrEqualTo(2);
        var info = record.get("DDBStreamBatchInfo");
        assertThat(info.get("startSequenceNumber").asText()).isEqualTo("000000000000000000002");
        assertThat(info.get("endSequenceNumber").asText()).isEqualTo("000000000000000000002");
        assertThat(info.get("batchSize").asInt()).isEqualTo(1);
        assertThat(info.get("shardId").asText()).startsWith("shardId-");
        assertThat(fixture.lambda
                        .getEventSourceMapping(b -> b.uuid(uuid))
                        .destinationConfig()
                        .onFailure()
                        .destination())
                .isEqualTo(queueArn);
    }

    @Test
    void aQueueThatDoesNotExistOrIsFifoIsRefusedWhenTheMappingIsCreated() {
        fixture = new StreamFixture(folder, POISONED);
        fixture.sqs.createQueue(
                b -> b.queueName("ordered.fifo").attributes(java.util.Map.of(QueueAttributeName.FIFO_QUEUE, "true")));
        var missing = "arn:aws:sqs:eu-west-2:123456789012:missing";
        var fifo = "arn:aws:sqs:eu-west-2:123456789012:ordered.fifo";

        assertThatThrownBy(() -> createMappingTo(missing))
                .isInstanceOfSatisfying(
                        InvalidParameterValueException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400))
                .hasMessageStartingWith("DestinationConfig.OnFailure.Destination: " + missing
                        + " (expected: an existing queue; there is no queue missing in eu-west-2)");
        assertThatThrownBy(() -> createMappingTo(fifo))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("DestinationConfig.OnFailure.Destination: " + fifo
                        + " (expected: a standard queue; FIFO queues cannot be on-failure destinations)");
        assertThat(fixture.lambda
                        .listEventSourceMappings(b -> b.functionName("Poisoned"))
                        .eventSourceMappings())
                .isEmpty();
    }

    private void createMappingTo(String destination) {
        fixture.lambda.createEventSourceMapping(b -> b.functionName("Poisoned")
                .eventSourceArn(fixture.streamArn())
                .startingPosition(EventSourcePosition.TRIM_HORIZON)
                .destinationConfig(d -> d.onFailure(f -> f.destination(destination))));
    }

    private static void assertPoisonBatch(JsonNode info) {
        assertThat(info.get("startSequenceNumber").asText()).isEqualTo("000000000000000000003");
        assertThat(info.get("endSequenceNumber").asText()).isEqualTo("000000000000000000003");
        assertThat(info.get("batchSize").asInt()).isEqualTo(1);
        assertThat(info.get("shardId").asText()).startsWith("shardId-");
    }

    /** Receives (and deletes) messages until the first failure record arrives; answers the records, parsed. */
    private List<JsonNode> receiveFailureRecords(String queue) {
        var url = fixture.sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        var records = new ArrayList<JsonNode>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (var message : fixture.sqs
                    .receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10))
                    .messages()) {
                records.add(parse(message.body()));
                fixture.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
            return !records.isEmpty();
        });
        return records;
    }

    /** The messages the queue still holds, visible or not: none once the received ones are deleted. */
    private int messagesIn(String queue) {
        var url = fixture.sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        var attributes = fixture.sqs
                .getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static JsonNode parse(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
