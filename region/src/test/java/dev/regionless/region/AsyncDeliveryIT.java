package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Where asynchronous events end up when they cannot run: a dead-letter queue with Lambda's message attributes, the
 * failure destination at once for a function with reserved concurrency 0, the queue after a region restart, and
 * the AWS errors for settings Lambda refuses. Also schedules, which invoke through the same queue.
 */
class AsyncDeliveryIT {
    @TempDir
    Path folder;

    StreamFixture fixture;
    AsyncInvocationIT helper;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private void start(String resources) {
        fixture = new StreamFixture(folder, resources);
        helper = new AsyncInvocationIT();
        helper.fixture = fixture;
    }

    @Test
    void aDeadLetterQueueGetsTheBareEventWithRequestIdErrorCodeAndErrorMessage() {
        start(AsyncInvocationIT.FUNCTIONS + """
                DeadLettered:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: dev.regionless.testfunctions.FailingRecorder
                    Environment:
                      Variables:
                        RECEIVED_TABLE: events
                    EventInvokeConfig:
                      MaximumRetryAttempts: 0
                    DeadLetterQueue:
                      Type: SQS
                      TargetArn: !GetAtt Failures.Arn
                """);

        var requestId =
                invoke("DeadLettered", "{\"order\": 5}").responseMetadata().requestId();

        var message = helper.receiveMessages("failures").getFirst();
        assertThat(AsyncInvocationIT.parse(message.body()).get("order").asInt()).isEqualTo(5);
        assertThat(message.body()).doesNotContain("requestContext");
        var attributes = message.messageAttributes();
        assertThat(attributes.get("RequestID").stringValue()).isEqualTo(requestId);
        assertThat(attributes.get("ErrorCode").stringValue()).isEqualTo("200");
        assertThat(attributes.get("ErrorMessage").stringValue()).isEqualTo("failed on purpose");
    }

    @Test
    void aTopicAsOnFailureDestinationFansTheRecordOutToItsSubscribers() {
        start(AsyncInvocationIT.FUNCTIONS + """
                Alerts:
                  Type: AWS::SNS::Topic
                  Properties:
                    TopicName: alerts
                    Subscription:
                      - Protocol: sqs
                        Endpoint: !GetAtt Failures.Arn
                Alerting:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: dev.regionless.testfunctions.FailingRecorder
                    Environment:
                      Variables:
                        RECEIVED_TABLE: events
                    EventInvokeConfig:
                      MaximumRetryAttempts: 0
                      DestinationConfig:
                        OnFailure:
                          Type: SNS
                          Destination: !Ref Alerts
                """);

        invoke("Alerting", "{\"order\": 9}");

        var notification = helper.receive("failures").getFirst();
        assertThat(notification.get("TopicArn").asText()).isEqualTo("arn:aws:sns:eu-west-2:123456789012:alerts");
        var record = AsyncInvocationIT.parse(notification.get("Message").asText());
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(record.at("/requestPayload/order").asInt()).isEqualTo(9);
    }

    @Test
    void withReservedConcurrencyZeroAnEventGoesStraightToTheFailureDestinationWithoutRunning() {
        start(AsyncInvocationIT.FUNCTIONS);
        fixture.lambda.putFunctionConcurrency(b -> b.functionName("Recorder").reservedConcurrentExecutions(0));
        fixture.lambda.putFunctionEventInvokeConfig(b -> b.functionName("Recorder")
                .destinationConfig(d -> d.onFailure(f -> f.destination(helper.queueArn("failures")))));

        invoke("Recorder", "{\"order\": 6}");

        var record = helper.receive("failures").getFirst();
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(record.at("/responseContext/statusCode").asInt()).isEqualTo(429);
        assertThat(record.at("/requestPayload/order").asInt()).isEqualTo(6);
        assertThat(helper.attempts()).isZero();
        assertThat(fixture.lambda
                        .getFunctionConcurrency(b -> b.functionName("Recorder"))
                        .reservedConcurrentExecutions())
                .isZero();
    }

    @Test
    void anEventWaitingForItsRetryIsStillDeliveredAfterTheRegionRestarts() {
        start(AsyncInvocationIT.FUNCTIONS);
        fixture.lambda.putFunctionEventInvokeConfig(b -> b.functionName("Failing")
                .destinationConfig(d -> d.onFailure(f -> f.destination(helper.queueArn("failures")))));
        var requestId = invoke("Failing", "{\"order\": 8}").responseMetadata().requestId();
        helper.awaitAttempts(1);

        fixture.stop();
        fixture.start();
        fixture.clock.advance(Duration.ofMinutes(1));
        helper.awaitAttempts(2);
        fixture.clock.advance(Duration.ofMinutes(2));

        var record = helper.receive("failures").getFirst();
        assertThat(record.at("/requestContext/requestId").asText()).isEqualTo(requestId);
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(helper.attempts()).isEqualTo(3);
    }

