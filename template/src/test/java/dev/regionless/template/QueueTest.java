package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueTest {
    private static final String QUEUES = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: orders
                  VisibilityTimeout: 180
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt OrdersDlq.Arn
                    maxReceiveCount: 5
                  Tags:
                    - {Key: team, Value: shop}
              OrdersDlq:
                Type: AWS::SQS::Queue
                Properties:
                  MessageRetentionPeriod: 1209600
              Events:
                Type: AWS::SQS::Queue
                Properties:
                  FifoQueue: true
                  ContentBasedDeduplication: true
              Consumer:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: java21
                  Handler: example.Handler
                  CodeUri: app.jar
                  Environment:
                    Variables:
                      QUEUE_URL: !Ref Orders
                      DLQ_NAME: !GetAtt OrdersDlq.QueueName
                      EVENTS_URL: !GetAtt Events.QueueUrl
            """;

    @Test
    void queuePropertiesBecomeSqsAttributesAndRedrivePolicyNamesTheDeadLetterQueuesArn() {
        var application = Templates.read(QUEUES);

        var orders = application.queue("Orders").orElseThrow();
        var dlq = application.queue("OrdersDlq").orElseThrow();

        assertThat(dlq.queueName()).matches("regionless-OrdersDlq-[A-Z0-9]{12}");
        assertThat(orders.attributes())
                .containsEntry("VisibilityTimeout", "180")
                .containsEntry(
                        "RedrivePolicy",
                        "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-2:123456789012:" + dlq.queueName()
                                + "\",\"maxReceiveCount\":5}");
        assertThat(orders.deadLetterTargetArn()).endsWith(":" + dlq.queueName());
        assertThat(orders.tags()).isEqualTo(Map.of("team", "shop"));
        assertThat(dlq.attributes()).containsEntry("MessageRetentionPeriod", "1209600");
    }

    @Test
    void fifoQueueWithoutANameGetsAGeneratedFifoName() {
        var events = Templates.read(QUEUES).queue("Events").orElseThrow();

        assertThat(events.queueName()).endsWith(".fifo").hasSizeLessThanOrEqualTo(80);
        assertThat(events.attributes())
                .containsEntry("FifoQueue", "true")
                .containsEntry("ContentBasedDeduplication", "true");
    }

    @Test
    void refIsTheQueueUrlOnTheServicePortAndGetAttGivesNameAndUrl() {
        var context = TemplateContext.of("eu-west-2").withServiceEndpoint(URI.create("http://127.0.0.1:4566"));

        var application = Templates.read(QUEUES, context);
        var environment = application.function("Consumer").orElseThrow().environment();

        assertThat(environment.get("QUEUE_URL")).isEqualTo("http://127.0.0.1:4566/123456789012/orders");
        assertThat(environment.get("DLQ_NAME"))
                .isEqualTo(application.queue("OrdersDlq").orElseThrow().queueName());
        assertThat(environment.get("EVENTS_URL")).endsWith(".fifo").startsWith("http://127.0.0.1:4566/");
    }

    @Test
    void withoutAServiceEndpointRefIsTheAwsShapedUrl() {
        var environment =
                Templates.read(QUEUES).function("Consumer").orElseThrow().environment();

        assertThat(environment.get("QUEUE_URL")).isEqualTo("https://sqs.eu-west-2.amazonaws.com/123456789012/orders");
    }

    @Test
    void maxReceiveCountZeroIsRejectedAtItsLine() {
        var yaml = """
                Resources:
                  Dlq:
                    Type: AWS::SQS::Queue
                  Work:
                    Type: AWS::SQS::Queue
                    Properties:
                      RedrivePolicy:
                        deadLetterTargetArn: !GetAtt Dlq.Arn
                        maxReceiveCount: 0
                """;

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("template.yaml:9:")
                .hasMessageContaining("maxReceiveCount: 0 (expected: 1..1000)");
    }

    @Test
    void visibilityTimeoutOutOfRangeAndFifoOnlyPropertiesOnAStandardQueueAreRejected() {
        assertThatThrownBy(() -> Templates.read("""
                        Resources:
                          Work:
                            Type: AWS::SQS::Queue
                            Properties:
                              VisibilityTimeout: 50000
                        """))
                .hasMessageContaining("VisibilityTimeout: 50000 (expected: 0..43200)");
        assertThatThrownBy(() -> Templates.read("""
                        Resources:
                          Work:
                            Type: AWS::SQS::Queue
                            Properties:
                              ContentBasedDeduplication: true
                        """)).hasMessageContaining("is only for FIFO queues");
    }

    @Test
    void unknownAttributeIsRejectedAndUnknownGetAttNamesWhatExists() {
        assertThatThrownBy(() -> Templates.read("""
                        Resources:
                          Work:
                            Type: AWS::SQS::Queue
                            Properties:
                              Colour: blue
                        """)).hasMessageContaining("is not a property of AWS::SQS::Queue");
        assertThatThrownBy(() -> Templates.read("""
                        Transform: AWS::Serverless-2016-10-31
                        Resources:
                          Work:
                            Type: AWS::SQS::Queue
                          Fn:
                            Type: AWS::Serverless::Function
                            Properties:
                              Runtime: java21
                              Handler: a.B
                              CodeUri: app.jar
                              Environment:
                                Variables:
                                  X: !GetAtt Work.Url
                        """)).hasMessageContaining("expected: Arn, QueueName, QueueUrl");
    }
}
