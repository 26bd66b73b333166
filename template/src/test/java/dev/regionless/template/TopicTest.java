package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicTest {
    private static final String TOPICS = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: orders
                  DisplayName: Orders
                  Subscription:
                    - Protocol: sqs
                      Endpoint: !GetAtt Audit.Arn
                  Tags:
                    - {Key: team, Value: shop}
              Ordered:
                Type: AWS::SNS::Topic
                Properties:
                  FifoTopic: true
                  ContentBasedDeduplication: true
              Audit:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: audit
              Books:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: books
              BooksSubscription:
                Type: AWS::SNS::Subscription
                Properties:
                  TopicArn: !Ref Orders
                  Protocol: sqs
                  Endpoint: !GetAtt Books.Arn
                  RawMessageDelivery: true
                  FilterPolicy:
                    kind: [book]
                    price: [{numeric: ["<", 100]}]
              Consumer:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: java21
                  Handler: example.Handler
                  CodeUri: app.jar
                  Environment:
                    Variables:
                      TOPIC_ARN: !Ref Orders
                      TOPIC_NAME: !GetAtt Ordered.TopicName
                  EventInvokeConfig:
                    DestinationConfig:
                      OnFailure: {Type: SQS, Destination: !GetAtt Audit.Arn}
                  Events:
                    OnOrder:
                      Type: SNS
                      Properties:
                        Topic: !Ref Orders
                        FilterPolicy: '{"kind": ["film"]}'
            """;

    @Test
    void topicPropertiesBecomeSnsAttributesAndRefIsTheTopicsArn() {
        var application = Templates.read(TOPICS);

        var orders = application.topic("Orders").orElseThrow();
        var ordered = application.topic("Ordered").orElseThrow();
        var environment = application.function("Consumer").orElseThrow().environment();

        assertThat(orders.topicName()).isEqualTo("orders");
        assertThat(orders.attributes()).isEqualTo(Map.of("DisplayName", "Orders"));
        assertThat(orders.tags()).isEqualTo(Map.of("team", "shop"));
        assertThat(ordered.topicName()).matches("regionless-Ordered-[A-Z0-9]{12}\\.fifo");
        assertThat(ordered.attributes()).isEqualTo(Map.of("FifoTopic", "true", "ContentBasedDeduplication", "true"));
        assertThat(environment)
                .containsEntry("TOPIC_ARN", "arn:aws:sns:eu-west-2:123456789012:orders")
                .containsEntry("TOPIC_NAME", ordered.topicName());
    }

    @Test
    void subscriptionsComeFromTheTopicsListSubscriptionResourcesAndSnsEvents() {
        var subscriptions = Templates.read(TOPICS).subscriptions();

        assertThat(subscriptions)
                .containsExactly(
                        new SubscriptionSpec(
                                "Orders.Subscription[0]",
                                "arn:aws:sns:eu-west-2:123456789012:orders",
                                "sqs",
                                "arn:aws:sqs:eu-west-2:123456789012:audit",
                                Map.of()),
                        new SubscriptionSpec(
                                "BooksSubscription",
                                "arn:aws:sns:eu-west-2:123456789012:orders",
                                "sqs",
                                "arn:aws:sqs:eu-west-2:123456789012:books",
                                Map.of(
                                        "RawMessageDelivery",
                                        "true",
                                        "FilterPolicy",
                                        "{\"kind\":[\"book\"],\"price\":[{\"numeric\":[\"<\",100]}]}")),
                        new SubscriptionSpec(
                                "Consumer.Events.OnOrder",
                                "arn:aws:sns:eu-west-2:123456789012:orders",
                                "lambda",
                                "arn:aws:lambda:eu-west-2:123456789012:function:Consumer",
                                Map.of("FilterPolicy", "{\"kind\": [\"film\"]}")));
    }

    @Test
    void aFunctionWithAnSnsEventAndNoFailureDestinationIsWarnedAbout() {
        var application = Templates.read(Templates.hello("""
                Events:
                  OnOrder:
                    Type: SNS
                    Properties:
                      Topic: arn:aws:sns:eu-west-2:123456789012:orders
                """));

        assertThat(application.warnings())
                .singleElement()
                .asString()
                .contains("is invoked asynchronously (events OnOrder) and has no failure destination");
    }

    @Test
    void aProtocolOtherThanSqsOrLambdaIsRejectedAtItsLine() {
        assertThatThrownBy(() -> Templates.read("""
                        Resources:
                          Alerts:
                            Type: AWS::SNS::Topic
                            Properties:
                              Subscription:
                                - Protocol: email
                                  Endpoint: ops@example.com
                        """))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:6: Resources.Alerts.Properties.Subscription[0].Protocol: email (expected:"
                        + " sqs or lambda; Regionless delivers to queues and functions only)");
    }

    @Test
    void aFifoNameOnAStandardTopicIsRejected() {
        assertThatThrownBy(() -> Templates.read("""
                        Resources:
                          Alerts:
                            Type: AWS::SNS::Topic
                            Properties:
                              TopicName: alerts.fifo
                        """))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("alerts.fifo (expected: FifoTopic: true for a name ending .fifo)");
    }

    @Test
    void anSqsSubscriptionOnAnSnsEventIsNotSupported() {
        assertThatThrownBy(() -> Templates.read(Templates.hello("""
                        Events:
                          OnOrder:
                            Type: SNS
                            Properties:
                              Topic: arn:aws:sns:eu-west-2:123456789012:orders
                              SqsSubscription: true
                        """)))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("SqsSubscription: is not supported by Regionless");
    }
}
