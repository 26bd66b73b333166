package dev.regionless.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.region.RegionSet;
import dev.regionless.replication.TableVerification;
import dev.regionless.replication.TableVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A global table keyed by the string {@code pk} across the regions of a {@link RegionSet} in this process, made as an
 * application would make it (CreateTable in the first region, then UpdateTable with a replica Create for each other
 * one), with one SDK client per region and the regions' admin API.
 */
final class GlobalTable implements AutoCloseable {
    static final String NAME = "bench-global";
    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(30);

    private final RegionSet regions;
    private final Map<String, DynamoDbClient> clients = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private GlobalTable(RegionSet regions, List<String> names) {
        this.regions = regions;
        for (var name : names) {
            clients.put(name, client(regions.region(name).endpoints().service(), name));
        }
    }

    /** Creates the table in {@code names.get(0)}, adds a replica in each other region and waits until all are ACTIVE. */
    static GlobalTable create(RegionSet regions, List<String> names) throws InterruptedException {
        var table = new GlobalTable(regions, names);
        var home = table.client(names.getFirst());
        home.createTable(b -> b.tableName(NAME)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("pk")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(KeySchemaElement.builder()
                        .attributeName("pk")
                        .keyType(KeyType.HASH)
                        .build()));
        for (var replica : names.subList(1, names.size())) {
            home.updateTable(b -> b.tableName(NAME)
                    .replicaUpdates(ReplicationGroupUpdate.builder()
                            .create(c -> c.regionName(replica))
                            .build()));
        }
        long deadline = System.nanoTime() + ACTIVE_TIMEOUT.toNanos();
        while (!allActive(home, names.size() - 1)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("replicas of " + NAME + " not ACTIVE after " + ACTIVE_TIMEOUT);
            }
            Thread.sleep(100);
        }
        return table;
    }

    private static boolean allActive(DynamoDbClient home, int otherReplicas) {
        var replicas = home.describeTable(b -> b.tableName(NAME)).table().replicas();
        return replicas.size() == otherReplicas
                && replicas.stream().allMatch(replica -> replica.replicaStatus() == ReplicaStatus.ACTIVE);
    }

    /** A client with a pool wider than the benchmark's threads, and no retries, so that every call counts once. */
    private static DynamoDbClient client(URI endpoint, String region) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(TableWorkload.MAX_CONNECTIONS))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    DynamoDbClient client(String region) {
        return clients.get(region);
    }

    List<String> regionNames() {
        return List.copyOf(clients.keySet());
    }

    /** {@code GET /admin/replication} of the region: its outgoing links with their backlog and lag. */
    JsonNode replicationStatus(String region) throws InterruptedException {
        return admin(region, "/admin/replication", null);
    }

    /** Cuts ({@code up} false) or restores the region's replication links with every other region. */
    void setLinks(String region, boolean up) throws InterruptedException {
        admin(region, "/admin/links/*", up ? "{\"state\": \"up\"}" : "{\"state\": \"cut\"}");
    }

    /** The changes the region's links have not had acknowledged yet, added up over its links. */
    long pending(String region) throws InterruptedException {
        long pending = 0;
        for (var link : replicationStatus(region).path("links")) {
            pending += link.path("pending").asLong();
        }
        return pending;
    }

    /** Compares every replica of the table by key and version, as {@code regionless tables verify} does. */
    TableVerification verify() {
        var serviceUris = new LinkedHashMap<String, URI>();
        for (var name : clients.keySet()) {
            serviceUris.put(name, regions.region(name).endpoints().service());
        }
        return TableVerifier.verify(NAME, serviceUris);
    }

    private JsonNode admin(String region, String path, String body) throws InterruptedException {
        var uri = regions.region(region).endpoints().admin().resolve(path);
        var request = HttpRequest.newBuilder(uri);
        request = body == null ? request.GET() : request.PUT(HttpRequest.BodyPublishers.ofString(body));
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        clients.values().forEach(DynamoDbClient::close);
        http.close();
    }
}
