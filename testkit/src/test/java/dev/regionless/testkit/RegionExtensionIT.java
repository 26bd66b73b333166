package dev.regionless.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;

/** The extension as a user registers it: the hello example in two regions, called through HTTP and the SDK. */
class RegionExtensionIT {
    @RegisterExtension
    static RegionExtension regions = RegionExtension.builder()
            .regions("eu-west-2", "us-west-2")
            .template(Path.of(System.getProperty("regionless.home", "..")).resolve("examples/hello/template.yaml"))
            .parameter("Greeting", "Hej")
            .build();

    @Test
    void everyRegionServesTheTemplatesApi() throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            for (var name : new String[] {"eu-west-2", "us-west-2"}) {
                var response = http.send(
                        HttpRequest.newBuilder(regions.url(name, "/hello")).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.body()).contains("\"message\":\"Hej, world!\"", "\"region\":\"" + name + "\"");
            }
        }
    }

    @Test
    void movingTheClockPastKeepAliveMakesTheNextInvocationCold() {
        var lambda = regions.lambda("us-west-2");
        lambda.invoke(r -> r.functionName("hello").payload(SdkBytes.fromUtf8String("{}")));

        regions.clock().advance(Duration.ofMinutes(11));
        var after = lambda.invoke(r -> r.functionName("hello").payload(SdkBytes.fromUtf8String("{}")));

        assertThat(after.payload().asUtf8String()).contains("\\\"count\\\":1");
    }

    @Test
    void queueMessageReappearsWhenTheClockPassesItsVisibilityTimeout() {
        var sqs = regions.sqs("eu-west-2");
        var url = sqs.createQueue(r -> r.queueName("testkit-jobs")).queueUrl();
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("job"));
        sqs.receiveMessage(r -> r.queueUrl(url));

        regions.clock().advance(Duration.ofSeconds(31));
        var again = sqs.receiveMessage(r -> r.queueUrl(url)).messages();

        assertThat(again).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("job"));
    }

    @Test
    void aMessagePublishedToATopicReachesTheQueueSubscribedToIt() {
        var sns = regions.sns("eu-west-2");
        var sqs = regions.sqs("eu-west-2");
        var url = sqs.createQueue(r -> r.queueName("testkit-orders")).queueUrl();
        var topic = sns.createTopic(r -> r.name("testkit-orders")).topicArn();
        sns.subscribe(r -> r.topicArn(topic)
                .protocol("sqs")
                .endpoint("arn:aws:sqs:eu-west-2:123456789012:testkit-orders")
                .attributes(Map.of("RawMessageDelivery", "true")));

        sns.publish(r -> r.topicArn(topic).message("order"));

        var received = new ArrayList<String>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1))
                    .messages()
                    .forEach(m -> received.add(m.body()));
            return !received.isEmpty();
        });
        assertThat(received).containsExactly("order");
    }
}
