package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.common.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Execution environment lifecycle seen through the Lambda API: timeouts and keep-alive. */
class RuntimeLifecycleIT {
    @TempDir
    static Path folder;

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
    static RegionSet regions;
    static LambdaClient lambda;

    @BeforeAll
    static void start() {
        regions = RegionSet.start(
                folder.resolve("data"),
                List.of("us-east-1"),
                config -> config.withClock(CLOCK).withKeepAlive(Duration.ofMinutes(5)));
        regions.deploy(TestApps.template(folder, """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Runtime: java21
                    CodeUri: ${jar}
                    Timeout: 1
                Resources:
                  Slow:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: dev.regionless.testfunctions.Sleeper
                  Counter:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: dev.regionless.testfunctions.StaticCounter
                """), Map.of());
        lambda = TestApps.lambda(regions.region("us-east-1"));
    }

    @AfterAll
    static void stop() {
        lambda.close();
        regions.close();
    }

    @Test
    void timeoutAnswersTheLambdaTimeoutErrorAndNextCallGetsANewEnvironment() {
        var before = invoke("Slow", "{\"millis\":0}");

        var timedOut = lambda.invoke(r -> r.functionName("Slow").payload(SdkBytes.fromUtf8String("{\"millis\":3000}")));
        var after = invoke("Slow", "{\"millis\":0}");

        assertThat(timedOut.functionError()).isEqualTo("Unhandled");
        assertThat(timedOut.payload().asUtf8String())
                .contains("\"errorType\":\"Sandbox.Timedout\"", "Task timed out after 1.00 seconds");
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void environmentIdleLongerThanKeepAliveIsReclaimedSoTheNextCallIsCold() {
        invoke("Counter", "{}");
        var warm = invoke("Counter", "{}");

        CLOCK.advance(Duration.ofMinutes(5).plusSeconds(1));
        var cold = invoke("Counter", "{}");

        assertThat(warm).contains("\"invocations\":2");
        assertThat(cold).contains("\"invocations\":1");
    }

    private static String invoke(String function, String payload) {
        var response = lambda.invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String(payload)));
        assertThat(response.functionError())
                .as(response.payload().asUtf8String())
                .isNull();
        return response.payload().asUtf8String();
    }
}
