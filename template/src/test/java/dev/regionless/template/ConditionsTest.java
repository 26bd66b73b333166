package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConditionsTest {

    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Conditions:
              InLondon: !Equals [!Ref AWS::Region, eu-west-2]
              Elsewhere: !Not [!Condition InLondon]
            Resources:
              Local:
                Type: AWS::Serverless::Function
                Condition: InLondon
                Properties: {Handler: example.Local, Runtime: java21, CodeUri: local}
              Remote:
                Type: AWS::Serverless::Function
                Condition: Elsewhere
                Properties: {Handler: example.Remote, Runtime: java21, CodeUri: remote}
            """;

    @Test
    void resourceExistsOnlyWhereItsConditionIsTrue() {
        var london = Templates.read(TEMPLATE, TemplateContext.of("eu-west-2"));
        var oregon = Templates.read(TEMPLATE, TemplateContext.of("us-west-2"));

        assertThat(london.functions()).extracting(FunctionSpec::logicalId).containsExactly("Local");
        assertThat(oregon.functions()).extracting(FunctionSpec::logicalId).containsExactly("Remote");
    }

    @Test
    void conditionsCombineWithAndOrAndLongForms() {
        var yaml = TEMPLATE.replace(
                "Elsewhere: !Not [!Condition InLondon]",
                "Elsewhere: {\"Fn::And\": [{\"Fn::Not\": [{Condition: InLondon}]},"
                        + " !Or [!Equals [a, a], !Equals [a, b]]]}");

        var oregon = Templates.read(yaml, TemplateContext.of("us-west-2"));

        assertThat(oregon.functions()).extracting(FunctionSpec::logicalId).containsExactly("Remote");
    }

    @Test
    void referenceToAResourceThatDoesNotExistInTheRegionIsRejected() {
        var yaml = TEMPLATE + """
                  Caller:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Caller
                      Runtime: java21
                      CodeUri: caller
                      Environment: {Variables: {TARGET: !Ref Remote}}
                """;

        assertThatThrownBy(() -> Templates.read(yaml, TemplateContext.of("eu-west-2")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:20: Resources.Caller.Properties.Environment.Variables.TARGET: Remote does "
                        + "not exist in eu-west-2 because its condition Elsewhere is false");
    }

    @Test
    void undefinedConditionOnAResourceIsRejected() {
        var yaml = TEMPLATE.replace("Condition: InLondon", "Condition: InParis");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:8: Resources.Local.Condition: InParis is not defined in Conditions");
    }

    @Test
    void circularConditionsAreRejected() {
        var yaml = TEMPLATE.replace(
                "InLondon: !Equals [!Ref AWS::Region, eu-west-2]", "InLondon: !Not [!Condition Elsewhere]");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:4: Conditions.Elsewhere.Fn::Not[0]: circular condition: "
                        + "InLondon -> Elsewhere -> InLondon");
    }

    @Test
    void conditionThatIsNotAConditionFunctionIsRejected() {
        var yaml = TEMPLATE.replace("Elsewhere: !Not [!Condition InLondon]", "Elsewhere: !Ref AWS::Region");

        assertThatThrownBy(() -> Templates.read(yaml, TemplateContext.of("us-west-2")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:4: Conditions.Elsewhere: Ref "
                        + "(expected: a condition function: Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition)");
    }
}
