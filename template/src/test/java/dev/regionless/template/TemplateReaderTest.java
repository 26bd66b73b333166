package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateReaderTest {

    @Test
    void readsTemplateFileAndResolvesCodeUriAgainstItsFolder(@TempDir Path folder) throws Exception {
        var file = folder.resolve("app/template.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, Templates.hello(""));

        var app = TemplateReader.read(file, TemplateContext.of("eu-west-2"));

        assertThat(app.function("Hello").orElseThrow().codeUri())
                .isEqualTo(folder.resolve("app/hello").toAbsolutePath());
        assertThat(app.stackName()).isEqualTo("regionless");
    }

    @Test
    void missingFileIsATemplateExceptionNamingTheFile(@TempDir Path folder) {
        var file = folder.resolve("template.yaml");

        assertThatThrownBy(() -> TemplateReader.read(file, TemplateContext.of("eu-west-2")))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml: cannot be read");
    }

    @Test
    void jsonTemplateIndentedWithTabsReadsLikeYaml() {
        var json = "{\n\t\"Transform\": \"AWS::Serverless-2016-10-31\",\n\t\"Resources\": {\"Hello\": {\n"
                + "\t\t\"Type\": \"AWS::Serverless::Function\",\n"
                + "\t\t\"Properties\": {\"Handler\": \"a.Hello\", \"Runtime\": \"java17\", \"CodeUri\": \"x\",\n"
                + "\t\t\t\"Environment\": {\"Variables\": {\"R\": {\"Fn::Sub\": \"${AWS::Region}\"}}}}}}}\n";

        var function = Templates.read(json).function("Hello").orElseThrow();

        assertThat(function.runtime()).isEqualTo("java17");
        assertThat(function.environment()).containsEntry("R", "eu-west-2");
    }

    @Test
    void malformedYamlNamesTheLine() {
        var yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                   Properties: {}
                """;

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml:5: malformed YAML: ");
    }

    @Test
    void unclosedFlowListIsMalformedYaml() {
        assertThatThrownBy(() -> Templates.read("Resources: [a, b"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml:1: malformed YAML: ");
    }

    @Test
    void emptyTemplateIsRejected() {
        assertThatThrownBy(() -> Templates.read("# nothing\n"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml: is empty (expected: a mapping with a Resources section)");
    }

    @Test
    void templateWithoutResourcesIsRejected() {
        assertThatThrownBy(() -> Templates.read("Description: nothing to run\n"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:1: Resources: is missing (expected: a mapping of resources)");
    }

    @Test
    void unknownTopLevelSectionIsRejected() {
        var yaml = Templates.hello("") + "Output:\n  Url: x\n";

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml:9: Output: is not a template section (expected: one of ");
    }

    @Test
    void duplicateKeysAreRejected() {
        var yaml = Templates.hello("""
                Runtime: java17
                """);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:9: Resources.Hello.Properties.Runtime: duplicate key Runtime");
    }

    @Test
    void unknownShortFormTagIsRejected() {
        var yaml = Templates.hello("""
                Environment: {Variables: {A: !Reference Foo}}
                """);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml:9: Resources.Hello.Properties.Environment.Variables.A: "
                        + "!Reference is not a CloudFormation intrinsic function");
    }

    @Test
    void yamlAliasesAreExpandedWhereUsed() {
        var yaml = Templates.hello("""
                Environment:
                  Variables: &shared {A: one, B: two}
                """) + """
                  Other:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Other
                      Runtime: java21
                      CodeUri: other
                      Environment: {Variables: *shared}
                """;

        var app = Templates.read(yaml);

        assertThat(app.function("Other").orElseThrow().environment())
                .containsExactly(Map.entry("A", "one"), Map.entry("B", "two"));
    }

    @Test
    void samResourceWithoutTransformIsRejectedAtItsType() {
        var yaml = Templates.hello("").replace("Transform: AWS::Serverless-2016-10-31\n", "");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(
                        "template.yaml:3: Resources.Hello.Type: needs Transform: AWS::Serverless-2016-10-31");
    }

    @Test
    void transformListContainingSamIsAccepted() {
        var yaml = Templates.hello("")
                .replace("Transform: AWS::Serverless-2016-10-31", "Transform: [AWS::Serverless-2016-10-31]");

        var app = Templates.read(yaml);

        assertThat(app.functions()).hasSize(1);
    }

    @Test
    void otherTransformIsRejected() {
        var yaml = Templates.hello("")
                .replace(
                        "Transform: AWS::Serverless-2016-10-31",
                        "Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:1: Transform: AWS::LanguageExtensions is not supported "
                        + "(expected: AWS::Serverless-2016-10-31)");
    }

    @Test
    void formatVersionMustBe20100909() {
        var yaml = "AWSTemplateFormatVersion: 2011-01-01\n" + Templates.hello("");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:1: AWSTemplateFormatVersion: 2011-01-01 (expected: 2010-09-09)");
    }

    @Test
    void outputsAreNotEvaluated() {
        var yaml = Templates.hello("") + """
                Outputs:
                  Url:
                    Value: !Sub "https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod/"
                  Role:
                    Value: !GetAtt HelloRole.Arn
                """;

        var app = Templates.read(yaml);

        assertThat(app.functions()).extracting(FunctionSpec::logicalId).containsExactly("Hello");
        assertThat(app.warnings()).isEmpty();
    }

    @Test
    void rulesSectionIsWarnedAbout() {
        var yaml = Templates.hello("") + """
                Rules:
                  Always: {Assertions: []}
                """;

        var app = Templates.read(yaml);

        assertThat(app.warnings())
                .containsExactly("template.yaml:9: Rules: is ignored (parameter rules are not checked)");
    }

    @Test
    void contextWithBadAccountIdIsRejected() {
        assertThatThrownBy(() -> new TemplateContext("eu-west-2", "12", "app", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("accountId: 12 (expected: 12 digits)");
    }

    @Test
    void contextWithAWebSocketEndpointThatIsNoWebSocketUrlIsRejected() {
        var context = TemplateContext.of("eu-west-2");

        assertThatThrownBy(() -> context.withWebSocketEndpoint(URI.create("http://127.0.0.1:8080")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("webSocketEndpoint: http://127.0.0.1:8080 (expected: a ws:// or wss:// URL with a host)");
    }

    @Test
    void contextKeepsItsWebSocketEndpointWhenParametersAreOverridden() {
        var endpoint = URI.create("ws://127.0.0.1:8080");

        var context = TemplateContext.of("eu-west-2")
                .withWebSocketEndpoint(endpoint)
                .withParameterOverrides(Map.of("Stage", "dev"));

        assertThat(context.webSocketEndpoint()).isEqualTo(endpoint);
        assertThat(context.parameterOverrides()).containsEntry("Stage", "dev");
    }

    @Test
    void exceptionKeepsFileLineAndPathApart() {
        var yaml = Templates.hello("""
                MemorySize: lots
                """);

        assertThatThrownBy(() -> Templates.read(yaml)).isInstanceOfSatisfying(TemplateException.class, e -> {
            assertThat(e.file()).isEqualTo("template.yaml");
            assertThat(e.line()).isEqualTo(9);
            assertThat(e.path()).isEqualTo("Resources.Hello.Properties.MemorySize");
            assertThat(e.problem()).isEqualTo("lots (expected: an integer, 128..10240)");
        });
    }
}
