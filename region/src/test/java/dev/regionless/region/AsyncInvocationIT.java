package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;
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
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Asynchronous invocation ({@code InvocationType: Event}) in a real region, through {@code LambdaClient} and
 * {@code SqsClient}: the function runs in the background, a failing one is retried on the region's clock (which the
 * test moves: one minute, then two), and the outcome lands in the destination queues or the dead-letter queue.
 * {@code EventRecorder} and {@code FailingRecorder} write each attempt to the {@code events} table.
 */
class AsyncInvocationIT {
    static final String FUNCTIONS = """
            Failures:
              Type: AWS::SQS::Queue
              Properties:
                QueueName: failures
            Successes:
              Type: AWS::SQS::Queue
              Properties:
                QueueName: successes
            Recorder:
              Type: AWS::Serverless::Function
              Properties:
                Handler: dev.regionless.testfunctions.EventRecorder
                Environment:
                  Variables:
                    RECEIVED_TABLE: events
            Failing:
              Type: AWS::Serverless::Function
              Properties:
                Handler: dev.regionless.testfunctions.FailingRecorder
                Environment:
                  Variables:
                    RECEIVED_TABLE: events
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
    void anEventInvocationIsAcceptedWith202AndTheFunctionRunsInTheBackground() {
        fixture = new StreamFixture(folder, FUNCTIONS);

        var response = invokeEvent("Recorder", "{\"order\": 7}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.responseMetadata().requestId()).isNotBlank();
        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.events().size() == 1);
        assertThat(fixture.events().getFirst().get("order").asInt()).isEqualTo(7);
    }

    @Test
    void aFailingFunctionIsRetriedTwiceAMinuteThenTwoApartAndItsRecordGoesToTheOnFailureQueue() {
        fixture = new StreamFixture(folder, FUNCTIONS);
        fixture.lambda.putFunctionEventInvokeConfig(b -> b.functionName("Failing")
                .destinationConfig(d -> d.onFailure(f -> f.destination(queueArn("failures")))));

        var requestId =
                invokeEvent("Failing", "{\"order\": 1}").responseMetadata().requestId();

        awaitAttempts(1);
        fixture.clock.advance(Duration.ofSeconds(59));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> attempts() == 1);
        fixture.clock.advance(Duration.ofSeconds(1));
        awaitAttempts(2);
        fixture.clock.advance(Duration.ofMinutes(2));
        awaitAttempts(3);
        var record = receive("failures").getFirst();
        assertThat(record.at("/version").asText()).isEqualTo("1.0");
        assertThat(record.at("/requestContext/requestId").asText()).isEqualTo(requestId);
        assertThat(record.at("/requestContext/functionArn").asText())
                .isEqualTo(StreamFixture.functionArn("Failing") + ":$LATEST");
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(record.at("/requestPayload/order").asInt()).isEqualTo(1);
        assertThat(record.at("/responseContext/statusCode").asInt()).isEqualTo(200);
        assertThat(record.at("/responseContext/executedVersion").asText()).isEqualTo("$LATEST");
        assertThat(record.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertThat(record.at("/responsePayload/errorMessage").asText()).isEqualTo("failed on purpose");
        fixture.clock.advance(Duration.ofMinutes(10));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> attempts() == 3);
    }

    @Test
    void withMaximumRetryAttemptsZeroFromTheTemplateTheFirstFailureGoesToTheDestination() {
        fixture = new StreamFixture(folder, FUNCTIONS.replace("""
                Failing:
                  Type: AWS::Serverless::Function
                  Properties:
                """, """
                Failing:
                  Type: AWS::Serverless::Function
                  Properties:
                    EventInvokeConfig:
                      MaximumRetryAttempts: 0
                      DestinationConfig:
                        OnFailure:
                          Type: SQS
                          Destination: !GetAtt Failures.Arn
                """));

        invokeEvent("Failing", "{\"order\": 2}");

        var record = receive("failures").getFirst();
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(1);
        assertThat(attempts()).isEqualTo(1);
        var config = fixture.lambda.getFunctionEventInvokeConfig(b -> b.functionName("Failing"));
        assertThat(config.maximumRetryAttempts()).isZero();
        assertThat(config.destinationConfig().onFailure().destination()).isEqualTo(queueArn("failures"));
    }

    @Test
    void anEventOlderThanMaximumEventAgeIsDiscardedWithEventAgeExceeded() {
        fixture = new StreamFixture(folder, FUNCTIONS);
        fixture.lambda.putFunctionEventInvokeConfig(b -> b.functionName("Failing")
                .maximumEventAgeInSeconds(60)
                .destinationConfig(d -> d.onFailure(f -> f.destination(queueArn("failures")))));

        invokeEvent("Failing", "{\"order\": 3}");
        awaitAttempts(1);
        fixture.clock.advance(Duration.ofSeconds(61));

        var record = receive("failures").getFirst();
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("EventAgeExceeded");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(1);
        assertThat(attempts()).isEqualTo(1);
    }

    @Test
    void theOnSuccessDestinationGetsTheRecordOfASuccessfulInvocation() {
        fixture = new StreamFixture(folder, FUNCTIONS);
        fixture.lambda.putFunctionEventInvokeConfig(b -> b.functionName("Recorder")
                .destinationConfig(d -> d.onSuccess(s -> s.destination(queueArn("successes")))));

        var requestId =
                invokeEvent("Recorder", "{\"order\": 4}").responseMetadata().requestId();

        var record = receive("successes").getFirst();
        assertThat(record.at("/requestContext/requestId").asText()).isEqualTo(requestId);
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("Success");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(1);
        assertThat(record.at("/requestPayload/order").asInt()).isEqualTo(4);
        assertThat(record.at("/responseContext/statusCode").asInt()).isEqualTo(200);
        assertThat(record.has("responsePayload")).isTrue();
        assertThat(record.at("/responseContext").has("functionError")).isFalse();
    }

    private software.amazon.awssdk.services.lambda.model.InvokeResponse invokeEvent(String function, String json) {
        return fixture.lambda.invoke(b ->
                b.functionName(function).invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String(json)));
    }

    int attempts() {
        return fixture.events().size();
    }

    void awaitAttempts(int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> attempts() >= count);
        assertThat(attempts()).isEqualTo(count);
    }

    String queueArn(String name) {
        return "arn:aws:sqs:" + StreamFixture.REGION + ":123456789012:" + name;
    }

    /** Receives (and deletes) messages until the first arrives; answers their bodies, parsed. */
    List<JsonNode> receive(String queue) {
        return receiveMessages(queue).stream().map(m -> parse(m.body())).toList();
    }

    List<Message> receiveMessages(String queue) {
        var url = fixture.sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        var messages = new ArrayList<Message>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (var message : fixture.sqs
                    .receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).messageAttributeNames("All"))
                    .messages()) {
                messages.add(message);
                fixture.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
            return !messages.isEmpty();
        });
        return messages;
    }

    static JsonNode parse(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
