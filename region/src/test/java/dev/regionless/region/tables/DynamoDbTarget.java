package dev.regionless.region.tables;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Something that answers the DynamoDB API: a Regionless region, or the reference implementation the conformance
 * suite compares it with. The suite's tests are written once against this and run against every target.
 */
sealed interface DynamoDbTarget extends AutoCloseable permits Dynalite, Regionless {
    /** The name shown in test reports: {@code dynalite} or {@code regionless}. */
    String name();

    /** Where the DynamoDB API answers, starting the target on first use. */
    URI endpoint();

    /** The AWS region the SDK clients sign for. */
    String region();

    /** Features this target serves; a test of a feature the target lacks is skipped there, saying so. */
    boolean supports(Feature feature);

    @Override
    void close();

    /** A DynamoDB client pointed at this target, built as a user would, with retries off so no error is hidden. */
    default DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.of(region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(
                        o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(30)))
                .build();
    }

    /** A DynamoDB Streams client pointed at this target. */
    default DynamoDbStreamsClient streams() {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.of(region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Skips the calling test on a target that lacks {@code feature}. */
    default void assumeSupports(Feature feature) {
        Assumptions.assumeTrue(supports(feature), () -> name() + " does not serve " + feature.description);
    }

    /**
     * Skips the calling test on the reference where it is known to answer differently from AWS; the test asserts
     * AWS's behaviour, which Regionless follows. {@link ReferenceDifference} lists every such case.
     */
    default void assumeMatchesAws(ReferenceDifference difference) {
        Assumptions.assumeTrue(
                this instanceof Regionless,
                () -> name() + " differs from AWS, which " + difference.aws + "; " + name() + " "
                        + difference.reference);
    }

    /** DynamoDB features that not every target serves. */
    enum Feature {
        TRANSACTIONS("TransactWriteItems and TransactGetItems"),
        STREAMS("DynamoDB Streams (DescribeStream, GetShardIterator, GetRecords)"),
        TIME_TO_LIVE("UpdateTimeToLive"),
        PARTIQL("PartiQL (ExecuteStatement, BatchExecuteStatement, ExecuteTransaction)");

        final String description;

        Feature(String description) {
            this.description = description;
        }
    }
}
