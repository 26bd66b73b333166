package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The deploy-time advice the reader adds to a template's warnings. */
class TemplateLintTest {

    private static java.util.List<String> lint(String extra) {
        return Templates.read(Templates.hello(extra)).warnings();
    }

    @Test
    void aFunctionBehindAnHttpApiWithALongerTimeoutThanTheGatewayIsWarnedAbout() {
        var warnings = lint("""
                Timeout: 60
                Events:
                  Get:
                    Type: HttpApi
                    Properties: {Path: /slow, Method: GET}
                """);

        assertThat(warnings)
                .containsExactly("template.yaml:9: Resources.Hello.Properties.Timeout: Timeout 60 s is longer than the"
                        + " 30 s integration timeout of HTTP API ServerlessHttpApi (GET /slow): callers get 503 Service"
                        + " Unavailable while the function runs on (expected: a Timeout of at most 30 s, or"
                        + " asynchronous work behind the API)");
    }

    @Test
    void restApisWaitTwentyNineSeconds() {
        var fits = lint("""
                Timeout: 29
                Events:
                  Get:
                    Type: Api
                    Properties: {Path: /fine, Method: GET}
                """);
        var tooLong = lint("""
                Timeout: 30
                Events:
                  Get:
                    Type: Api
                    Properties: {Path: /slow, Method: GET}
                """);

        assertThat(fits).isEmpty();
        assertThat(tooLong)
                .singleElement()
                .asString()
                .contains("longer than the 29 s integration timeout of REST API"
                        + " ServerlessRestApi (GET /slow): callers get 504 Endpoint request timed out");
    }

    @Test
    void aTimeoutFromGlobalsIsWarnedAboutWhereItIsWritten() {
        var yaml = "Globals:\n  Function:\n    Timeout: 45\n" + Templates.hello("""
                        Events:
                          Get:
                            Type: HttpApi
                            Properties: {Path: /slow, Method: GET}
                        """);

        assertThat(Templates.read(yaml).warnings())
                .singleElement()
                .asString()
                .startsWith("template.yaml:3: Globals.Function.Timeout: Timeout 45 s");
    }

    @Test
    void aScheduledFunctionWithoutFailureDestinationIsWarnedAbout() {
        var warnings = lint("""
                Events:
                  Tick:
                    Type: Schedule
                    Properties: {Schedule: rate(5 minutes)}
                """);

        assertThat(warnings)
                .containsExactly("template.yaml:3: Resources.Hello: is invoked asynchronously (events Tick) and has no"
                        + " failure destination: an event that still fails after Lambda's retries is dropped (expected:"
                        + " EventInvokeConfig.DestinationConfig.OnFailure, DeadLetterQueue or an AWS::Lambda::EventInvokeConfig"
                        + " with an OnFailure destination)");
    }

    @Test
    void aScheduledFunctionWithAnOnFailureDestinationIsNotWarnedAboutItsDestination() {
        var warnings = lint("""
                EventInvokeConfig:
                  DestinationConfig:
                    OnFailure: {Type: SQS, Destination: arn:aws:sqs:eu-west-2:123456789012:failed}
                Events:
                  Tick:
                    Type: Schedule
                    Properties: {Schedule: rate(5 minutes)}
                """);

        assertThat(warnings).noneMatch(warning -> warning.contains("no failure destination"));
    }

    @Test
    void aStreamEventThatDiscardsRecordsWithoutDestinationIsWarnedAbout() {
        var yaml = Templates.hello("""
                Events:
                  Changes:
                    Type: DynamoDB
                    Properties:
                      Stream: !GetAtt Messages.StreamArn
                      StartingPosition: LATEST
                      MaximumRetryAttempts: 3
                """) + """
                  Messages:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      BillingMode: PAY_PER_REQUEST
                      StreamSpecification: {StreamViewType: NEW_IMAGE}
                """;

        assertThat(Templates.read(yaml).warnings())
                .singleElement()
                .asString()
                .contains("Resources.Hello.Properties.Events.Changes: discards records after MaximumRetryAttempts");
    }

    @Test
    void anEventInvokeConfigResourceWithAnOnFailureDestinationSatisfiesTheAsyncRule() {
        var yaml = Templates.hello("""
                Events:
                  Tick:
                    Type: Schedule
                    Properties: {Schedule: rate(5 minutes)}
                """) + """
                  HelloAsync:
                    Type: AWS::Lambda::EventInvokeConfig
                    Properties:
                      FunctionName: !Ref Hello
                      Qualifier: $LATEST
                      DestinationConfig:
                        OnFailure: {Destination: arn:aws:sqs:eu-west-2:123456789012:failed}
                """;

        assertThat(Templates.read(yaml).warnings()).noneMatch(warning -> warning.contains("no failure destination"));
    }

    @Test
    void anEventInvokeConfigWithOnlyRetrySettingsStillLeavesFailedEventsNowhereToGo() {
        var warnings = lint("""
                EventInvokeConfig:
                  MaximumRetryAttempts: 0
                Events:
                  Tick:
                    Type: Schedule
                    Properties: {Schedule: rate(5 minutes)}
                """);

        assertThat(warnings).anyMatch(warning -> warning.contains("no failure destination"));
    }

    @Test
    void aDeadLetterQueueSatisfiesTheAsyncRule() {
        var warnings = lint("""
                DeadLetterQueue: {Type: SQS, TargetArn: arn:aws:sqs:eu-west-2:123456789012:dead}
                Events:
                  Tick:
                    Type: Schedule
                    Properties: {Schedule: rate(5 minutes)}
                """);

        assertThat(warnings).noneMatch(warning -> warning.contains("no failure destination"));
    }

    /** Hello, with {@code Timeout: 10}, fed by queue Jobs whose properties are {@code queue}. */
    private static java.util.List<String> queueLint(String queue) {
        return Templates.read(Templates.hello("""
                        Timeout: 10
                        Events:
                          Jobs:
                            Type: SQS
                            Properties: {Queue: !GetAtt Jobs.Arn}
                        """) + """
                          Jobs:
                            Type: AWS::SQS::Queue
                            Properties:
                        """ + queue.stripIndent().indent(6))
                .warnings();
    }

    @Test
    void aQueueWhoseVisibilityTimeoutIsUnderSixFunctionTimeoutsIsWarnedAbout() {
        var warnings = queueLint("""
                QueueName: jobs
                VisibilityTimeout: 59
                """);

        assertThat(warnings)
                .containsExactly("template.yaml:11: Resources.Hello.Properties.Events.Jobs: queue Jobs has a"
                        + " VisibilityTimeout of 59 s, less than six times the 10 s Timeout of Hello: a message can"
                        + " reappear and be processed again while its batch is still running or being retried"
                        + " (expected: a VisibilityTimeout of at least 60 s)");
    }

    @Test
    void aQueueWithSqssDefaultVisibilityTimeoutIsCheckedTooAndSixTimeoutsFit() {
        var defaults = queueLint("""
                QueueName: jobs
                """);
        var fits = queueLint("""
                QueueName: jobs
                VisibilityTimeout: 60
                """);

        assertThat(defaults).singleElement().asString().contains("VisibilityTimeout of 30 s");
        assertThat(fits).isEmpty();
    }
}
