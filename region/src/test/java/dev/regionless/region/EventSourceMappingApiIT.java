package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The Lambda API's event source mapping actions on a region's service port, through the SDK's {@code LambdaClient}:
 * the life of a mapping, listing, Lambda's validation errors, and mappings that outlive a restart.
 */
class EventSourceMappingApiIT {
    @TempDir
    Path folder;

    StreamFixture fixture;

    @BeforeEach
    void start() {
        fixture = new StreamFixture(folder, """
                Recorder:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: dev.regionless.testfunctions.StreamRecorder
                Other:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: dev.regionless.testfunctions.StreamRecorder
                Declared:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: dev.regionless.testfunctions.StreamRecorder
                    Environment:
                      Variables:
                        RECEIVED_TABLE: events
                    Events:
                      Changes:
                        Type: DynamoDB
                        Properties:
                          Stream: !GetAtt Messages.StreamArn
                          StartingPosition: LATEST
                """);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private EventSourceMappingConfiguration get(String uuid) {
        var response = fixture.lambda.getEventSourceMapping(b -> b.uuid(uuid));
        return EventSourceMappingConfiguration.builder()
                .uuid(response.uuid())
                .state(response.state())
                .batchSize(response.batchSize())
                .lastProcessingResult(response.lastProcessingResult())
                .build();
    }

    private String create(String function, java.util.function.Consumer<CreateEventSourceMappingRequest.Builder> more) {
        return fixture.lambda
                .createEventSourceMapping(b -> {
                    b.functionName(function)
                            .eventSourceArn(fixture.streamArn())
                            .startingPosition(EventSourcePosition.LATEST);
                    more.accept(b);
                })
                .uuid();
    }

    @Test
    void aMappingIsCreatedEnabledUpdatedDisabledAndDeleted() {
        var created = fixture.lambda.createEventSourceMapping(b -> b.functionName("Recorder")
                .eventSourceArn(fixture.streamArn())
                .startingPosition(EventSourcePosition.TRIM_HORIZON)
                .batchSize(10)
                .maximumRetryAttempts(5)
                .bisectBatchOnFunctionError(true)
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES));

        assertThat(created.state()).isEqualTo("Creating");
        assertThat(created.functionArn()).isEqualTo(StreamFixture.functionArn("Recorder"));
        assertThat(created.eventSourceArn()).isEqualTo(fixture.streamArn());
        assertThat(created.startingPosition()).isEqualTo(EventSourcePosition.TRIM_HORIZON);
        assertThat(created.batchSize()).isEqualTo(10);
        assertThat(created.parallelizationFactor()).isEqualTo(1);
        assertThat(created.maximumRetryAttempts()).isEqualTo(5);
        assertThat(created.maximumRecordAgeInSeconds()).isEqualTo(-1);
        assertThat(created.bisectBatchOnFunctionError()).isTrue();
        assertThat(created.functionResponseTypes()).containsExactly(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
        assertThat(created.lastProcessingResult()).isEqualTo("No records processed");
        assertThat(created.lastModified()).isNotNull();
        var uuid = created.uuid();
        assertThat(get(uuid).state()).isEqualTo("Enabled");

        fixture.put("a", "hello");
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.delivered().contains("id=a"));
        assertThat(get(uuid).lastProcessingResult()).isEqualTo("OK");

        var disabled = fixture.lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(false));
        assertThat(disabled.state()).isEqualTo("Disabling");
        assertThat(get(uuid).state()).isEqualTo("Disabled");
        fixture.put("b", "while disabled");

