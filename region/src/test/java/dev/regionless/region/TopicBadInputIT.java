package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sns.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.TooManyEntriesInBatchRequestException;

/**
 * Bad input to SNS answers SNS's error code and status through {@code SnsClient}'s typed exceptions, with a message
 * naming the parameter, the value and what was expected; nothing is published.
 */
class TopicBadInputIT {
    @TempDir
    static Path folder;

    static TopicFixture fixture;
    static String topic;
    static String fifoTopic;

    @BeforeAll
    static void start() {
        fixture = new TopicFixture(folder, "");
        topic = fixture.sns.createTopic(b -> b.name("checked")).topicArn();
        fifoTopic = fixture.sns
                .createTopic(b -> b.name("checked.fifo").attributes(Map.of("FifoTopic", "true")))
                .topicArn();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void publishingToATopicThatDoesNotExistIsNotFound() {
        var missing = TopicFixture.topicArn("missing");

        assertThatThrownBy(() -> fixture.sns.publish(b -> b.topicArn(missing).message("hello")))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404))
                .hasMessageContaining("Topic does not exist: " + missing);
    }

    @Test
    void anEmptyMessageIsAnInvalidParameter() {
        assertThatThrownBy(() -> fixture.sns.publish(b -> b.topicArn(topic).message("")))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400))
                .hasMessageContaining("Invalid parameter: Message")
                .hasMessageContaining("Empty message");
    }

    @Test
    void aMessageOverTheTopicsMaximumSizeIsAnInvalidParameter() {
        var large = "x".repeat(262_145);

        assertThatThrownBy(() -> fixture.sns.publish(b -> b.topicArn(topic).message(large)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("at most 262144 bytes");
    }

    @Test
    void aBatchOfElevenEntriesIsTooManyEntries() {
        var entries = IntStream.range(0, 11)
                .mapToObj(i -> PublishBatchRequestEntry.builder()
                        .id("e" + i)
                        .message("m" + i)
                        .build())
                .toList();

        assertThatThrownBy(() -> fixture.sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(entries)))
                .isInstanceOfSatisfying(
                        TooManyEntriesInBatchRequestException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400))
                .hasMessageContaining("11 (expected: 1..10)");
    }

    @Test
    void aBatchWithTwoEntriesOfTheSameIdIsRefused() {
        var entry = PublishBatchRequestEntry.builder().id("same").message("m").build();

        assertThatThrownBy(
                        () -> fixture.sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(entry, entry)))
                .isInstanceOfSatisfying(
                        BatchEntryIdsNotDistinctException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @Test
    void subscribingWithAnUnknownProtocolIsAnInvalidParameter() {
        assertThatThrownBy(() -> fixture.sns.subscribe(
                        b -> b.topicArn(topic).protocol("carrier-pigeon").endpoint("loft 7")))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400))
                .hasMessageContaining("Protocol: carrier-pigeon");
        assertThatThrownBy(() -> fixture.sns.subscribe(
                        b -> b.topicArn(topic).protocol("lambda").endpoint(TopicFixture.queueArn("q"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Lambda endpoint ARN");
        assertThat(fixture.sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions())
                .isEmpty();
    }

    @Test
    void aMessageAttributeWithoutAValueIsAnInvalidParameterValue() {
        var attribute = MessageAttributeValue.builder()
                .dataType("Number")
                .stringValue("twelve")
                .build();

        assertThatThrownBy(() -> fixture.sns.publish(
                        b -> b.topicArn(topic).message("m").messageAttributes(Map.of("price", attribute))))
                .isInstanceOfSatisfying(
                        InvalidParameterValueException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400))
                .hasMessageContaining("'price'")
                .hasMessageContaining("twelve");
    }

    @Test
    void aFifoTopicRefusesAMessageWithoutAGroupOrDeduplicationId() {
        assertThatThrownBy(() -> fixture.sns.publish(b -> b.topicArn(fifoTopic).message("m")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("MessageGroupId");
        assertThatThrownBy(() -> fixture.sns.publish(
                        b -> b.topicArn(fifoTopic).message("m").messageGroupId("g")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("MessageDeduplicationId");
    }

    @Test
    void unknownAttributesAndMalformedFilterPoliciesAreInvalidParameters() {
        var subscription = fixture.sns
                .subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(TopicFixture.queueArn("q")))
                .subscriptionArn();

        assertThatThrownBy(() -> fixture.sns.setTopicAttributes(
                        b -> b.topicArn(topic).attributeName("Colour").attributeValue("blue")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("AttributeName: Colour");
        assertThatThrownBy(() -> fixture.sns.setSubscriptionAttributes(b -> b.subscriptionArn(subscription)
                        .attributeName("FilterPolicy")
                        .attributeValue("{\"kind\": \"book\"}")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("FilterPolicy");
        assertThatThrownBy(() -> fixture.sns.createTopic(b -> b.name("not a name")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Name: not a name");
    }

    @Test
    void anActionSnsDoesNotHaveIsInvalidAction() throws Exception {
        var request = HttpRequest.newBuilder(
                        URI.create(fixture.region().endpoints().service() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=Teleport&Version=2010-03-31"))
                .build();

        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidAction</Code>").contains("Teleport");
    }

    @Test
    void deletingATopicThatDoesNotExistSucceedsButUnsubscribingNothingIsNotFound() {
        fixture.sns.deleteTopic(b -> b.topicArn(TopicFixture.topicArn("never-was")));

        assertThatThrownBy(() -> fixture.sns.unsubscribe(b -> b.subscriptionArn(topic + ":no-such-subscription")))
                .isInstanceOfSatisfying(
                        SnsException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }
}
