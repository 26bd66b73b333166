package dev.regionless.cli;

import static org.awaitility.Awaitility.await;

import dev.regionless.region.EndpointsFile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * What the crash tests share: region processes started with the CLI in a work folder, their service endpoints, and
 * SDK clients that fail fast instead of retrying, so that a request to a killed region counts as unacknowledged.
 */
final class CrashTests {
    private CrashTests() {}

    /**
     * Starts {@code ./regionless region --name R --data data} (and {@code options}, such as {@code --template T}) in
     * {@code work} and waits until it serves.
     */
    static CliProcess startRegion(Path work, String region, String... options) throws Exception {
        var arguments = new java.util.ArrayList<>(List.of("region", "--name", region, "--data", "data"));
        arguments.addAll(List.of(options));
        var process = CliProcess.start(work, arguments.toArray(String[]::new));
        await().atMost(Duration.ofSeconds(60)).until(() -> process.output().contains("Press Ctrl-C"));
        return process;
    }

    /** Each running region's service port, from the {@code endpoints.json} of {@code work/data}. */
    static Map<String, URI> serviceUris(Path work) {
        var uris = new LinkedHashMap<String, URI>();
        EndpointsFile.read(work.resolve("data"))
                .path("regions")
                .properties()
                .forEach(entry -> uris.put(
                        entry.getKey(),
                        URI.create(entry.getValue().path("service").asText())));
        return uris;
    }

    static URI serviceUri(Path work, String region) {
        var uri = serviceUris(work).get(region);
        if (uri == null) {
            throw new IllegalStateException(region + " is not in " + work.resolve("data/" + EndpointsFile.NAME));
        }
        return uri;
    }

    /** A client of any AWS service that makes one attempt per call, with short timeouts. */
    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C failFastClient(
            B builder, URI endpoint) {
        return failFastClient(builder, endpoint, Duration.ofSeconds(5));
    }

    /** As above, waiting up to {@code socketTimeout} for an answer. */
    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C failFastClient(
            B builder, URI endpoint, Duration socketTimeout) {
        return builder.endpointOverride(endpoint)
                .region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(socketTimeout)
                        .build())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }
}