        var updated = fixture.lambda.updateEventSourceMapping(
                b -> b.uuid(uuid).enabled(true).batchSize(50));
        assertThat(updated.state()).isEqualTo("Enabling");
        assertThat(get(uuid).batchSize()).isEqualTo(50);
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.delivered().contains("id=b"));
        assertThat(fixture.delivered()).containsExactly("id=a", "id=b");

        var deleted = fixture.lambda.deleteEventSourceMapping(b -> b.uuid(uuid));
        assertThat(deleted.state()).isEqualTo("Deleting");
        assertThatThrownBy(() -> get(uuid))
                .isInstanceOfSatisfying(
                        ResourceNotFoundException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void listFiltersByFunctionAndSourceAndPagesWithMarkers() {
        var first = create("Recorder", b -> {});
        var second = create("Other", b -> {});

        var all = fixture.lambda.listEventSourceMappings(b -> {}).eventSourceMappings();
        var byFunction = fixture.lambda
                .listEventSourceMappings(b -> b.functionName(StreamFixture.functionArn("Other")))
                .eventSourceMappings();
        var bySource = fixture.lambda
                .listEventSourceMappings(b -> b.eventSourceArn(fixture.streamArn()))
                .eventSourceMappings();
        var firstPage = fixture.lambda.listEventSourceMappings(b -> b.maxItems(2));
        var secondPage =
                fixture.lambda.listEventSourceMappings(b -> b.maxItems(2).marker(firstPage.nextMarker()));

        assertThat(all).hasSize(3); // with the template's own mapping of Declared
        assertThat(byFunction).extracting(EventSourceMappingConfiguration::uuid).containsExactly(second);
        assertThat(bySource).hasSize(3);
        assertThat(firstPage.eventSourceMappings()).hasSize(2);
        assertThat(secondPage.eventSourceMappings())
                .extracting(EventSourceMappingConfiguration::uuid)
                .containsExactly(second);
        assertThat(secondPage.nextMarker()).isNull();
        assertThat(all).extracting(EventSourceMappingConfiguration::uuid).contains(first, second);
    }

    @Test
    void aMappingOfAnUnknownFunctionIsNotFound() {
        assertThatThrownBy(() -> create("Missing", b -> {}))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Function not found: Missing");
                });
    }

    @Test
    void aSecondMappingOfOneFunctionToOneStreamConflicts() {
        var existing = create("Recorder", b -> {});

        assertThatThrownBy(() -> create("Recorder", b -> {}))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("UUID " + existing);
                });
    }

    @Test
    void settingsOutsideLambdasRangesAreInvalidParameters() {
        assertInvalid(
                b -> b.batchSize(0),
                "1 validation error detected: Value '0' at 'batchSize' failed to satisfy constraint: Member must have"
                        + " value greater than or equal to 1");
        assertInvalid(
                b -> b.maximumRetryAttempts(10_001),
                "1 validation error detected: Value '10001' at 'maximumRetryAttempts' failed to satisfy constraint:"
                        + " Member must have value less than or equal to 10000");
        assertInvalid(
                b -> b.maximumRecordAgeInSeconds(30),
                "MaximumRecordAgeInSeconds: 30 (expected: -1 for infinite, or 60..604800; values under 60 are not"
                        + " allowed)");
        assertInvalid(
                b -> b.parallelizationFactor(11),
                "1 validation error detected: Value '11' at 'parallelizationFactor' failed to satisfy constraint:"
                        + " Member must have value less than or equal to 10");
        assertInvalid(
                b -> b.functionResponseTypesWithStrings("ReportItemFailures"),
                "1 validation error detected: Value '[\"ReportItemFailures\"]' at 'functionResponseTypes' failed to"
                        + " satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set:"
                        + " [ReportBatchItemFailures]]");
        assertInvalid(
                b -> b.startingPosition((String) null),
                "StartingPosition: null (expected: TRIM_HORIZON or LATEST, required for a DynamoDB stream)");
        assertInvalid(
                b -> b.eventSourceArn("arn:aws:kinesis:eu-west-2:123456789012:stream/clicks"),
                "EventSourceArn: arn:aws:kinesis:eu-west-2:123456789012:stream/clicks (expected: a DynamoDB stream or"
                        + " SQS queue ARN; other event sources are not supported by Regionless yet)");
        assertInvalid(
                b -> b.eventSourceArn("arn:aws:sqs:eu-west-2:123456789012:jobs"),
                "StartingPosition is not valid for SQS event sources.");
        assertInvalid(
                b -> b.eventSourceArn(
                        "arn:aws:dynamodb:eu-west-2:123456789012:table/nothing/stream/2026-01-01T00:00:00.000"),
                "EventSourceArn: arn:aws:dynamodb:eu-west-2:123456789012:table/nothing/stream/2026-01-01T00:00:00.000"
                        + " (expected: the stream of an existing table; table nothing does not exist or has no enabled"
                        + " stream)");
        assertInvalid(
                b -> b.destinationConfig(
                        d -> d.onFailure(f -> f.destination("arn:aws:sqs:eu-west-2:123456789012:dlq"))),
                "DestinationConfig.OnFailure.Destination: arn:aws:sqs:eu-west-2:123456789012:dlq (expected: an"
                        + " existing queue; there is no queue dlq in eu-west-2)");
        assertInvalid(
                b -> b.destinationConfig(
                        d -> d.onFailure(f -> f.destination("arn:aws:sns:eu-west-2:123456789012:alarms"))),
                "DestinationConfig.OnFailure.Destination: arn:aws:sns:eu-west-2:123456789012:alarms (expected: an"
                        + " existing topic; there is no topic alarms in eu-west-2)");
        assertInvalid(
                b -> b.filterCriteria(f -> f.filters(software.amazon.awssdk.services.lambda.model.Filter.builder()
                        .pattern("{\"eventName\":[\"INSERT\"]}")
                        .build())),
                "FilterCriteria is not supported for this event source mapping (event filtering is not supported by"
                        + " Regionless for streams; filter in the function)");
        assertThat(fixture.lambda
                        .listEventSourceMappings(b -> b.functionName("Recorder"))
                        .eventSourceMappings())
                .isEmpty();
    }

    private void assertInvalid(
            java.util.function.Consumer<CreateEventSourceMappingRequest.Builder> settings, String message) {
        assertThatThrownBy(() -> create("Recorder", settings))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
                });
    }

    @Test
    void anUnknownUuidIsNotFoundForEveryAction() {
        var uuid = "00000000-0000-0000-0000-000000000000";

        for (var call : List.<Runnable>of(
                () -> fixture.lambda.getEventSourceMapping(b -> b.uuid(uuid)),
                () -> fixture.lambda.updateEventSourceMapping(b -> b.uuid(uuid).batchSize(5)),
                () -> fixture.lambda.deleteEventSourceMapping(b -> b.uuid(uuid)))) {
            assertThatThrownBy(call::run)
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageContaining("The resource you requested does not exist.");
        }
    }

    @Test
    void theTemplatesMappingIsListedButChangedOnlyThroughTheTemplate() {
        var declared = fixture.lambda
                .listEventSourceMappings(b -> b.functionName("Declared"))
                .eventSourceMappings()
                .getFirst();

        assertThat(declared.state()).isEqualTo("Enabled");
        assertThat(declared.eventSourceArn()).isEqualTo(fixture.streamArn());
        assertThatThrownBy(() -> fixture.lambda.deleteEventSourceMapping(b -> b.uuid(declared.uuid())))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceConflictException");
                });
    }

    @Test
    void aMappingCreatedThroughTheApiOutlivesARestartAndResumesWhereItStopped() {
        var uuid = create("Recorder", b -> b.batchSize(7));
        fixture.put("a", "before the restart");
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.delivered().contains("id=a"));

        fixture.stop();
        fixture.start();
        fixture.put("b", "after the restart");

        assertThat(get(uuid).batchSize()).isEqualTo(7);
        assertThat(get(uuid).state()).isEqualTo("Enabled");
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.delivered().contains("id=b"));
        assertThat(fixture.delivered()).containsExactly("id=a", "id=b");
    }
}
