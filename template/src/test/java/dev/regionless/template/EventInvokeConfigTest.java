package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Asynchronous invocation settings in templates: SAM's {@code EventInvokeConfig} and {@code DeadLetterQueue}, and
 * {@code AWS::Lambda::EventInvokeConfig}, with Lambda's ranges and the destinations Regionless can deliver to.
 */
class EventInvokeConfigTest {
    private static final String FAILED = "arn:aws:sqs:eu-west-2:123456789012:failed";

    @Test
    void samEventInvokeConfigAndDeadLetterQueueBecomeOneSpecOfTheFunction() {
        var application = Templates.read(Templates.hello("""
                EventInvokeConfig:
                  MaximumRetryAttempts: 1
                  MaximumEventAgeInSeconds: 600
                  DestinationConfig:
                    OnSuccess: {Type: Lambda, Destination: arn:aws:lambda:eu-west-2:123456789012:function:Next}
                    OnFailure: {Type: SQS, Destination: %s}
                DeadLetterQueue:
                  Type: SQS
                  TargetArn: arn:aws:sqs:eu-west-2:123456789012:dead
                """.formatted(FAILED)));

        assertThat(application.eventInvokeConfigs())
                .containsExactly(new EventInvokeSpec(
                        "Hello",
                        "Hello",
                        1,
                        600,
                        "arn:aws:lambda:eu-west-2:123456789012:function:Next",
                        FAILED,
                        "arn:aws:sqs:eu-west-2:123456789012:dead"));
        assertThat(application.warnings()).isEmpty();
    }

    @Test
    void anEventInvokeConfigResourceSetsTheSettingsOfTheFunctionItNames() {
        var application = Templates.read(Templates.hello("") + """
                  HelloAsync:
                    Type: AWS::Lambda::EventInvokeConfig
                    Properties:
                      FunctionName: !Ref Hello
                      Qualifier: $LATEST
                      MaximumRetryAttempts: 0
                      DestinationConfig:
                        OnFailure:
                          Destination: %s
                """.formatted(FAILED));

        assertThat(application.eventInvokeConfigs())
                .containsExactly(new EventInvokeSpec("HelloAsync", "Hello", 0, null, null, FAILED, null));
    }

    @Test
    void valuesOutsideLambdasRangesAreRejectedAtTheirLine() {
        assertThatThrownBy(() -> Templates.read(Templates.hello("""
                        EventInvokeConfig:
                          MaximumRetryAttempts: 3
                        """)))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("template.yaml:10:")
                .hasMessageContaining("(expected: 0..2)");
        assertThatThrownBy(() -> Templates.read(Templates.hello("""
                        EventInvokeConfig:
                          MaximumEventAgeInSeconds: 30
                        """)))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("(expected: 60..21600)");
    }

    @Test
    void eventBusDestinationsAndVersionQualifiersAreRefusedWithWhatToWriteInstead() {
        assertThatThrownBy(() -> Templates.read(Templates.hello("""
                        EventInvokeConfig:
                          DestinationConfig:
                            OnFailure: {Type: EventBridge, Destination: arn:aws:events:eu-west-2:123456789012:bus}
                        """)))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("EventBridge destinations are not supported by Regionless (expected: Type SQS,"
                        + " SNS or Lambda");
        assertThatThrownBy(() -> Templates.read(Templates.hello("") + """
                          HelloAsync:
                            Type: AWS::Lambda::EventInvokeConfig
                            Properties:
                              FunctionName: !Ref Hello
                              Qualifier: live
                        """))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("$LATEST; versions and aliases are not modelled");
    }

    @Test
    void settingsForAFunctionTheTemplateDoesNotHaveOrTwiceForOneFunctionAreRejected() {
        assertThatThrownBy(() -> Templates.read(Templates.hello("") + """
                          Orphan:
                            Type: AWS::Lambda::EventInvokeConfig
                            Properties:
                              FunctionName: Nobody
                              Qualifier: $LATEST
                        """))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Nobody is not a function of this template in this region");
        assertThatThrownBy(() -> Templates.read(Templates.hello("""
                        EventInvokeConfig:
                          MaximumRetryAttempts: 1
                        """) + """
                          HelloAsync:
                            Type: AWS::Lambda::EventInvokeConfig
                            Properties:
                              FunctionName: !Ref Hello
                              Qualifier: $LATEST
                        """))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("function Hello already has asynchronous invocation settings");
    }

    @Test
    void aTopicCanBeADestinationAndADeadLetterQueue() {
        var topic = "arn:aws:sns:eu-west-2:123456789012:alerts";
        var application = Templates.read(Templates.hello("""
                EventInvokeConfig:
                  DestinationConfig:
                    OnFailure: {Type: SNS, Destination: %s}
                DeadLetterQueue: {Type: SNS, TargetArn: %s}
                """.formatted(topic, topic)));

        assertThat(application.eventInvokeConfigs())
                .containsExactly(new EventInvokeSpec("Hello", "Hello", null, null, null, topic, topic));
    }
}
