package dev.regionless.region.queues;

import dev.regionless.common.MutableClock;
import dev.regionless.region.RegionSet;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** One region, eu-west-2, with a clock the test moves, and an {@link SqsClient} pointed at its service port. */
final class QueueRegion implements AutoCloseable {
    static final String REGION = "eu-west-2";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    final RegionSet regions;
    final SqsClient sqs;

    QueueRegion(Path data) {
        regions = RegionSet.start(data, List.of(REGION), config -> config.withClock(clock));
        sqs = client(service());
    }

    URI service() {
        return regions.region(REGION).endpoints().service();
    }

    static SqsClient client(URI endpoint) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .httpClient(UrlConnectionHttpClient.builder()
                        .socketTimeout(Duration.ofSeconds(30))
                        .build())
                .build();
    }

    /** Creates a queue and answers its URL. */
    String create(String name, Map<String, String> attributes) {
        return sqs.createQueue(b -> b.queueName(name).attributesWithStrings(attributes))
                .queueUrl();
    }

    String arn(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings()
                .get("QueueArn");
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    @Override
    public void close() {
        sqs.close();
        regions.close();
    }
}