    @Test
    void settingsOutsideLambdasRangesOrUnreachableDestinationsAreRefusedWithAwsErrors() {
        start(AsyncInvocationIT.FUNCTIONS);
        var missing = "arn:aws:sqs:eu-west-2:123456789012:missing";

        assertThatThrownBy(() -> fixture.lambda.putFunctionEventInvokeConfig(
                        b -> b.functionName("Failing").maximumRetryAttempts(3)))
                .isInstanceOfSatisfying(
                        InvalidParameterValueException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400))
                .hasMessageStartingWith("1 validation error detected: Value '3' at 'maximumRetryAttempts' failed to"
                        + " satisfy constraint: Member must have value less than or equal to 2");
        assertThatThrownBy(() -> fixture.lambda.putFunctionEventInvokeConfig(
                        b -> b.functionName("Failing").maximumEventAgeInSeconds(30)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("1 validation error detected: Value '30' at 'maximumEventAgeInSeconds'"
                        + " failed to satisfy constraint: Member must have value greater than or equal to 60");
        assertThatThrownBy(() -> fixture.lambda.putFunctionEventInvokeConfig(b ->
                        b.functionName("Failing").destinationConfig(d -> d.onFailure(f -> f.destination(missing)))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("DestinationConfig.OnFailure.Destination: " + missing
                        + " (expected: an existing queue; there is no queue missing in eu-west-2)");
        assertThatThrownBy(() -> fixture.lambda.getFunctionEventInvokeConfig(b -> b.functionName("Failing")))
                .isInstanceOfSatisfying(
                        ResourceNotFoundException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> invoke("Nobody", "{}")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void theApiUpdatesListsAndDeletesAFunctionsSettings() {
        start(AsyncInvocationIT.FUNCTIONS);
        fixture.lambda.putFunctionEventInvokeConfig(
                b -> b.functionName("Failing").maximumRetryAttempts(1));

        fixture.lambda.updateFunctionEventInvokeConfig(b -> b.functionName("Failing")
                .destinationConfig(d -> d.onFailure(f -> f.destination(helper.queueArn("failures")))));

        var listed = fixture.lambda
                .listFunctionEventInvokeConfigs(b -> b.functionName("Failing"))
                .functionEventInvokeConfigs();
        assertThat(listed).hasSize(1);
        assertThat(listed.getFirst().maximumRetryAttempts()).isEqualTo(1);
        assertThat(listed.getFirst().destinationConfig().onFailure().destination())
                .isEqualTo(helper.queueArn("failures"));
        assertThat(listed.getFirst().functionArn()).isEqualTo(StreamFixture.functionArn("Failing") + ":$LATEST");
        assertThat(listed.getFirst().lastModified()).isNotNull();
        fixture.lambda.deleteFunctionEventInvokeConfig(b -> b.functionName("Failing"));
        assertThat(fixture.lambda
                        .listFunctionEventInvokeConfigs(b -> b.functionName("Failing"))
                        .functionEventInvokeConfigs())
                .isEmpty();
    }

    @Test
    void aScheduledEventThatFailsIsRetriedAndRecordedThroughTheAsynchronousQueue() {
        start(AsyncInvocationIT.FUNCTIONS + """
                Nightly:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: dev.regionless.testfunctions.FailingRecorder
                    Environment:
                      Variables:
                        RECEIVED_TABLE: events
                    EventInvokeConfig:
                      MaximumRetryAttempts: 1
                      DestinationConfig:
                        OnFailure:
                          Destination: !GetAtt Failures.Arn
                    Events:
                      Tick:
                        Type: Schedule
                        Properties:
                          Schedule: rate(1 hour)
                """);

        fixture.clock.advance(Duration.ofHours(1));
        helper.awaitAttempts(1);
        fixture.clock.advance(Duration.ofMinutes(1));

        var record = helper.receive("failures").getFirst();
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(2);
        assertThat(record.at("/requestPayload/detail-type").asText()).isEqualTo("Scheduled Event");
    }

    private software.amazon.awssdk.services.lambda.model.InvokeResponse invoke(String function, String json) {
        return fixture.lambda.invoke(b ->
                b.functionName(function).invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String(json)));
    }
}
