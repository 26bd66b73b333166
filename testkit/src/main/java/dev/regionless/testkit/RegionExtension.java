package dev.regionless.testkit;

import static java.util.Objects.requireNonNull;

import dev.regionless.common.MutableClock;
import dev.regionless.region.RegionNode;
import dev.regionless.region.RegionSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Starts regions in the test's JVM, on free ports of 127.0.0.1, with a clock the test moves, and deploys a template
 * to all of them. Register it on a {@code static} field to share the regions across a test class, or on an instance
 * field for fresh regions per test:
 *
 * <pre>{@code
 * @RegisterExtension
 * static RegionExtension regions = RegionExtension.builder()
 *         .regions("eu-west-2", "us-west-2")
 *         .template(Path.of("template.yaml"))
 *         .build();
 *
 * @Test
 * void helloAnswersInEveryRegion() {
 *     var response = regions.lambda("eu-west-2").invoke(r -> r.functionName("hello"));
 *     ...
 * }
 * }</pre>
 */
public final class RegionExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final List<String> names;
    private final Path template;
    private final Map<String, String> parameters;
    private final MutableClock clock = new MutableClock(Instant.now());
    private final List<software.amazon.awssdk.core.SdkClient> clients = new ArrayList<>();
    private RegionSet regions;
    private Path data;
    private boolean perClass;

    private RegionExtension(Builder builder) {
        this.names = List.copyOf(builder.names);
        this.template = builder.template;
        this.parameters = Map.copyOf(builder.parameters);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    /** The running regions. */
    public RegionSet regions() {
        return requireStarted();
    }

    /** One running region. */
    public RegionNode region(String name) {
        return requireStarted().region(name);
    }

    /** The regions' clock: move it to expire keep-alives or refill throttles without sleeping. */
    public MutableClock clock() {
        return clock;
    }

    /** A Lambda client for one region, built as a user would, closed after the tests. */
    public LambdaClient lambda(String regionName) {
        var client = LambdaClient.builder()
                .endpointOverride(region(regionName).endpoints().service())
                .region(Region.of(regionName))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        clients.add(client);
        return client;
    }

    /**
     * An SQS client for one region, built as a user would, closed after the tests. Queue visibility timeouts, delays
     * and retention follow {@link #clock()}.
     */
    public software.amazon.awssdk.services.sqs.SqsClient sqs(String regionName) {
        var client = software.amazon.awssdk.services.sqs.SqsClient.builder()
                .endpointOverride(region(regionName).endpoints().service())
                .region(Region.of(regionName))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        clients.add(client);
        return client;
    }

    /**
     * An SNS client for one region, built as a user would, closed after the tests. Delivery retries follow
     * {@link #clock()}.
     */
    public software.amazon.awssdk.services.sns.SnsClient sns(String regionName) {
        var client = software.amazon.awssdk.services.sns.SnsClient.builder()
                .endpointOverride(region(regionName).endpoints().service())
                .region(Region.of(regionName))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        clients.add(client);
        return client;
    }

    /**
     * Stops every region and starts them again on the same data and clock, deploying the template again, as a user
     * restarting {@code regionless up} would: what the regions stored (tables, queues, mappings created through the
     * API) is still there. Clients made before the restart point at the old ports and are closed; make new ones.
     */
    public void restart() {
        requireStarted();
        closeClients();
        regions.close();
        regions = null;
        launch();
    }

    /** A URL on a region's app port, for example {@code url("eu-west-2", "/hello")}. */
    public URI url(String regionName, String path) {
        return URI.create(region(regionName).appUri() + path);
    }

    private void start() {
        try {
            data = Files.createTempDirectory("regionless-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        launch();
    }

    private void launch() {
        regions = RegionSet.start(data, names, config -> config.withClock(clock));
        if (template != null) {
            regions.deploy(template, parameters);
        }
    }

    private void closeClients() {
        clients.forEach(software.amazon.awssdk.core.SdkClient::close);
        clients.clear();
    }

    private void stop() {
        closeClients();
        if (regions != null) {
            regions.close();
            regions = null;
        }
    }

    private RegionSet requireStarted() {
        if (regions == null) {
            throw new IllegalStateException("the regions are not running: register RegionExtension with"
                    + " @RegisterExtension and use it inside a test");
        }
        return regions;
    }

    /** Settings of a {@link RegionExtension}. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>(List.of("eu-west-2"));
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private Path template;

        private Builder() {}

        /** The regions to start (default: eu-west-2). */
        public Builder regions(String... regionNames) {
            names.clear();
            names.addAll(List.of(regionNames));
            return this;
        }

        /** A template to deploy to every region before the tests. */
        public Builder template(Path templateFile) {
            this.template = requireNonNull(templateFile, "templateFile").toAbsolutePath();
            return this;
        }

        /** A template parameter value, as {@code --parameter-overrides} gives it. */
        public Builder parameter(String name, String value) {
            parameters.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
            return this;
        }

        public RegionExtension build() {
            return new RegionExtension(this);
        }
    }
}
