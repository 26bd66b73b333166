package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobalsTest {

    private static String withGlobals(String globals, String helloProperties) {
        return "Globals:\n" + globals.stripIndent().indent(2) + Templates.hello(helloProperties);
    }

    @Test
    void globalsFunctionEnvironmentMergesWithResourceEnvironment() {
        var yaml = withGlobals("""
                Function:
                  Environment:
                    Variables: {TABLE: messages, LEVEL: info}
                """, """
                Environment:
                  Variables: {LEVEL: debug, COLOR: blue}
                """);

        var function = Templates.read(yaml).function("Hello").orElseThrow();

        assertThat(function.environment())
                .containsExactly(
                        Map.entry("TABLE", "messages"), Map.entry("LEVEL", "debug"), Map.entry("COLOR", "blue"));
    }

    @Test
    void resourceScalarReplacesGlobalScalar() {
        var yaml = withGlobals("""
                Function:
                  Timeout: 30
                  MemorySize: 512
                """, """
                Timeout: 5
                """);

        var function = Templates.read(yaml).function("Hello").orElseThrow();

        assertThat(function.timeoutSeconds()).isEqualTo(5);
        assertThat(function.memorySize()).isEqualTo(512);
    }

    @Test
    void globalsSupplyRequiredProperties() {
        var yaml = "Globals:\n  Function: {Runtime: java17, Handler: example.Shared}\n" + """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties: {CodeUri: hello}
                """;

        var function = Templates.read(yaml).function("Hello").orElseThrow();

        assertThat(function.runtime()).isEqualTo("java17");
        assertThat(function.handler()).isEqualTo("example.Shared");
    }

    @Test
    void intrinsicFunctionInTheResourceReplacesAGlobalMapping() {
        var yaml = withGlobals("""
                Function:
                  Environment: {Variables: {A: one}}
                """, """
                Environment: !If [Never, {Variables: {B: two}}, {Variables: {C: three}}]
                """).replace("Resources:", "Conditions:\n  Never: !Equals [a, b]\nResources:");

        var function = Templates.read(yaml).function("Hello").orElseThrow();

        assertThat(function.environment()).containsExactly(Map.entry("C", "three"));
    }

    @Test
    void globalsListsComeBeforeResourceLists() {
        var yaml = """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Api:
                    BinaryMediaTypes: [image~1png]
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: v1
                      BinaryMediaTypes: [application~1octet-stream]
                """;

        var api = Templates.read(yaml).api("Api").orElseThrow();

        assertThat(api.binaryMediaTypes()).containsExactly("image/png", "application/octet-stream");
    }

    @Test
    void globalsApiConfiguresTheImplicitApi() {
        var yaml = withGlobals("""
                Api:
                  Cors: "'https://example.com'"
                """, """
                Events:
                  Get: {Type: Api, Properties: {Path: /, Method: get}}
                """);

        var api = Templates.read(yaml).api("ServerlessRestApi").orElseThrow();

        assertThat(api.cors().allowOrigins()).containsExactly("https://example.com");
    }

    @Test
    void globalsHttpApiConfiguresTheImplicitHttpApi() {
        var yaml = withGlobals("""
                HttpApi:
                  DefaultRouteSettings: {ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100}
                """, """
                Events:
                  Any: {Type: HttpApi}
                """);

        var api = Templates.read(yaml).api("ServerlessHttpApi").orElseThrow();

        assertThat(api.defaultThrottle()).isEqualTo(new ThrottleSpec(50, 100));
    }

    @Test
    void propertySamDoesNotAllowInGlobalsIsRejected() {
        var yaml = withGlobals("""
                Function:
                  FunctionName: everyone
                """, "");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml:3: Globals.Function.FunctionName: is not supported in "
                        + "Globals.Function (expected: one of Handler, Runtime, CodeUri, ");
    }

    @Test
    void unknownGlobalsSectionIsRejected() {
        var yaml = withGlobals("""
                Functions:
                  Timeout: 5
                """, "");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:2: Globals.Functions: is not a Globals section (expected: one of Api, "
                        + "Function, HttpApi, LayerVersion, SimpleTable, StateMachine)");
    }

    @Test
    void errorInAnInheritedValueNamesTheGlobalsLine() {
        var yaml = withGlobals("""
                Function:
                  Runtime: nodejs20.x
                """, "").replace("      Runtime: java21\n", "");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:3: Globals.Function.Runtime: nodejs20.x is not supported "
                        + "(expected: java17, java21, java25)");
    }

    @Test
    void ignoreGlobalsSkipsTheNamedProperties() {
        var yaml = withGlobals("""
                Function:
                  Timeout: 30
                  MemorySize: 512
                """, "")
                .replace(
                        "    Type: AWS::Serverless::Function\n",
                        "    Type: AWS::Serverless::Function\n    IgnoreGlobals: [Timeout]\n");

        var function = Templates.read(yaml).function("Hello").orElseThrow();

        assertThat(List.of(function.timeoutSeconds(), function.memorySize())).containsExactly(3, 512);
    }

    @Test
    void ignoreGlobalsStarSkipsThemAll() {
        var yaml = withGlobals("""
                Function:
                  Timeout: 30
                """, "")
                .replace(
                        "    Type: AWS::Serverless::Function\n",
                        "    Type: AWS::Serverless::Function\n    IgnoreGlobals: '*'\n");

        var function = Templates.read(yaml).function("Hello").orElseThrow();

        assertThat(function.timeoutSeconds()).isEqualTo(3);
    }

    @Test
    void ignoredGlobalPropertiesAreWarnedAboutOnce() {
        var yaml = withGlobals("""
                Function:
                  Tracing: Active
                """, "") + """
                  Other:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: example.Other, Runtime: java21, CodeUri: other}
                """;

        var app = Templates.read(yaml);

        assertThat(app.warnings())
                .containsExactly(
                        "template.yaml:3: Globals.Function.Tracing: is ignored (X-Ray tracing is not available)");
    }
}
