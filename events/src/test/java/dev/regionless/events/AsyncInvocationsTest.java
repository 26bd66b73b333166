package dev.regionless.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.regionless.common.AwsException;
import dev.regionless.common.Json;
import dev.regionless.common.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The asynchronous queue on a scripted runtime and a clock the test moves. */
class AsyncInvocationsTest {
    private static final String ARN_PREFIX = "arn:aws:lambda:eu-west-2:000000000000:function:";
    private static final byte[] EVENT = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final ScriptedFunctions functions = new ScriptedFunctions().with("fn");
    final List<String> records = new CopyOnWriteArrayList<>();
    AsyncInvocations invocations;

    final AsyncTargets targets = new AsyncTargets() {
        @Override
        public void checkDestination(String parameter, String arn) {}

        @Override
        public void checkDeadLetter(String parameter, String arn) {}

        @Override
        public void sendRecord(String arn, byte[] record) {
            records.add(arn + " " + new String(record, StandardCharsets.UTF_8));
        }

        @Override
        public void sendDeadLetter(String arn, byte[] payload, Map<String, String> attributes) {
            records.add(arn + " " + new String(payload, StandardCharsets.UTF_8) + " " + attributes.get("ErrorCode"));
        }
    };

    @AfterEach
    void close() {
        invocations.close();
    }

    private void start() {
        invocations = AsyncInvocations.start(functions, targets, folder, clock, Duration.ofMillis(20), ARN_PREFIX);
    }

    @Test
    void throttledAttemptsGoBackToTheQueueWithBackoffAndTheEventIsNotDropped() throws Exception {
        functions.then(ScriptedFunctions.throttled()).then(ScriptedFunctions.throttled());
        start();
        invocations.put(new EventInvokeConfig("fn", 0, null, "arn:ok", "arn:failed", null, clock.instant()));

        invocations.submit("fn", EVENT);
        await().atMost(Duration.ofSeconds(5)).until(() -> functions.attempts.size() == 1);
        clock.advance(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> functions.attempts.size() == 2);
        clock.advance(Duration.ofSeconds(2));

        await().atMost(Duration.ofSeconds(5)).until(() -> !records.isEmpty());
        assertThat(functions.attempts).hasSize(3);
        assertThat(records.getFirst()).startsWith("arn:ok ");
        var record = Json.mapper().readTree(records.getFirst().substring("arn:ok ".length()));
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("Success");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(record.at("/responsePayload").asText()).isEqualTo("done");
        assertThat(invocations.queued()).isZero();
    }

    @Test
    void everyAttemptRunsUnderTheRequestIdTheSubmitAnswered() {
        functions.then(ScriptedFunctions.failed());
        start();

        var requestId = invocations.submit("fn", EVENT);
        await().atMost(Duration.ofSeconds(5)).until(() -> functions.attempts.size() == 1);
        clock.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> invocations.queued() == 0);

        assertThat(functions.attempts).containsExactly(requestId, requestId);
    }

    @Test
    void anEventForAFunctionNotDeployedWaitsForItUntilItsAgeRunsOut() {
        functions.then(ScriptedFunctions.throttled());
        start();
        invocations.deploy(List.of(new EventInvokeConfig("fn", null, 60, null, null, "arn:dlq", clock.instant())));
        invocations.submit("fn", EVENT);
        await().atMost(Duration.ofSeconds(5)).until(() -> functions.attempts.size() == 1);
        invocations.close();
        functions.remove("fn");

        start();
        clock.advance(Duration.ofSeconds(30));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> invocations.queued() == 1);
        clock.advance(Duration.ofSeconds(31));

        await().atMost(Duration.ofSeconds(5)).until(() -> invocations.queued() == 0);
        assertThat(functions.attempts).hasSize(1);
        assertThat(records).containsExactly("arn:dlq {\"n\":1} 429");
    }

    @Test
    void aDiscardedEventGoesToTheDeadLetterQueueWithTheStatusOfItsLastAttempt() {
        functions.then(ScriptedFunctions.failed());
        start();
        invocations.put(new EventInvokeConfig("fn", 0, null, null, null, null, clock.instant()));
        invocations.deploy(List.of(new EventInvokeConfig("fn", 0, null, null, null, "arn:dlq", clock.instant())));

        invocations.submit("fn", EVENT);

        await().atMost(Duration.ofSeconds(5)).until(() -> !records.isEmpty());
        assertThat(records).containsExactly("arn:dlq {\"n\":1} 200");
    }

    @Test
    void queuedEventsAndApiSettingsSurviveAReopenAndTemplateSettingsAreReplacedByTheNextDeploy() {
        functions.then(ScriptedFunctions.failed());
        start();
        invocations.put(new EventInvokeConfig("fn", 1, null, null, "arn:failed", null, clock.instant()));
        invocations.deploy(List.of(new EventInvokeConfig("other", 0, null, null, null, null, clock.instant())));
        invocations.submit("fn", EVENT);
        await().atMost(Duration.ofSeconds(5)).until(() -> functions.attempts.size() == 1);
        invocations.close();

        functions.then(ScriptedFunctions.failed());
        start();
        invocations.deploy(List.of());
        clock.advance(Duration.ofMinutes(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> !records.isEmpty());
        assertThat(records.getFirst()).startsWith("arn:failed ").contains("\"approximateInvokeCount\":2");
        assertThat(invocations.config("fn")).isPresent();
        assertThat(invocations.config("other")).isEmpty();
    }

    @Test
    void anUnknownFunctionIsRefusedAtOnce() {
        start();

        assertThatThrownBy(() -> invocations.submit("nobody", EVENT))
                .isInstanceOfSatisfying(
                        AwsException.class, e -> assertThat(e.code()).isEqualTo("ResourceNotFoundException"));
    }
}
