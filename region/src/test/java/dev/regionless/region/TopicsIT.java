package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.Tag;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Topics through {@code SnsClient}, delivering to queues read with {@code SqsClient} and to a function
 * ({@code SnsRecorder}, which takes Lambda's typed {@code SNSEvent}): fan-out, raw delivery, batches, filter
 * policies, FIFO order and deduplication, and deliveries that wait for a subscriber that is not there yet.
 */
class TopicsIT {
    private static final String RECORDER = """
            Recorder:
              Type: AWS::Serverless::Function
              Properties:
                FunctionName: Recorder
            """;

    @TempDir
    Path folder;

    TopicFixture fixture;

    @BeforeEach
    void start() {
        fixture = new TopicFixture(folder, RECORDER);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aMessageFansOutToTwoQueuesAsTheEnvelopeAndToAFunctionAsAnSnsEvent() {
        var topic = fixture.sns.createTopic(b -> b.name("orders")).topicArn();
        var first = fixture.queue("orders-first", Map.of());
        var second = fixture.queue("orders-second", Map.of());
        fixture.sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(TopicFixture.queueArn("orders-first")));
        fixture.sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(TopicFixture.queueArn("orders-second")));
        var lambda = fixture.sns
                .subscribe(b -> b.topicArn(topic).protocol("lambda").endpoint(TopicFixture.functionArn("Recorder")))
                .subscriptionArn();

        var published = fixture.sns.publish(b -> b.topicArn(topic)
                .subject("New order")
                .message("order 42")
                .messageAttributes(Map.of("kind", string("book"))));

        var envelopes = List.of(
                parse(receiveOne(first).body()), parse(receiveOne(second).body()));
        for (var envelope : envelopes) {
            assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
            assertThat(envelope.get("MessageId").asText()).isEqualTo(published.messageId());
            assertThat(envelope.get("TopicArn").asText()).isEqualTo(topic);
            assertThat(envelope.get("Subject").asText()).isEqualTo("New order");
            assertThat(envelope.get("Message").asText()).isEqualTo("order 42");
            assertThat(envelope.get("Timestamp").asText()).isEqualTo("2026-03-01T10:00:00.000Z");
            assertThat(envelope.get("SignatureVersion").asText()).isEqualTo("1");
            assertThat(envelope.get("Signature").asText()).isNotEmpty();
            assertThat(envelope.get("SigningCertURL").asText()).isNotEmpty();
            assertThat(envelope.get("UnsubscribeURL").asText()).contains("Action=Unsubscribe&SubscriptionArn=");
            assertThat(envelope.at("/MessageAttributes/kind/Type").asText()).isEqualTo("String");
            assertThat(envelope.at("/MessageAttributes/kind/Value").asText()).isEqualTo("book");
        }
        fixture.awaitRecorded("Recorder", published.messageId());
        var record = fixture.recorded().get(published.messageId());
        assertThat(record)
                .containsEntry("eventSource", "aws:sns")
                .containsEntry("subscriptionArn", lambda)
                .containsEntry("topicArn", topic)
                .containsEntry("type", "Notification")
                .containsEntry("subject", "New order")
                .containsEntry("message", "order 42")
                .containsEntry("attributes", "kind=String:book");
        assertThat(record.get("timestamp")).startsWith("2026-03-01T10:00:00.000");
    }

    @Test
    void rawMessageDeliveryGivesTheQueueTheMessageItselfWithItsAttributes() {
        var topic = fixture.sns.createTopic(b -> b.name("raw")).topicArn();
        var queue = fixture.queue("raw-queue", Map.of());
        fixture.sns.subscribe(b -> b.topicArn(topic)
                .protocol("sqs")
                .endpoint(TopicFixture.queueArn("raw-queue"))
                .attributes(Map.of("RawMessageDelivery", "true")));

        fixture.sns.publish(b -> b.topicArn(topic)
                .message("{\"order\":42}")
                .messageAttributes(Map.of(
                        "kind",
                        string("book"),
                        "count",
                        MessageAttributeValue.builder()
                                .dataType("Number")
                                .stringValue("3")
                                .build())));

        var message = receiveOne(queue);
        assertThat(message.body()).isEqualTo("{\"order\":42}");
        assertThat(message.messageAttributes().get("kind").stringValue()).isEqualTo("book");
        assertThat(message.messageAttributes().get("count").dataType()).isEqualTo("Number");
        assertThat(message.messageAttributes().get("count").stringValue()).isEqualTo("3");
    }

    @Test
    void publishBatchDeliversTheGoodEntriesAndReportsTheBadOne() {
        var topic = fixture.sns.createTopic(b -> b.name("batch")).topicArn();
        var queue = fixture.queue("batch-queue", Map.of());
        fixture.sns.subscribe(b -> b.topicArn(topic)
                .protocol("sqs")
                .endpoint(TopicFixture.queueArn("batch-queue"))
                .attributes(Map.of("RawMessageDelivery", "true")));

        var response = fixture.sns.publishBatch(b -> b.topicArn(topic)
                .publishBatchRequestEntries(entry("first", "one"), entry("empty", ""), entry("third", "three")));

        assertThat(response.successful()).extracting(s -> s.id()).containsExactly("first", "third");
        assertThat(response.successful())
                .allSatisfy(s -> assertThat(s.messageId()).isNotEmpty());
        assertThat(response.failed()).singleElement().satisfies(failure -> {
            assertThat(failure.id()).isEqualTo("empty");
            assertThat(failure.code()).isEqualTo("InvalidParameter");
            assertThat(failure.senderFault()).isTrue();
            assertThat(failure.message()).contains("Message");
        });
        var bodies = new ArrayList<String>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            fixture.receive(queue).forEach(m -> bodies.add(m.body()));
            return bodies.size() >= 2;
        });
        assertThat(bodies).containsExactlyInAnyOrder("one", "three");
    }

    @Test
    void aQueueThatDoesNotExistYetGetsItsMessageOnceCreatedWithoutHoldingUpTheOtherSubscriber() {
        var topic = fixture.sns.createTopic(b -> b.name("patient")).topicArn();
        var early = fixture.queue("early", Map.of());
        fixture.sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(TopicFixture.queueArn("late")));
        fixture.sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(TopicFixture.queueArn("early")));

        var published = fixture.sns.publish(b -> b.topicArn(topic).message("wait for me"));

        assertThat(parse(receiveOne(early).body()).get("Message").asText()).isEqualTo("wait for me");
        // The early queue's delivery leaves the owed ones just after the queue has it; the late one's stays.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixture.region().topics().pendingDeliveries() == 1);
        var late = fixture.queue("late", Map.of());
        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(parse(receiveOne(late).body()).get("MessageId").asText()).isEqualTo(published.messageId());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixture.region().topics().pendingDeliveries() == 0);
    }

    @Test
    void aDeliveryOwedWhenTheRegionStopsIsMadeAfterItRestarts() {
        var topic = fixture.sns.createTopic(b -> b.name("durable")).topicArn();
        fixture.sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(TopicFixture.queueArn("later")));
        var published = fixture.sns.publish(b -> b.topicArn(topic).message("kept across a restart"));
        assertThat(fixture.region().topics().pendingDeliveries()).isEqualTo(1);

        fixture.stop();
        fixture.start();
        var queue = fixture.queue("later", Map.of());
        fixture.clock.advance(Duration.ofMinutes(1));

        var envelope = parse(receiveOne(queue).body());
        assertThat(envelope.get("MessageId").asText()).isEqualTo(published.messageId());
        assertThat(envelope.get("Message").asText()).isEqualTo("kept across a restart");
    }

    @Test
    void aFilterPolicyLetsOnlyMatchingMessagesThrough() {
        var topic = fixture.sns.createTopic(b -> b.name("filtered")).topicArn();
        var books = fixture.queue("books", Map.of());
        fixture.sns.subscribe(b -> b.topicArn(topic)
                .protocol("sqs")
                .endpoint(TopicFixture.queueArn("books"))
                .attributes(Map.of(
                        "RawMessageDelivery",
                        "true",
                        "FilterPolicy",
                        "{\"kind\":[\"book\",{\"prefix\":\"e-\"}],\"price\":[{\"numeric\":[\"<\",100]}]}")));

        fixture.sns.publish(b -> b.topicArn(topic)
                .message("cheap book")
                .messageAttributes(Map.of("kind", string("book"), "price", number("12"))));
        fixture.sns.publish(b -> b.topicArn(topic)
                .message("dear book")
                .messageAttributes(Map.of("kind", string("book"), "price", number("120"))));
        fixture.sns.publish(b -> b.topicArn(topic)
                .message("cheap film")
                .messageAttributes(Map.of("kind", string("film"), "price", number("5"))));
        fixture.sns.publish(b -> b.topicArn(topic).message("no attributes"));
        fixture.sns.publish(b -> b.topicArn(topic)
                .message("cheap e-book")
                .messageAttributes(Map.of("kind", string("e-book"), "price", number("3"))));

        var bodies = new ArrayList<String>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            fixture.receive(books).forEach(m -> bodies.add(m.body()));
            return bodies.size() >= 2;
        });
        fixture.receive(books).forEach(m -> bodies.add(m.body()));
        assertThat(bodies).containsExactlyInAnyOrder("cheap book", "cheap e-book");
    }

    @Test
    void aFifoTopicDeliversEachGroupInOrderToAFifoQueueAndDropsDuplicates() {
        var topic = fixture.sns
                .createTopic(b -> b.name("orders.fifo").attributes(Map.of("FifoTopic", "true")))
                .topicArn();
        var queue = fixture.queue("orders.fifo", Map.of("FifoQueue", "true"));
        fixture.sns.subscribe(b -> b.topicArn(topic)
                .protocol("sqs")
                .endpoint(TopicFixture.queueArn("orders.fifo"))
                .attributes(Map.of("RawMessageDelivery", "true")));

        var first = fixture.sns.publish(
                b -> b.topicArn(topic).message("1").messageGroupId("g").messageDeduplicationId("a"));
        var second = fixture.sns.publish(
                b -> b.topicArn(topic).message("2").messageGroupId("g").messageDeduplicationId("b"));
        var again = fixture.sns.publish(
                b -> b.topicArn(topic).message("1 again").messageGroupId("g").messageDeduplicationId("a"));
        fixture.sns.publish(
                b -> b.topicArn(topic).message("3").messageGroupId("g").messageDeduplicationId("c"));

        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(second.sequenceNumber()).isGreaterThan(first.sequenceNumber());
        var bodies = new ArrayList<String>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            fixture.receive(queue).forEach(m -> bodies.add(m.body()));
            return bodies.size() >= 3;
        });
        assertThat(bodies).containsExactly("1", "2", "3");
    }

    @Test
    void topicsAndSubscriptionsAreListedInPagesDescribedAndRemoved() {
        for (int i = 0; i < 105; i++) {
            var name = "topic-%03d".formatted(i);
            fixture.sns.createTopic(b -> b.name(name));
        }
        var topic = TopicFixture.topicArn("topic-007");
        var subscription = fixture.sns
                .subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(TopicFixture.queueArn("anything")))
                .subscriptionArn();
        fixture.sns.setTopicAttributes(
                b -> b.topicArn(topic).attributeName("DisplayName").attributeValue("Seven"));
        fixture.sns.setSubscriptionAttributes(b -> b.subscriptionArn(subscription)
                .attributeName("RawMessageDelivery")
                .attributeValue("true"));

        var firstPage = fixture.sns.listTopics();
        var all = fixture.sns.listTopicsPaginator().topics().stream().toList();
        var attributes = fixture.sns.getTopicAttributes(b -> b.topicArn(topic)).attributes();
        var subscriptionAttributes = fixture.sns
                .getSubscriptionAttributes(b -> b.subscriptionArn(subscription))
                .attributes();
        var byTopic =
                fixture.sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions();

        assertThat(firstPage.topics()).hasSize(100);
        assertThat(firstPage.nextToken()).isNotNull();
        assertThat(all).hasSize(105);
        assertThat(attributes)
                .containsEntry("TopicArn", topic)
                .containsEntry("DisplayName", "Seven")
                .containsEntry("SubscriptionsConfirmed", "1")
                .containsEntry("Owner", TopicFixture.ACCOUNT);
        assertThat(subscriptionAttributes)
                .containsEntry("Protocol", "sqs")
                .containsEntry("Endpoint", TopicFixture.queueArn("anything"))
                .containsEntry("RawMessageDelivery", "true")
                .containsEntry("PendingConfirmation", "false");
        assertThat(byTopic)
                .singleElement()
                .satisfies(s -> assertThat(s.subscriptionArn()).isEqualTo(subscription));

        fixture.sns.unsubscribe(b -> b.subscriptionArn(subscription));
        fixture.sns.deleteTopic(b -> b.topicArn(topic));

        assertThat(fixture.sns.listSubscriptions().subscriptions()).isEmpty();
        assertThat(fixture.sns.listTopicsPaginator().topics().stream()).hasSize(104);
    }

    @Test
    void theUnsubscribeUrlOfANotificationRemovesTheSubscription() throws Exception {
        var topic = fixture.sns.createTopic(b -> b.name("leaving")).topicArn();
        var queue = fixture.queue("leaving", Map.of());
        fixture.sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(TopicFixture.queueArn("leaving")));
        fixture.sns.publish(b -> b.topicArn(topic).message("goodbye"));
        var unsubscribeUrl =
                parse(receiveOne(queue).body()).get("UnsubscribeURL").asText();

        try (var http = HttpClient.newHttpClient()) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(unsubscribeUrl)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("<UnsubscribeResponse");
        }
        assertThat(fixture.sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions())
                .isEmpty();
    }

    @Test
    void aTopicsTagsAreSetListedAndRemoved() {
        var topic = fixture.sns
                .createTopic(b -> b.name("tagged").tags(tag("team", "shop")))
                .topicArn();

        fixture.sns.tagResource(b -> b.resourceArn(topic).tags(tag("stage", "test")));
        fixture.sns.untagResource(b -> b.resourceArn(topic).tagKeys("team"));

        assertThat(fixture.sns.listTagsForResource(b -> b.resourceArn(topic)).tags())
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.key()).isEqualTo("stage");
                    assertThat(t.value()).isEqualTo("test");
                });
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private Message receiveOne(String queueUrl) {
        var received = new ArrayList<Message>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            received.addAll(fixture.receive(queueUrl));
            return !received.isEmpty();
        });
        assertThat(received).hasSize(1);
        return received.getFirst();
    }

    private static PublishBatchRequestEntry entry(String id, String message) {
        return PublishBatchRequestEntry.builder().id(id).message(message).build();
    }

    static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }

    static MessageAttributeValue number(String value) {
        return MessageAttributeValue.builder()
                .dataType("Number")
                .stringValue(value)
                .build();
    }

    static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
