package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionTest {

    @Test
    void functionWithOnlyRequiredPropertiesGetsSamDefaults() {
        var function = Templates.helloFunction("");

        assertThat(function)
                .isEqualTo(new FunctionSpec(
                        "Hello",
                        "Hello",
                        "example.Hello::handleRequest",
                        "java21",
                        Path.of("/app/hello"),
                        128,
                        3,
                        Map.of(),
                        null));
    }

    @Test
    void declaredPropertiesAreRead() {
        var function = Templates.helloFunction("""
                FunctionName: hello-world
                MemorySize: 1024
                Timeout: 30
                ReservedConcurrentExecutions: 5
                PackageType: Zip
                """);

        assertThat(function.functionName()).isEqualTo("hello-world");
        assertThat(function.memorySize()).isEqualTo(1024);
        assertThat(function.timeoutSeconds()).isEqualTo(30);
        assertThat(function.reservedConcurrency()).isEqualTo(5);
    }

    @Test
    void codeUriIsResolvedAgainstTheTemplatesFolder() {
        var yaml = Templates.hello("").replace("CodeUri: hello", "CodeUri: ../build/hello.jar");

        var function = Templates.read(yaml).function("Hello").orElseThrow();

        assertThat(function.codeUri()).isEqualTo(Path.of("/build/hello.jar"));
    }

    @Test
    void unsupportedRuntimeNamesLineAndExpectedValues() {
        var yaml = Templates.hello("").replace("Runtime: java21", "Runtime: python3.12");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:7: Resources.Hello.Properties.Runtime: python3.12 is not supported "
                        + "(expected: java17, java21, java25)");
    }

    @Test
    void java25RuntimeIsAccepted() {
        var yaml = Templates.hello("").replace("Runtime: java21", "Runtime: java25");

        var function = Templates.read(yaml).function("Hello").orElseThrow();

        assertThat(function.runtime()).isEqualTo("java25");
    }

    @Test
    void missingHandlerNamesTheProperty() {
        var yaml = Templates.hello("").replace("      Handler: example.Hello::handleRequest\n", "");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:5: Resources.Hello.Properties.Handler: is missing "
                        + "(expected: a handler such as example.Hello::handleRequest)");
    }

    @Test
    void wrongTypeForMemorySizeNamesTheValue() {
        assertThatThrownBy(() -> Templates.helloFunction("MemorySize: lots"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:9: Resources.Hello.Properties.MemorySize: lots "
                        + "(expected: an integer, 128..10240)");
    }

    @Test
    void memorySizeOutOfRangeIsRejected() {
        assertThatThrownBy(() -> Templates.helloFunction("MemorySize: 64"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:9: Resources.Hello.Properties.MemorySize: 64 (expected: 128..10240)");
    }

    @Test
    void timeoutOutOfRangeIsRejected() {
        assertThatThrownBy(() -> Templates.helloFunction("Timeout: 901"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:9: Resources.Hello.Properties.Timeout: 901 (expected: 1..900)");
    }

    @Test
    void negativeReservedConcurrencyIsRejectedAndZeroIsAllowed() {
        var zero = Templates.helloFunction("ReservedConcurrentExecutions: 0");

        assertThat(zero.reservedConcurrency()).isZero();
        assertThatThrownBy(() -> Templates.helloFunction("ReservedConcurrentExecutions: -1"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:9: Resources.Hello.Properties.ReservedConcurrentExecutions: -1 "
                        + "(expected: 0 or more)");
    }

    @Test
    void environmentValuesAreStringified() {
        var function = Templates.helloFunction("""
                Environment:
                  Variables:
                    COUNT: 42
                    RATIO: 0.5
                    ENABLED: true
                    NAME: quack
                """);

        assertThat(function.environment())
                .containsExactly(
                        Map.entry("COUNT", "42"),
                        Map.entry("RATIO", "0.5"),
                        Map.entry("ENABLED", "true"),
                        Map.entry("NAME", "quack"));
    }

    @Test
    void environmentValueThatIsAListIsRejected() {
        assertThatThrownBy(() -> Templates.helloFunction("Environment: {Variables: {NAMES: [a, b]}}"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:9: Resources.Hello.Properties.Environment.Variables.NAMES: a list "
                        + "(expected: a string, number or boolean)");
    }

    @Test
    void reservedEnvironmentVariableIsRejected() {
        assertThatThrownBy(() -> Templates.helloFunction("Environment: {Variables: {AWS_REGION: moon-1}}"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:9: Resources.Hello.Properties.Environment.Variables.AWS_REGION: "
                        + "AWS_REGION is reserved by Lambda (expected: another variable name)");
    }

    @Test
    void s3CodeUriIsRejected() {
        var yaml = Templates.hello("").replace("CodeUri: hello", "CodeUri: s3://bucket/hello.zip");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:8: Resources.Hello.Properties.CodeUri: s3://bucket/hello.zip "
                        + "(expected: a jar, zip or folder, relative to the template's folder; "
                        + "S3 locations are not supported)");
    }

    @Test
    void s3ObjectCodeUriIsRejected() {
        var yaml = Templates.hello("").replace("CodeUri: hello", "CodeUri: {Bucket: b, Key: k}");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml:8: Resources.Hello.Properties.CodeUri: a mapping (expected: ");
    }

    @Test
    void inlineCodeIsRejected() {
        assertThatThrownBy(() -> Templates.helloFunction("InlineCode: 'print(1)'"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:9: Resources.Hello.Properties.InlineCode: is not supported by Regionless "
                        + "(expected: CodeUri pointing at a jar, zip or folder)");
    }

    @Test
    void imagePackageTypeIsRejected() {
        assertThatThrownBy(() -> Templates.helloFunction("PackageType: Image"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:9: Resources.Hello.Properties.PackageType: Image "
                        + "(expected: Zip; container images are not supported)");
    }

    @Test
    void harmlessPropertiesAreWarnedAboutWithTheirLine() {
        var app = Templates.read(Templates.hello("""
                Description: says hello
                Tracing: Active
                Policies: [AWSLambdaBasicExecutionRole]
                Architectures: [arm64]
                """));

        assertThat(app.warnings())
                .containsExactly(
                        "template.yaml:9: Resources.Hello.Properties.Description: is ignored (descriptions have no effect)",
                        "template.yaml:10: Resources.Hello.Properties.Tracing: is ignored (X-Ray tracing is not available)",
                        "template.yaml:11: Resources.Hello.Properties.Policies: is ignored (Regionless does not enforce IAM)",
                        "template.yaml:12: Resources.Hello.Properties.Architectures: is ignored "
                                + "(functions run on the host's JVM, whatever its architecture)");
    }

    @Test
    void ignoredPropertiesAreNotEvaluated() {
        var app = Templates.read(Templates.hello("""
                Role: !GetAtt RoleThatIsNotDeclared.Arn
                """));

        assertThat(app.functions()).hasSize(1);
    }

    @Test
    void unknownPropertyIsRejectedAsATypo() {
        assertThatThrownBy(() -> Templates.helloFunction("MemorySise: 256"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml:9: Resources.Hello.Properties.MemorySise: is not a property "
                        + "of AWS::Serverless::Function (expected: one of ");
    }

    @Test
    void invalidFunctionNameIsRejected() {
        assertThatThrownBy(() -> Templates.helloFunction("FunctionName: hello world"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:9: Resources.Hello.Properties.FunctionName: hello world "
                        + "(expected: 1 to 64 letters, digits, '-' or '_')");
    }

    @Test
    void twoFunctionsWithTheSameNameAreRejected() {
        var yaml = Templates.hello("FunctionName: shared") + """
                  Other:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Other
                      Runtime: java21
                      CodeUri: other
                      FunctionName: shared
                """;

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:16: Resources.Other.Properties.FunctionName: shared is already the name "
                        + "of function Hello (expected: a unique function name)");
    }

    @Test
    void eventTypesNotSupportedYetAreWarnedAbout() {
        var app = Templates.read(Templates.hello("""
                Events:
                  Messages:
                    Type: Kinesis
                    Properties: {Stream: !GetAtt Stream.Arn}
                """));

        assertThat(app.warnings())
                .containsExactly(
                        "template.yaml:11: Resources.Hello.Properties.Events.Messages.Type: Kinesis events are not supported "
                                + "yet; this event is ignored");
    }

    @Test
    void unknownEventTypeIsRejected() {
        assertThatThrownBy(() -> Templates.helloFunction("""
                Events:
                  Hit:
                    Type: Http
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml:11: Resources.Hello.Properties.Events.Hit.Type: "
                        + "Http is not an event type (expected: one of ");
    }
}
