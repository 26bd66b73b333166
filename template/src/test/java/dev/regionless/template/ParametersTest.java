package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {

    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage:
                Type: String
                Default: dev
                AllowedValues: [dev, prod]
            Resources:
              Hello:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: example.Hello
                  Runtime: java21
                  CodeUri: hello
                  Environment: {Variables: {STAGE: !Ref Stage}}
            """;

    private static TemplateContext overriding(String name, String value) {
        return TemplateContext.of("eu-west-2").withParameterOverrides(Map.of(name, value));
    }

    private static String parameter(String declaration, String use) {
        return """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  P:
                %sResources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Hello
                      Runtime: java21
                      CodeUri: hello
                %s""".formatted(
                        declaration.stripIndent().indent(4), use.stripIndent().indent(6));
    }

    @Test
    void refToParameterUsesOverrideBeforeDefault() {
        var app = Templates.read(TEMPLATE, overriding("Stage", "prod"));

        assertThat(app.function("Hello").orElseThrow().environment()).containsEntry("STAGE", "prod");
    }

    @Test
    void refToParameterUsesDefaultWithoutOverride() {
        var app = Templates.read(TEMPLATE);

        assertThat(app.function("Hello").orElseThrow().environment()).containsEntry("STAGE", "dev");
    }

    @Test
    void overrideOutsideAllowedValuesIsRejected() {
        assertThatThrownBy(() -> Templates.read(TEMPLATE, overriding("Stage", "qa")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:3: Parameters.Stage: override qa (expected: one of dev, prod)");
    }

    @Test
    void defaultOutsideAllowedValuesNamesTheDefaultsLine() {
        var yaml = TEMPLATE.replace("Default: dev", "Default: test");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:5: Parameters.Stage.Default: test (expected: one of dev, prod)");
    }

    @Test
    void parameterWithoutDefaultOrOverrideIsRejected() {
        var yaml = TEMPLATE.replace("    Default: dev\n", "");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:3: Parameters.Stage: has no Default and no override "
                        + "(expected: a value in the parameter overrides)");
    }

    @Test
    void overrideForAParameterTheTemplateLacksIsRejected() {
        assertThatThrownBy(() -> Templates.read(TEMPLATE, overriding("Stge", "prod")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:2: Parameters: the override for Stge matches no parameter "
                        + "(expected: one of Stage)");
    }

    @Test
    void numberParameterFeedsAnIntegerProperty() {
        var yaml = parameter("""
                Type: Number
                Default: 512
                """, """
                MemorySize: !Ref P
                """);

        var function = Templates.read(yaml).function("Hello").orElseThrow();

        assertThat(function.memorySize()).isEqualTo(512);
    }

    @Test
    void numberParameterRejectsText() {
        var yaml = parameter("""
                Type: Number
                Default: 512
                """, "");

        assertThatThrownBy(() -> Templates.read(yaml, overriding("P", "big")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:3: Parameters.P: override big (expected: a number)");
    }

    @Test
    void numberParameterChecksMinAndMaxValue() {
        var yaml = parameter("""
                Type: Number
                Default: 5
                MinValue: 1
                MaxValue: 3
                """, "");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:5: Parameters.P.Default: 5 (expected: a number in 1..3)");
    }

    @Test
    void stringParameterChecksPatternAndLength() {
        var yaml = parameter("""
                Type: String
                Default: abc
                AllowedPattern: "[a-z]+"
                MaxLength: 5
                """, "");

        assertThatThrownBy(() -> Templates.read(yaml, overriding("P", "ABC")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:3: Parameters.P: override ABC (expected: matching [a-z]+)");
    }

    @Test
    void commaDelimitedListGivesAList() {
        var yaml = parameter("""
                Type: CommaDelimitedList
                Default: "a, b,c"
                """, """
                Environment:
                  Variables:
                    SECOND: !Select [1, !Ref P]
                    ALL: !Join ["+", !Ref P]
                """);

        var function = Templates.read(yaml).function("Hello").orElseThrow();

        assertThat(function.environment()).containsEntry("SECOND", "b").containsEntry("ALL", "a+b+c");
    }

    @Test
    void unsupportedParameterTypeIsRejected() {
        var yaml = parameter("""
                Type: AWS::SSM::Parameter::Value<String>
                Default: /app/name
                """, "");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:4: Parameters.P.Type: AWS::SSM::Parameter::Value<String> is not "
                        + "supported (expected: one of String, Number, List<Number>, CommaDelimitedList, "
                        + "AWS::Route53::HostedZone::Id)");
    }

    @Test
    void unknownParameterPropertyIsRejected() {
        var yaml = parameter("""
                Type: String
                Defualt: x
                """, "");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml:3: Parameters.P.Defualt: is not a parameter property");
    }

    @Test
    void hostedZoneIdParameterIsReadAsAString() {
        var yaml = parameter("""
                Type: AWS::Route53::HostedZone::Id
                Default: Z45J1D2QQ43H93
                """, "Environment: {Variables: {ZONE: !Ref P}}\n");

        var function = Templates.read(yaml).function("Hello").orElseThrow();

        assertThat(function.environment()).containsEntry("ZONE", "Z45J1D2QQ43H93");
    }
}
