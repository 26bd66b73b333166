package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;

/**
 * Lambda's stream error handling in a real region, through the SDK: mappings created with {@code LambdaClient},
 * real handlers ({@code StreamRecorder} failing on a record whose text is {@code poison}, {@code EventRecorder} as
 * the on-failure destination), and a clock the test moves to age records.
 */
class StreamErrorHandlingIT {
    @TempDir
    Path folder;

    StreamFixture fixture;

    @BeforeEach
    void start() {
        fixture = new StreamFixture(folder, """
                Poisoned:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: dev.regionless.testfunctions.StreamRecorder
                    Environment:
                      Variables:
                        POISON: poison
                Partial:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: dev.regionless.testfunctions.StreamRecorder
                    Environment:
                      Variables:
                        POISON: poison
                        POISON_TIMES: 1
                        REPORT_FAILURES: true
                FailureRecorder:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: dev.regionless.testfunctions.EventRecorder
                    Environment:
                      Variables:
                        RECEIVED_TABLE: events
                """);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private String createMapping(
            String function, java.util.function.Consumer<CreateEventSourceMappingRequest.Builder> settings) {
        return fixture.lambda
                .createEventSourceMapping(b -> {
                    b.functionName(function)
                            .eventSourceArn(fixture.streamArn())
                            .startingPosition(EventSourcePosition.TRIM_HORIZON);
                    settings.accept(b);
                })
                .uuid();
    }

    @Test
    void aPoisonRecordWithBisectAndRetryLimitGoesToTheOnFailureDestinationAndTheShardMovesOn() {
        fixture.put("a", "fine");
        fixture.put("b", "fine");
        fixture.put("p", "poison");
        fixture.put("c", "fine");

        var uuid = createMapping(
                "Poisoned",
                b -> b.batchSize(10)
                        .bisectBatchOnFunctionError(true)
                        .maximumRetryAttempts(1)
                        .destinationConfig(
                                d -> d.onFailure(f -> f.destination(StreamFixture.functionArn("FailureRecorder")))));
        await().atMost(Duration.ofSeconds(60)).until(() -> !fixture.events().isEmpty());
        fixture.put("d", "written after the poison record was discarded");

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.delivered().contains("id=d"));
        assertThat(fixture.delivered()).containsExactly("id=a", "id=b", "id=c", "id=d");
        var record = fixture.events().getFirst();
        assertThat(fixture.events()).hasSize(1);
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(record.at("/requestContext/functionArn").asText()).isEqualTo(StreamFixture.functionArn("Poisoned"));
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(record.at("/responseContext/statusCode").asInt()).isEqualTo(200);
        assertThat(record.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertThat(record.at("/version").asText()).isEqualTo("1.0");
        var info = record.get("DDBStreamBatchInfo");
        assertThat(info.get("startSequenceNumber").asText()).isEqualTo("000000000000000000003");
        assertThat(info.get("endSequenceNumber").asText()).isEqualTo("000000000000000000003");
        assertThat(info.get("batchSize").asInt()).isEqualTo(1);
        assertThat(info.get("streamArn").asText()).isEqualTo(fixture.streamArn());
        assertThat(info.get("shardId").asText()).startsWith("shardId-");
        assertThat(info.get("approximateArrivalOfFirstRecord").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(fixture.lambda.getEventSourceMapping(b -> b.uuid(uuid)).lastProcessingResult())
                .isEqualTo("OK");
    }

    @Test
    void withoutBisectOrLimitsAPoisonRecordBlocksItsShardUntilItExpires() {
        fixture.put("p", "poison");
        var uuid = createMapping("Poisoned", b -> {});
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !fixture.invocations().isEmpty());
        fixture.clock.advance(Duration.ofHours(12));
        fixture.put("behind", "written twelve hours after the poison record");

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.invocations().size() >= 3);
        assertThat(fixture.invocations()).containsOnly("1 failed");
        assertThat(fixture.delivered()).isEmpty();
        assertThat(fixture.lambda.getEventSourceMapping(b -> b.uuid(uuid)).lastProcessingResult())
                .isEqualTo("PROBLEM: Function call failed");

        fixture.clock.advance(Duration.ofHours(12).plusMinutes(1)); // the poison record is now past 24 hours

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.delivered().contains("id=behind"));
        assertThat(fixture.delivered()).containsExactly("id=behind");
        assertThat(fixture.invocations()).last().isEqualTo("2 ok");
    }

    @Test
    void aPartialBatchFailureRedeliversOnlyFromTheReportedRecord() {
        fixture.put("a", "fine");
        fixture.put("b", "fine");
        fixture.put("p", "poison");
        fixture.put("c", "fine");
        fixture.put("d", "fine");

        createMapping(
                "Partial", b -> b.batchSize(10).functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES));

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.delivered().size() == 5);
        assertThat(fixture.invocations()).containsExactly("1,2,3,4,5 partial", "3,4,5 ok");
        assertThat(fixture.delivered()).containsExactly("id=a", "id=b", "id=p", "id=c", "id=d");
    }

    @Test
    void recordsOlderThanTheMaximumRecordAgeAreSkippedToTheDestination() {
        fixture.put("p", "poison");
        createMapping(
                "Poisoned",
                b -> b.maximumRecordAgeInSeconds(60)
                        .destinationConfig(
                                d -> d.onFailure(f -> f.destination(StreamFixture.functionArn("FailureRecorder")))));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !fixture.invocations().isEmpty());

        fixture.clock.advance(Duration.ofSeconds(61));
        fixture.put("fresh", "written after the poison record aged out");

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.delivered().contains("id=fresh"));
        assertThat(fixture.delivered()).containsExactly("id=fresh");
        assertThat(fixture.events()).hasSize(1);
        assertThat(fixture.events().getFirst().at("/requestContext/condition").asText())
                .isEqualTo("RecordAgeExceeded");
        assertThat(fixture.events()
                        .getFirst()
                        .at("/DDBStreamBatchInfo/startSequenceNumber")
                        .asText())
                .isEqualTo("000000000000000000001");
    }
}
