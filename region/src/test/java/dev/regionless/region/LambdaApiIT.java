package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** The Lambda API on a region's service port, through the AWS SDK's own LambdaClient. */
class LambdaApiIT {
    @TempDir
    static Path folder;

    static RegionSet regions;
    static LambdaClient lambda;

    @BeforeAll
    static void start() {
        regions = RegionSet.start(folder.resolve("data"), List.of("eu-west-2"));
        regions.deploy(TestApps.template(folder, """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Runtime: java21
                    CodeUri: ${jar}
                Resources:
                  Counter:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: dev.regionless.testfunctions.StaticCounter
                      MemorySize: 256
                  Thrower:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: dev.regionless.testfunctions.Thrower::handleRequest
                  Disabled:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: dev.regionless.testfunctions.StaticCounter
                      ReservedConcurrentExecutions: 0
                  Printer:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: dev.regionless.testfunctions.Printer
                """), Map.of());
        lambda = TestApps.lambda(regions.region("eu-west-2"));
    }

    @AfterAll
    static void stop() {
        lambda.close();
        regions.close();
    }

    @Test
    void invokeReturnsTheHandlersResult() {
        var response = lambda.invoke(r -> r.functionName("Counter").payload(SdkBytes.fromUtf8String("{}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        assertThat(response.payload().asUtf8String()).contains("\"initialisations\":1");
    }

    @Test
    void invokeByArnReachesTheSameFunction() {
        var arn = "arn:aws:lambda:eu-west-2:123456789012:function:Counter";

        var response = lambda.invoke(r -> r.functionName(arn).payload(SdkBytes.fromUtf8String("{}")));

        assertThat(response.payload().asUtf8String()).contains("\"invocations\"");
    }

    @Test
    void handlerExceptionIsUnhandledFunctionErrorWithLambdaShape() {
        var response =
                lambda.invoke(r -> r.functionName("Thrower").payload(SdkBytes.fromUtf8String("{\"message\":\"bad\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String())
                .contains(
                        "\"errorMessage\":\"bad\"",
                        "\"errorType\":\"java.lang.IllegalStateException\"",
                        "\"stackTrace\"");
    }

    @Test
    void reservedConcurrencyZeroAnswersTooManyRequests() {
        assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("Disabled")))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.reasonAsString()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
                });
    }

    @Test
    void unknownFunctionIsResourceNotFound() {
        assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("Nope")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Function not found: arn:aws:lambda:eu-west-2:123456789012:function:Nope");
                });
    }

    @Test
    void payloadOverSixMegabytesIsRequestEntityTooLarge() {
        var big = "\"" + "x".repeat(6 * 1024 * 1024) + "\"";

        assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("Counter").payload(SdkBytes.fromUtf8String(big))))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(413);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
                });
    }

    @Test
    void payloadThatIsNotJsonIsInvalidRequestContent() {
        assertThatThrownBy(
                        () -> lambda.invoke(r -> r.functionName("Counter").payload(SdkBytes.fromUtf8String("{nope"))))
                .isInstanceOfSatisfying(InvalidRequestContentException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("Could not parse request body into json");
                });
    }

    @Test
    void dryRunChecksTheFunctionWithoutRunningIt() {
        var response = lambda.invoke(r -> r.functionName("Counter").invocationType(InvocationType.DRY_RUN));

        assertThat(response.statusCode()).isEqualTo(204);
    }

    @Test
    void tailLogTypeReturnsTheInvocationsLog() {
        var response = lambda.invoke(r -> r.functionName("Printer")
                .logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"tag\":\"tailme\"}")));

        var log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        assertThat(log).contains("START RequestId: ", "stdout tailme", "END RequestId: ", "REPORT RequestId: ");
    }

    @Test
    void getFunctionDescribesTheDeployedConfiguration() {
        var function = lambda.getFunction(r -> r.functionName("Counter"));

        var config = function.configuration();
        assertThat(config.functionArn()).isEqualTo("arn:aws:lambda:eu-west-2:123456789012:function:Counter");
        assertThat(config.handler()).isEqualTo("dev.regionless.testfunctions.StaticCounter");
        assertThat(config.memorySize()).isEqualTo(256);
        assertThat(config.timeout()).isEqualTo(3);
        assertThat(config.runtimeAsString()).isEqualTo("java21");
        assertThat(config.codeSha256()).isNotBlank();
    }

    @Test
    void listFunctionsPagesThroughEveryFunction() {
        var names = lambda.listFunctionsPaginator(r -> r.maxItems(2)).functions().stream()
                .map(f -> f.functionName())
                .toList();

        assertThat(names).containsExactly("Counter", "Disabled", "Printer", "Thrower");
    }
}
