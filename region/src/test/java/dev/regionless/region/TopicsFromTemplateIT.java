package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topics declared in a template: created on deploy with their subscriptions (a topic's {@code Subscription} list, an
 * {@code AWS::SNS::Subscription} with a filter policy, a function's {@code SNS} event), {@code !Ref} giving the
 * topic's ARN, and kept with their subscriptions when the template is deployed again.
 */
class TopicsFromTemplateIT {
    private static final String RESOURCES = """
            Orders:
              Type: AWS::SNS::Topic
              Properties:
                TopicName: orders
                DisplayName: Orders
                Subscription:
                  - Protocol: sqs
                    Endpoint: !GetAtt Audit.Arn
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
            Recorder:
              Type: AWS::Serverless::Function
              Properties:
                FunctionName: Recorder
                Environment:
                  Variables:
                    RECEIVED_TABLE: received
                    TOPIC_ARN: !Ref Orders
                Events:
                  OnOrder:
                    Type: SNS
                    Properties:
                      Topic: !Ref Orders
            """;

    @TempDir
    Path folder;

    TopicFixture fixture;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aTemplatesTopicFansOutToItsQueuesAndFunction() {
        fixture = new TopicFixture(folder, RESOURCES);
        var topic = TopicFixture.topicArn("orders");
        var audit = fixture.sqs.getQueueUrl(b -> b.queueName("audit")).queueUrl();
        var books = fixture.sqs.getQueueUrl(b -> b.queueName("books")).queueUrl();

        var book = fixture.sns.publish(
                b -> b.topicArn(topic).message("a book").messageAttributes(Map.of("kind", TopicsIT.string("book"))));
        // One cold start at a time: two at once can outlive the 10 s init limit on a loaded machine.
        fixture.awaitRecorded("Recorder", book.messageId());
        var film = fixture.sns.publish(
                b -> b.topicArn(topic).message("a film").messageAttributes(Map.of("kind", TopicsIT.string("film"))));

        var audited = new ArrayList<String>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            fixture.receive(audit)
                    .forEach(m ->
                            audited.add(TopicsIT.parse(m.body()).get("Message").asText()));
            return audited.size() >= 2;
        });
        assertThat(audited).containsExactlyInAnyOrder("a book", "a film");
        var booksReceived = new ArrayList<String>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            fixture.receive(books).forEach(m -> booksReceived.add(m.body()));
            return !booksReceived.isEmpty();
        });
        assertThat(booksReceived).containsExactly("a book");
        fixture.awaitRecorded("Recorder", film.messageId());
        assertThat(fixture.recorded().get(film.messageId()))
                .containsEntry("message", "a film")
                .containsEntry("topicArn", topic);
        assertThat(fixture.region()
                        .functions()
                        .function("Recorder")
                        .orElseThrow()
                        .config()
                        .environment())
                .containsEntry("TOPIC_ARN", topic);
        assertThat(fixture.sns.getTopicAttributes(b -> b.topicArn(topic)).attributes())
                .containsEntry("DisplayName", "Orders")
                .containsEntry("SubscriptionsConfirmed", "3");
    }

    @Test
    void deployingAgainKeepsEachSubscriptionOnceAndAppliesChangedAttributes() {
        fixture = new TopicFixture(folder, RESOURCES);
        var topic = TopicFixture.topicArn("orders");
        var before =
                fixture.sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions();

        var changed = fixture.template
                .replace("DisplayName: Orders", "DisplayName: All orders")
                .replace("kind: [book]", "kind: [book, e-book]");
        fixture.regions.deploy(TestApps.template(folder, changed), Map.of());

        var after = fixture.sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions();
        assertThat(after).hasSize(3);
        assertThat(after)
                .extracting(s -> s.subscriptionArn())
                .containsExactlyInAnyOrderElementsOf(
                        before.stream().map(s -> s.subscriptionArn()).toList());
        var booksSubscription = after.stream()
                .filter(s -> s.endpoint().equals(TopicFixture.queueArn("books")))
                .findFirst()
                .orElseThrow();
        assertThat(fixture.sns
                        .getSubscriptionAttributes(b -> b.subscriptionArn(booksSubscription.subscriptionArn()))
                        .attributes())
                .containsEntry("FilterPolicy", "{\"kind\":[\"book\",\"e-book\"]}")
                .containsEntry("RawMessageDelivery", "true");
        assertThat(fixture.sns.getTopicAttributes(b -> b.topicArn(topic)).attributes())
                .containsEntry("DisplayName", "All orders");
    }
}
