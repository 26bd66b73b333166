package dev.regionless.functions.engine;

import static dev.regionless.functions.TestFunctions.function;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.AwsException;
import dev.regionless.common.Json;
import dev.regionless.common.MutableClock;
import dev.regionless.functions.FunctionConfig;
import dev.regionless.functions.FunctionsConfig;
import dev.regionless.functions.InvocationResult;
import dev.regionless.functions.LogLine;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFunctionsTest {
    @TempDir
    Path logs;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private LocalFunctions functions;

    @BeforeEach
    void start() {
        var config = FunctionsConfig.defaults("eu-west-2", URI.create("http://127.0.0.1:1"), logs)
                .withClock(clock)
                .withConcurrencyLimit(20);
        functions = new LocalFunctions(config);
    }

    @AfterEach
    void stop() {
        functions.close();
    }

    @Test
    void warmEnvironmentKeepsStaticStateBetweenInvocations() {
        functions.deploy(List.of(function("counter", "StaticCounter")));

        var first = json(functions.invoke("counter", "{}".getBytes()));
        var second = json(functions.invoke("counter", "{}".getBytes()));

        assertThat(first.get("invocations").asInt()).isEqualTo(1);
        assertThat(second.get("invocations").asInt()).isEqualTo(2);
        assertThat(second.get("initialisations").asInt()).isEqualTo(1);
        assertThat(second.get("environment").asText())
                .isEqualTo(first.get("environment").asText());
    }

    @Test
    void typedStreamEventsAreReadWholeInEveryFunctionNotOnlyTheFirstToLoadTheEventClasses() {
        functions.deploy(List.of(function("first", "DynamodbEventKeys"), function("second", "DynamodbEventKeys")));
        var event = """
                {"Records":[{"eventID":"1","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb",
                "awsRegion":"eu-west-2","dynamodb":{"ApproximateCreationDateTime":1700000000,
                "Keys":{"pk":{"S":"a"}},"NewImage":{"pk":{"S":"a"}},"SequenceNumber":"000000000000000000001",
                "SizeBytes":10,"StreamViewType":"NEW_IMAGE"}}]}""".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        var first = text(functions.invoke("first", event));
        var second = text(functions.invoke("second", event));

        assertThat(first).isEqualTo("a@000000000000000000001");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void typedEventsWithJodaTimesAreReadInEveryFunctionNotOnlyTheFirstToReadOne() {
        // A REST proxy event, read first, makes the library bind its joda reader JVM-wide to this function's loader.
        functions.deploy(List.of(
                function("api", "ProxyRequestPath"),
                function("topic-first", "SnsEventTime"),
                function("topic-second", "SnsEventTime"),
                function("schedule", "ScheduledEventTime")));
        var notification = """
                {"Records":[{"EventSource":"aws:sns","EventVersion":"1.0","EventSubscriptionArn":"arn:aws:sns:x",
                "Sns":{"Type":"Notification","MessageId":"1","TopicArn":"arn:aws:sns:eu-west-2:123456789012:t",
                "Message":"hi","Timestamp":"2026-03-01T10:00:00.000Z","SignatureVersion":"1"}}]}""".getBytes(StandardCharsets.UTF_8);
        var scheduled = """
                {"version":"0","id":"1","detail-type":"Scheduled Event","source":"aws.events",
                "account":"123456789012","time":"2026-03-01T10:00:00Z","region":"eu-west-2",
                "resources":[],"detail":{}}""".getBytes(StandardCharsets.UTF_8);

        var path = text(functions.invoke("api", "{\"path\":\"/hello\"}".getBytes(StandardCharsets.UTF_8)));
        var times = List.of(
                text(functions.invoke("topic-first", notification)),
                text(functions.invoke("topic-second", notification)),
                text(functions.invoke("schedule", scheduled)));

        assertThat(path).isEqualTo("/hello");
        assertThat(times)
                .allSatisfy(
                        time -> assertThat(java.time.OffsetDateTime.parse(time).toInstant())
                                .isEqualTo(Instant.parse("2026-03-01T10:00:00Z")));
    }

    @Test
    void concurrentInvocationsGetSeparateEnvironmentsWithTheirOwnStaticState() throws Exception {
        functions.deploy(List.of(function("sleeper", "Sleeper")));
        var start = new CountDownLatch(1);

        List<String> environments;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var calls = List.of(1, 2, 3).stream()
                    .map(i -> pool.submit(() -> {
                        start.await();
                        return text(functions.invoke("sleeper", "{\"millis\":300}".getBytes()));
                    }))
                    .toList();
            start.countDown();
            environments = calls.stream()
                    .map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    })
                    .toList();
        }

        assertThat(environments).doesNotHaveDuplicates();
        assertThat(functions.warmEnvironments("sleeper")).isEqualTo(3);
    }

    @Test
    void idleEnvironmentPastKeepAliveIsReclaimedAndNextCallIsCold() {
        functions.deploy(List.of(function("counter", "StaticCounter")));
        var before = json(functions.invoke("counter", "{}".getBytes()));

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        var after = json(functions.invoke("counter", "{}".getBytes()));

        assertThat(after.get("invocations").asInt()).isEqualTo(1);
        assertThat(after.get("environment").asText())
                .isNotEqualTo(before.get("environment").asText());
        assertThat(functions.usage().get(0).coldStarts()).isEqualTo(2);
    }

    @Test
    void idleEnvironmentWithinKeepAliveStaysWarm() {
        functions.deploy(List.of(function("counter", "StaticCounter")));
        functions.invoke("counter", "{}".getBytes());

        clock.advance(Duration.ofMinutes(9));
        var after = json(functions.invoke("counter", "{}".getBytes()));

        assertThat(after.get("invocations").asInt()).isEqualTo(2);
    }

    @Test
    void reservedConcurrencyZeroThrottlesEveryInvocation() {
        functions.deploy(List.of(function("off", "StaticCounter").withReservedConcurrency(0)));

        var result = functions.invoke("off", "{}".getBytes());

        assertThat(result).isInstanceOf(InvocationResult.Throttled.class);
        assertThat(((InvocationResult.Throttled) result).reason())
                .isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
        assertThat(functions.usage().get(0).throttles()).isEqualTo(1);
        assertThat(functions.usage().get(0).invocations()).isZero();
    }

    @Test
    void invocationOverReservedConcurrencyIsThrottledWhileOthersRun() throws Exception {
        functions.deploy(List.of(function("one", "Sleeper").withReservedConcurrency(1)));
        var running = Thread.ofVirtual().start(() -> functions.invoke("one", "{\"millis\":800}".getBytes()));
        org.awaitility.Awaitility.await()
                .until(() -> functions.usage().get(0).coldStarts() == 0
                        && logsOf("one").stream().anyMatch(l -> l.message().startsWith("START")));

        var second = functions.invoke("one", "{}".getBytes());

        assertThat(second).isInstanceOf(InvocationResult.Throttled.class);
        running.join();
    }

    @Test
    void timeoutFailsTheInvocationAndDiscardsTheEnvironment() {
        functions.deploy(List.of(function("slow", "Sleeper").withTimeout(Duration.ofSeconds(1))));

        var result = functions.invoke("slow", "{\"millis\":5000}".getBytes());

        assertThat(result).isInstanceOfSatisfying(InvocationResult.Failed.class, failed -> {
            assertThat(failed.timedOut()).isTrue();
            var error = parse(failed.errorPayload());
            assertThat(error.get("errorType").asText()).isEqualTo("Sandbox.Timedout");
            assertThat(error.get("errorMessage").asText())
                    .isEqualTo("RequestId: " + failed.requestId() + " Error: Task timed out after 1.00 seconds");
        });
        assertThat(functions.warmEnvironments("slow")).isZero();
        assertThat(messages("slow")).anyMatch(m -> m.contains("Task timed out after 1.00 seconds"));
    }

    @Test
    void handlerExceptionReturnsLambdaErrorShapeAndKeepsTheEnvironment() {
        functions.deploy(List.of(function("thrower", "Thrower")));

        var result = functions.invoke("thrower", "{\"message\":\"no such order\"}".getBytes());

        assertThat(result).isInstanceOfSatisfying(InvocationResult.Failed.class, failed -> {
            var error = parse(failed.errorPayload());
            assertThat(error.get("errorMessage").asText()).isEqualTo("no such order");
            assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(error.get("stackTrace").get(0).asText())
                    .startsWith("dev.regionless.testfunctions.Thrower.handleRequest(");
            assertThat(failed.timedOut()).isFalse();
        });
        assertThat(functions.warmEnvironments("thrower")).isEqualTo(1);
    }

    @Test
    void systemExitEndsOnlyTheEnvironmentWithLambdasExitError() {
        functions.deploy(List.of(function("exiter", "Exiter"), function("counter", "StaticCounter")));

        var result = functions.invoke("exiter", "{}".getBytes());

        assertThat(result).isInstanceOfSatisfying(InvocationResult.Failed.class, failed -> {
            var error = parse(failed.errorPayload());
            assertThat(error.get("errorType").asText()).isEqualTo("Runtime.ExitError");
            assertThat(error.get("errorMessage").asText())
                    .isEqualTo("RequestId: " + failed.requestId() + " Error: Runtime exited with error: exit status 3");
        });
        assertThat(functions.warmEnvironments("exiter")).isZero();
        assertThat(functions.invoke("counter", "{}".getBytes())).isInstanceOf(InvocationResult.Completed.class);
    }

    @Test
    void runtimeHaltIsContainedLikeSystemExit() {
        functions.deploy(List.of(function("exiter", "Exiter")));

        var result = functions.invoke("exiter", "{\"halt\":true}".getBytes());

        assertThat(result)
                .isInstanceOfSatisfying(
                        InvocationResult.Failed.class,
                        failed -> assertThat(parse(failed.errorPayload())
                                        .get("errorMessage")
                                        .asText())
                                .endsWith("exit status 4"));
    }

    @Test
    void failingStaticInitialisationReturnsTheInitError() {
        functions.deploy(List.of(function("broken", "FailingInit")));

        var result = functions.invoke("broken", "{}".getBytes());

        assertThat(result)
                .isInstanceOfSatisfying(
                        InvocationResult.Failed.class,
                        failed -> assertThat(parse(failed.errorPayload())
                                        .get("errorMessage")
                                        .asText())
                                .isEqualTo("configuration missing"));
        assertThat(functions.warmEnvironments("broken")).isZero();
    }

    @Test
    void logHasStartEndReportAndCapturedOutputOfEachInvocation() {
        functions.deploy(List.of(function("printer", "Printer").withMemory(512)));

        var result = functions.invoke("printer", "{\"tag\":\"t1\"}".getBytes());

        var lines = messages("printer");
        var requestId = result.requestId();
        assertThat(lines.get(0)).isEqualTo("START RequestId: " + requestId + " Version: $LATEST");
        assertThat(lines).contains("stdout t1", "stderr t1", "logger t1", "END RequestId: " + requestId);
        assertThat(lines.get(lines.size() - 1))
                .startsWith("REPORT RequestId: " + requestId + "\tDuration: ")
                .contains("\tBilled Duration: ", "\tMemory Size: 512 MB", "\tInit Duration: ");
        assertThat(((InvocationResult.Completed) result).logTail()).contains("stdout t1");
    }

    @Test
    void warmInvocationReportHasNoInitDuration() {
        functions.deploy(List.of(function("printer", "Printer")));
        functions.invoke("printer", "{\"tag\":\"a\"}".getBytes());

        functions.invoke("printer", "{\"tag\":\"b\"}".getBytes());

        var reports =
                messages("printer").stream().filter(m -> m.startsWith("REPORT")).toList();
        assertThat(reports.get(1)).doesNotContain("Init Duration");
    }

    @Test
    void usageCountsInvocationsErrorsAndGigabyteSeconds() {
        functions.deploy(
                List.of(function("thrower", "Thrower").withMemory(1024), function("counter", "StaticCounter")));
        functions.invoke("thrower", "{}".getBytes());
        functions.invoke("thrower", "{}".getBytes());

        var usage = functions.usage().stream()
                .filter(u -> u.functionName().equals("thrower"))
                .findFirst()
                .orElseThrow();

        assertThat(usage.invocations()).isEqualTo(2);
        assertThat(usage.errors()).isEqualTo(2);
        assertThat(usage.billedMillis()).isGreaterThanOrEqualTo(2);
        assertThat(usage.gbSeconds()).isEqualTo(usage.billedMillis() / 1000.0);
    }

    @Test
    void unknownFunctionIsResourceNotFound() {
        assertThatThrownBy(() -> functions.invoke("missing", "{}".getBytes()))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("ResourceNotFoundException");
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage())
                            .isEqualTo("Function not found: arn:aws:lambda:eu-west-2:123456789012:function:missing");
                });
    }

    @Test
    void deployWithUnknownHandlerClassFailsAndKeepsTheOldVersion() {
        functions.deploy(List.of(function("fn", "StaticCounter")));

        assertThatThrownBy(() -> functions.deploy(List.of(function("fn", "NoSuchClass"))))
                .isInstanceOf(AwsException.class)
                .hasMessage("Function fn: Handler: class dev.regionless.testfunctions.NoSuchClass was not found in"
                        + " the function's code");
        assertThat(functions.invoke("fn", "{}".getBytes())).isInstanceOf(InvocationResult.Completed.class);
    }

    @Test
    void deployWithMissingCodeFailsNamingThePath() {
        var missing = FunctionConfig.of("fn", "a.B", Path.of("/nowhere/app.jar"));

        assertThatThrownBy(() -> functions.deploy(List.of(missing)))
                .isInstanceOf(AwsException.class)
                .hasMessage("Function fn: CodeUri: /nowhere/app.jar does not exist");
    }

    @Test
    void deployWithImpossibleSignatureFailsNamingTheMethod() {
        assertThatThrownBy(() -> functions.deploy(List.of(function("fn", "Signatures::impossible"))))
                .isInstanceOf(AwsException.class)
                .hasMessageContaining("Signatures::impossible")
                .hasMessageContaining("has a signature Lambda cannot call");
    }

    @Test
    void redeployOfAnUnchangedFunctionKeepsItsWarmEnvironment() {
        functions.deploy(List.of(function("counter", "StaticCounter")));
        functions.invoke("counter", "{}".getBytes());

        functions.deploy(List.of(function("counter", "StaticCounter")));
        var after = json(functions.invoke("counter", "{}".getBytes()));

        assertThat(after.get("invocations").asInt()).isEqualTo(2);
    }

    @Test
    void reservationsThatLeaveTooLittleUnreservedAreRejected() {
        var greedy = function("greedy", "StaticCounter").withReservedConcurrency(19);

        assertThatThrownBy(() -> functions.deploy(List.of(greedy)))
                .isInstanceOf(AwsException.class)
                .hasMessageContaining("UnreservedConcurrentExecution below its minimum value of [2]");
    }

    private List<LogLine> logsOf(String name) {
        return functions.logs(name, 0, 1000);
    }

    private List<String> messages(String name) {
        return logsOf(name).stream().map(LogLine::message).toList();
    }

    private static JsonNode json(InvocationResult result) {
        assertThat(result).isInstanceOf(InvocationResult.Completed.class);
        return parse(((InvocationResult.Completed) result).payload());
    }

    private static String text(InvocationResult result) {
        return json(result).asText();
    }

    static JsonNode parse(byte[] bytes) {
        try {
            return Json.mapper().readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }
}
