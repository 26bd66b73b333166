package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourceTypesTest {

    @Test
    void unsupportedResourceTypeIsRejectedAtItsType() {
        var yaml = Templates.hello("") + """
                  Messages:
                    Type: AWS::StepFunctions::StateMachine
                    Properties: {StateMachineName: messages}
                """;

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:10: Resources.Messages.Type: AWS::StepFunctions::StateMachine is not "
                        + "supported yet");
    }

    @Test
    void harmlessResourceTypesAreWarnedAboutAndNotCreated() {
        var yaml = Templates.hello("") + """
                  HelloRole:
                    Type: AWS::IAM::Role
                    Properties: {AssumeRolePolicyDocument: {}}
                  HelloLogs:
                    Type: AWS::Logs::LogGroup
                """;

        var app = Templates.read(yaml);

        assertThat(app.functions()).hasSize(1);
        assertThat(app.warnings())
                .containsExactly(
                        "template.yaml:10: Resources.HelloRole.Type: AWS::IAM::Role is ignored "
                                + "(Regionless does not enforce IAM)",
                        "template.yaml:13: Resources.HelloLogs.Type: AWS::Logs::LogGroup is ignored "
                                + "(Regionless keeps its own logs)");
    }

    @Test
    void refAndGetAttOfAnIgnoredResourceGiveAwsShapedValues() {
        var yaml = Templates.hello("""
                Environment:
                  Variables:
                    ROLE: !Ref AppRole
                    ROLE_ARN: !GetAtt AppRole.Arn
                    LOGS: !GetAtt AppLogs.Arn
                """) + """
                  AppRole:
                    Type: AWS::IAM::Role
                    Properties: {RoleName: !Sub "${AWS::StackName}-app"}
                  AppLogs:
                    Type: AWS::Logs::LogGroup
                    Properties: {LogGroupName: /app/logs}
                """;

        var function = Templates.read(yaml).function("Hello").orElseThrow();

        assertThat(function.environment())
                .containsEntry("ROLE", "regionless-app")
                .containsEntry("ROLE_ARN", "arn:aws:iam::123456789012:role/regionless-app")
                .containsEntry("LOGS", "arn:aws:logs:eu-west-2:123456789012:log-group:/app/logs:*");
    }

    @Test
    void ignoredResourceWithoutANameGetsAGeneratedOne() {
        var yaml = Templates.hello("""
                Environment: {Variables: {ROLE: !Ref AppRole}}
                """) + """
                  AppRole:
                    Type: AWS::IAM::Role
                """;

        var function = Templates.read(yaml).function("Hello").orElseThrow();

        assertThat(function.environment().get("ROLE")).matches("regionless-AppRole-[A-Z0-9]{12}");
    }

    @Test
    void dependsOnAResourceThatIsNotDeclaredIsRejected() {
        var yaml = Templates.hello("")
                .replace(
                        "    Type: AWS::Serverless::Function\n",
                        "    Type: AWS::Serverless::Function\n    DependsOn: [Table]\n");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:5: Resources.Hello.DependsOn: Table is not a resource of this template");
    }

    @Test
    void unknownResourceAttributeIsRejected() {
        var yaml = Templates.hello("")
                .replace(
                        "    Type: AWS::Serverless::Function\n",
                        "    Type: AWS::Serverless::Function\n    Propertes: {}\n");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml:5: Resources.Hello.Propertes: is not a resource attribute");
    }

    @Test
    void resourceWithoutTypeIsRejected() {
        var yaml = """
                Resources:
                  Hello:
                    Properties: {}
                """;

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:2: Resources.Hello.Type: is missing (expected: a resource type)");
    }

    @Test
    void logicalIdSharedWithAParameterIsRejected() {
        var yaml = Templates.hello("")
                .replace("Resources:", "Parameters:\n  Hello: {Type: String, Default: x}\nResources:");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:5: Resources.Hello: is also the name of a parameter "
                        + "(expected: a unique logical id)");
    }

    @Test
    void resourcesOtherThanFunctionsAreReadWithoutTheSamTransform() {
        var yaml = """
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                """;

        var app = Templates.read(yaml);

        assertThat(app.functions()).isEmpty();
        assertThat(app.warnings()).hasSize(1);
    }
}
