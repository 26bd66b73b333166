package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DynamoDbEventTest {

    /** Function Hello with a DynamoDB event {@code Changes} with {@code properties} (from line 13), and table Messages. */
    private static String template(String properties) {
        return Templates.hello("""
                Events:
                  Changes:
                    Type: DynamoDB
                    Properties:
                """) + properties.stripIndent().indent(12) + """
                  Messages:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: messages
                      AttributeDefinitions: [{AttributeName: room, AttributeType: S}]
                      KeySchema: [{AttributeName: room, KeyType: HASH}]
                      BillingMode: PAY_PER_REQUEST
                      StreamSpecification: {StreamViewType: NEW_IMAGE}
                """;
    }

    private static StreamEventSpec changes(String properties) {
        var events = Templates.read(template(properties)).streamEvents();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static void assertRejected(String properties, String message) {
        assertThatThrownBy(() -> Templates.read(template(properties)))
                .isInstanceOf(TemplateException.class)
                .hasMessage(message);
    }

    @Test
    void getAttStreamArnBecomesAReferenceToTheTable() {
        var event = changes("""
                Stream: !GetAtt Messages.StreamArn
                StartingPosition: TRIM_HORIZON
                """);

        assertThat(event.functionLogicalId()).isEqualTo("Hello");
        assertThat(event.functionName()).isEqualTo("Hello");
        assertThat(event.eventName()).isEqualTo("Changes");
        assertThat(event.tableLogicalId()).isEqualTo("Messages");
        assertThat(event.tableName()).isEqualTo("messages");
        assertThat(event.startingPosition()).isEqualTo(StreamEventSpec.StartingPosition.TRIM_HORIZON);
    }

    @Test
    void getAttInListFormIsAcceptedToo() {
        var event = changes("""
                Stream: {"Fn::GetAtt": [Messages, StreamArn]}
                StartingPosition: LATEST
                """);

        assertThat(event.tableLogicalId()).isEqualTo("Messages");
    }

    @Test
    void batchSizeIs100WithoutBatchingWindowAndEnabledByDefault() {
        var event = changes("""
                Stream: !GetAtt Messages.StreamArn
                StartingPosition: LATEST
                """);

        assertThat(event.batchSize()).isEqualTo(100);
        assertThat(event.batchingWindowSeconds()).isZero();
        assertThat(event.enabled()).isTrue();
    }

    @Test
    void batchSizeBatchingWindowAndEnabledAreRead() {
        var event = changes("""
                Stream: !GetAtt Messages.StreamArn
                StartingPosition: LATEST
                BatchSize: 10
                MaximumBatchingWindowInSeconds: 5
                Enabled: false
                """);

        assertThat(event.batchSize()).isEqualTo(10);
        assertThat(event.batchingWindowSeconds()).isEqualTo(5);
        assertThat(event.enabled()).isFalse();
    }

    @Test
    void literalStreamArnOfADeclaredTableNamesThatTable() {
        var event = changes("""
                Stream: !Sub "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/messages/stream/2024-01-01T00:00:00.000"
                StartingPosition: LATEST
                """);

        assertThat(event.tableLogicalId()).isEqualTo("Messages");
        assertThat(event.tableName()).isEqualTo("messages");
    }

    @Test
    void literalStreamArnOfATableOutsideTheTemplateHasOnlyItsName() {
        var event = changes("""
                Stream: arn:aws:dynamodb:eu-west-2:123456789012:table/legacy/stream/2024-01-01T00:00:00.000
                StartingPosition: LATEST
                """);

        assertThat(event.tableLogicalId()).isNull();
        assertThat(event.tableName()).isEqualTo("legacy");
    }

    @Test
    void streamArnInAnotherRegionIsRejected() {
        assertRejected(
                """
                Stream: arn:aws:dynamodb:us-east-1:123456789012:table/legacy/stream/2024-01-01T00:00:00.000
                StartingPosition: LATEST
                """,
                "template.yaml:13: Resources.Hello.Properties.Events.Changes.Properties.Stream: is a stream in "
                        + "us-east-1 (expected: a stream in eu-west-2, where the function runs, such as !GetAtt "
                        + "Table.StreamArn)");
    }

    @Test
    void streamThatIsNoStreamArnIsRejected() {
        assertRejected(
                """
                Stream: !GetAtt Messages.Arn
                StartingPosition: LATEST
                """,
                "template.yaml:13: Resources.Hello.Properties.Events.Changes.Properties.Stream: "
                        + "arn:aws:dynamodb:eu-west-2:123456789012:table/messages (expected: !GetAtt Table.StreamArn, "
                        + "or a stream ARN such as arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL)");
    }

    @Test
    void tableWithoutStreamIsRejected() {
        var yaml = template("""
                Stream: !GetAtt Messages.StreamArn
                StartingPosition: LATEST
                """).replace("      StreamSpecification: {StreamViewType: NEW_IMAGE}\n", "");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:13: Resources.Hello.Properties.Events.Changes.Properties.Stream: "
                        + "Fn::GetAtt: Messages has no stream (expected: a table with a StreamSpecification)");
    }

    @Test
    void atTimestampIsRejectedBecauseDynamoDbStreamsHaveNoTimestamps() {
        assertRejected(
                """
                Stream: !GetAtt Messages.StreamArn
                StartingPosition: AT_TIMESTAMP
                """,
                "template.yaml:14: Resources.Hello.Properties.Events.Changes.Properties.StartingPosition: "
                        + "AT_TIMESTAMP is not supported for DynamoDB streams (expected: TRIM_HORIZON or LATEST)");
    }

    @Test
    void startingPositionIsRequiredAsInSam() {
        assertRejected(
                "Stream: !GetAtt Messages.StreamArn\n",
                "template.yaml:12: Resources.Hello.Properties.Events.Changes.Properties.StartingPosition: is missing "
                        + "(expected: TRIM_HORIZON or LATEST)");
    }

    @Test
    void batchSizeAboveTenThousandIsRejected() {
        assertRejected(
                """
                Stream: !GetAtt Messages.StreamArn
                StartingPosition: LATEST
                BatchSize: 10001
                """,
                "template.yaml:15: Resources.Hello.Properties.Events.Changes.Properties.BatchSize: 10001 (expected: "
                        + "1..10000)");
    }

    @Test
    void filterCriteriaAreWarnedAboutAsNotApplied() {
        var app = Templates.read(template("""
                Stream: !GetAtt Messages.StreamArn
                StartingPosition: LATEST
                FilterCriteria: {Filters: [{Pattern: '{"eventName": ["INSERT"]}'}]}
                """));

        assertThat(app.streamEvents()).hasSize(1);
        assertThat(app.warnings())
                .containsExactly(
                        "template.yaml:15: Resources.Hello.Properties.Events.Changes.Properties.FilterCriteria:"
                                + " is ignored (records are not filtered yet; the function gets every record)");
    }

    @Test
    void errorHandlingDefaultsToRetryingUntilTheRecordsExpire() {
        var event = changes("""
                Stream: !GetAtt Messages.StreamArn
                StartingPosition: LATEST
                """);

        assertThat(event.parallelizationFactor()).isEqualTo(1);
        assertThat(event.errors()).isEqualTo(StreamEventSpec.ErrorHandling.DEFAULTS);
    }

    @Test
    void errorHandlingSettingsAreRead() {
        var event = changes("""
                Stream: !GetAtt Messages.StreamArn
                StartingPosition: LATEST
                ParallelizationFactor: 4
                BisectBatchOnFunctionError: true
                MaximumRetryAttempts: 2
                MaximumRecordAgeInSeconds: 3600
                FunctionResponseTypes: [ReportBatchItemFailures]
                DestinationConfig:
                  OnFailure:
                    Destination: !GetAtt Hello.Arn
                """);

        assertThat(event.parallelizationFactor()).isEqualTo(4);
        assertThat(event.errors())
                .isEqualTo(new StreamEventSpec.ErrorHandling(
                        true, 2, 3600, true, "arn:aws:lambda:eu-west-2:123456789012:function:Hello"));
    }

    @Test
    void aRecordAgeUnderAMinuteIsRejected() {
        assertRejected(
                """
                Stream: !GetAtt Messages.StreamArn
                StartingPosition: LATEST
                MaximumRecordAgeInSeconds: 30
                """,
                "template.yaml:15: Resources.Hello.Properties.Events.Changes.Properties.MaximumRecordAgeInSeconds: 30"
                        + " (expected: -1 for infinite, or 60..604800)");
    }

    @Test
    void retryAttemptsOutsideLambdasRangeAreRejected() {
        assertRejected(
                """
                Stream: !GetAtt Messages.StreamArn
                StartingPosition: LATEST
                MaximumRetryAttempts: 10001
                """,
                "template.yaml:15: Resources.Hello.Properties.Events.Changes.Properties.MaximumRetryAttempts: 10001"
                        + " (expected: -1..10000)");
    }

    @Test
    void aQueueArnIsReadAsTheOnFailureDestination() {
        var event = changes("""
                Stream: !GetAtt Messages.StreamArn
                StartingPosition: LATEST
                DestinationConfig:
                  OnFailure:
                    Type: SQS
                    Destination: arn:aws:sqs:eu-west-2:123456789012:failures
                """);

        assertThat(event.errors().onFailureDestination()).isEqualTo("arn:aws:sqs:eu-west-2:123456789012:failures");
    }

    @Test
    void aTopicArnIsReadAsTheOnFailureDestination() {
        var event = changes("""
                Stream: !GetAtt Messages.StreamArn
                StartingPosition: LATEST
                DestinationConfig:
                  OnFailure:
                    Type: SNS
                    Destination: arn:aws:sns:eu-west-2:123456789012:failures
                """);

        assertThat(event.errors().onFailureDestination()).isEqualTo("arn:aws:sns:eu-west-2:123456789012:failures");
    }

    @Test
    void aQueueArnWithTypeSnsIsRejected() {
        assertRejected(
                """
                Stream: !GetAtt Messages.StreamArn
                StartingPosition: LATEST
                DestinationConfig:
                  OnFailure:
                    Type: SNS
                    Destination: arn:aws:sqs:eu-west-2:123456789012:failures
                """,
                "template.yaml:18: Resources.Hello.Properties.Events.Changes.Properties.DestinationConfig.OnFailure"
                        + ".Destination: arn:aws:sqs:eu-west-2:123456789012:failures (expected: a topic ARN such as"
                        + " !Ref Topic)");
    }

    @Test
    void aFunctionArnWithTypeSqsIsRejected() {
        assertRejected(
                """
                Stream: !GetAtt Messages.StreamArn
                StartingPosition: LATEST
                DestinationConfig:
                  OnFailure:
                    Type: SQS
                    Destination: !GetAtt Hello.Arn
                """,
                "template.yaml:18: Resources.Hello.Properties.Events.Changes.Properties.DestinationConfig.OnFailure"
                        + ".Destination: arn:aws:lambda:eu-west-2:123456789012:function:Hello (expected: a queue ARN"
                        + " such as !GetAtt Queue.Arn)");
    }

    @Test
    void anUnknownFunctionResponseTypeIsRejected() {
        assertRejected(
                """
                Stream: !GetAtt Messages.StreamArn
                StartingPosition: LATEST
                FunctionResponseTypes: [ReportItemFailures]
                """,
                "template.yaml:15: Resources.Hello.Properties.Events.Changes.Properties.FunctionResponseTypes[0]:"
                        + " ReportItemFailures (expected: ReportBatchItemFailures, the only response type)");
    }

    @Test
    void eventOnATableWhoseConditionIsFalseIsRejected() {
        var yaml = "Conditions:\n  Never: !Equals [a, b]\n"
                + template("""
                        Stream: !GetAtt Messages.StreamArn
                        StartingPosition: LATEST
                        """)
                        .replace(
                                "    Type: AWS::DynamoDB::Table\n",
                                "    Type: AWS::DynamoDB::Table\n    Condition: Never\n");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:15: Resources.Hello.Properties.Events.Changes.Properties.Stream: Messages "
                        + "does not exist in eu-west-2 because its condition Never is false");
    }
}
