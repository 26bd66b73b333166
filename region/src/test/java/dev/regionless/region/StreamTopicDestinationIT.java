package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;

/**
 * A topic as a stream mapping's on-failure destination, as Lambda has it: the failure record of a discarded batch is
 * published to a topic of the region, which fans it out to a queue read back with {@code SqsClient}; a topic that
 * does not exist is refused when the mapping is created.
 */
class StreamTopicDestinationIT {
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
    void aPoisonRecordsFailureRecordIsPublishedToTheTopicAndReachesItsQueue() {
        fixture = new StreamFixture(folder, """
                Failures:
                  Type: AWS::SNS::Topic
                  Properties:
                    TopicName: failures
                    Subscription:
                      - Protocol: sqs
                        Endpoint: !GetAtt FailureQueue.Arn
                FailureQueue:
                  Type: AWS::SQS::Queue
                  Properties:
                    QueueName: failure-queue
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
                              Type: SNS
                              Destination: !Ref Failures
                """);
        fixture.put("a", "fine");
        fixture.put("p", "poison");
        fixture.put("b", "fine");

        var envelopes = new ArrayList<JsonNode>();
        var url = fixture.sqs.getQueueUrl(b -> b.queueName("failure-queue")).queueUrl();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (var message : fixture.sqs
                    .receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10))
                    .messages()) {
                envelopes.add(TopicsIT.parse(message.body()));
                fixture.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
            return !envelopes.isEmpty();
        });

        assertThat(envelopes).hasSize(1);
        assertThat(envelopes.getFirst().get("TopicArn").asText())
                .isEqualTo("arn:aws:sns:eu-west-2:123456789012:failures");
        var record = TopicsIT.parse(envelopes.getFirst().get("Message").asText());
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(record.at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.delivered().contains("id=b"));
    }

    @Test
    void aTopicThatDoesNotExistIsRefusedWhenTheMappingIsCreated() {
        fixture = new StreamFixture(folder, """
                Poisoned:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: dev.regionless.testfunctions.StreamRecorder
                """);
        var missing = "arn:aws:sns:eu-west-2:123456789012:missing";

        assertThatThrownBy(() -> fixture.lambda.createEventSourceMapping(b -> b.functionName("Poisoned")
                        .eventSourceArn(fixture.streamArn())
                        .startingPosition(EventSourcePosition.TRIM_HORIZON)
                        .destinationConfig(d -> d.onFailure(f -> f.destination(missing)))))
                .isInstanceOfSatisfying(
                        InvalidParameterValueException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400))
                .hasMessageStartingWith("DestinationConfig.OnFailure.Destination: " + missing
                        + " (expected: an existing topic; there is no topic missing in eu-west-2)");
    }
}
