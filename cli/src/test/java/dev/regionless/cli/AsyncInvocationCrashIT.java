package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * A region process killed with SIGKILL while clients invoke a function asynchronously: every event the region
 * answered 202 for runs after the region starts again on the same data, including those still queued or running
 * when it died.
 */
class AsyncInvocationCrashIT {
    private static final int CLIENTS = 2;

    @TempDir
    Path work;

    @Test
    void everyAcknowledgedEventRunsAfterTheRegionIsKilledAndRestarted() throws Exception {
        var template = template();
        var acknowledged = ConcurrentHashMap.<String>newKeySet();
        var refused = new java.util.concurrent.atomic.AtomicReference<RuntimeException>();
        try (var region = startRegion(template);
                var lambda = CrashTests.failFastClient(
                        LambdaClient.builder(),
                        CrashTests.serviceUri(work, "eu-west-2"),
                        // Generous: the region starts many execution environments at once on a busy machine.
                        Duration.ofSeconds(30))) {
            var stop = new AtomicBoolean();
            var threads = new ArrayList<Thread>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                threads.add(Thread.ofPlatform().start(() -> invoke(lambda, client, stop, acknowledged, refused)));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                if (refused.get() != null) {
                    throw new AssertionError("an invoke failed before the crash: " + region.output(), refused.get());
                }
                return acknowledged.size() >= 100;
            });
            region.kill();
            stop.set(true);
            for (var thread : threads) {
                thread.join(Duration.ofSeconds(30));
            }
        }

        try (var region = startRegion(template)) {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(recorded()).containsAll(acknowledged));
            assertThat(region.isAlive()).isTrue();
        }
    }

    private Path template() throws Exception {
        var home = Path.of(System.getProperty("regionless.home", "..")).toAbsolutePath();
        var jar = home.resolve("test-functions/target/test-functions.jar");
        var app = Files.createDirectories(work.resolve("app"));
        var file = app.resolve("template.yaml");
        Files.writeString(file, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Recorder:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: dev.regionless.testfunctions.FileRecorder
                      Runtime: java21
                      CodeUri: %s
                      Timeout: 30
                      Environment:
                        Variables:
                          RECORD_FILE: %s
                """.formatted(jar, recordFile()));
        return file;
    }

    private CliProcess startRegion(Path template) throws Exception {
        // A restarted region listens on new ports: no client may read the killed one's entry.
        Files.deleteIfExists(work.resolve("data/endpoints.json"));
        return CrashTests.startRegion(work, "eu-west-2", "--template", template.toString());
    }

    private static void invoke(
            LambdaClient lambda,
            int client,
            AtomicBoolean stop,
            Set<String> acknowledged,
            java.util.concurrent.atomic.AtomicReference<RuntimeException> refused) {
        for (int i = 0; !stop.get(); i++) {
            var id = client + "-" + i;
            try {
                lambda.invoke(b -> b.functionName("Recorder")
                        .invocationType(InvocationType.EVENT)
                        .payload(SdkBytes.fromUtf8String("{\"id\":\"" + id + "\"}")));
                acknowledged.add(id);
            } catch (RuntimeException e) {
                if (!stop.get()) {
                    refused.compareAndSet(null, e);
                }
                return; // the region is gone: this event was never acknowledged
            }
        }
    }

    private Path recordFile() {
        return work.resolve("recorded.jsonl").toAbsolutePath();
    }

    /** The ids of the events the function recorded, once per id (a delivery may repeat after the crash). */
    private Set<String> recorded() throws Exception {
        var ids = new HashSet<String>();
        if (!Files.exists(recordFile())) {
            return ids;
        }
        var json = new ObjectMapper();
        for (var line : Files.readAllLines(recordFile())) {
            if (line.endsWith("}")) {
                ids.add(json.readTree(line).get("id").asText());
            }
        }
        return ids;
    }
}
