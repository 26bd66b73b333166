package dev.regionless.region.replication;

import static org.awaitility.Awaitility.await;

import dev.regionless.region.RegionSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** What the global table tests share: SDK clients per region, a table made global, whole-table scans. */
final class GlobalTableFixture {
    static final Duration CONVERGENCE = Duration.ofSeconds(15);

    private GlobalTableFixture() {}

    /** A DynamoDB client of the region's own service port, as an application in that region would have. */
    static DynamoDbClient client(RegionSet regions, String region) {
        return DynamoDbClient.builder()
                .endpointOverride(regions.region(region).endpoints().service())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Creates a table keyed by the string {@code pk} in {@code home}. */
    static void createTable(DynamoDbClient home, String table) {
        home.createTable(b -> b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("pk")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(KeySchemaElement.builder()
                        .attributeName("pk")
                        .keyType(KeyType.HASH)
                        .build()));
    }

    /** Adds a replica in each of {@code regions} through UpdateTable, as the AWS SDK does, without waiting. */
    static void addReplicas(DynamoDbClient home, String table, List<String> regions) {
        for (var region : regions) {
            home.updateTable(b -> b.tableName(table)
                    .replicaUpdates(ReplicationGroupUpdate.builder()
                            .create(c -> c.regionName(region))
                            .build()));
        }
    }

    /** Waits until DescribeTable in {@code home} shows every other replica ACTIVE. */
    static void awaitActive(DynamoDbClient home, String table, int otherReplicas) {
        await().atMost(CONVERGENCE).untilAsserted(() -> {
            var replicas = home.describeTable(b -> b.tableName(table)).table().replicas();
            org.assertj.core.api.Assertions.assertThat(replicas)
                    .hasSize(otherReplicas)
                    .allSatisfy(replica -> org.assertj.core.api.Assertions.assertThat(replica.replicaStatus())
                            .isEqualTo(ReplicaStatus.ACTIVE));
        });
    }

    /** Creates a table in {@code regions.get(0)} and makes it global across all of {@code regions}. */
    static void createGlobalTable(RegionSet set, String table, List<String> regions) {
        var home = client(set, regions.getFirst());
        createTable(home, table);
        addReplicas(home, table, regions.subList(1, regions.size()));
        awaitActive(home, table, regions.size() - 1);
    }

    static Map<String, AttributeValue> item(String pk, String value) {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("value", AttributeValue.fromS(value));
        return item;
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    /**
     * Calls the region's admin API as a script would ({@code body} null for a GET) and answers the JSON body;
     * fails unless the answer is 200.
     */
    static com.fasterxml.jackson.databind.JsonNode admin(RegionSet set, String region, String path, String body) {
        var uri = set.region(region).endpoints().admin().resolve(path);
        var request = java.net.http.HttpRequest.newBuilder(uri);
        request = body == null ? request.GET() : request.PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            var response = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            org.assertj.core.api.Assertions.assertThat(response.statusCode())
                    .as("%s %s: %s", body == null ? "GET" : "PUT", uri, response.body())
                    .isEqualTo(200);
            return dev.regionless.common.Json.mapper().readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Cuts the region's replication links with {@code peer} ({@code *} for all) through its admin API. */
    static void cutLinks(RegionSet set, String region, String peer) {
        admin(set, region, "/admin/links/" + peer, "{\"state\": \"cut\"}");
    }

    /** Restores the region's replication links with {@code peer} ({@code *} for all) through its admin API. */
    static void restoreLinks(RegionSet set, String region, String peer) {
        admin(set, region, "/admin/links/" + peer, "{\"state\": \"up\"}");
    }

    /** Compares every replica of the table through the regions' service ports, as {@code tables verify} does. */
    static dev.regionless.replication.TableVerification verify(RegionSet set, String table) {
        var serviceUris = new java.util.LinkedHashMap<String, java.net.URI>();
        set.regions()
                .forEach(region ->
                        serviceUris.put(region.name(), region.endpoints().service()));
        return dev.regionless.replication.TableVerifier.verify(table, serviceUris);
    }

    /** Every item of the table, read consistently, ordered by key. */
    static List<Map<String, AttributeValue>> scan(DynamoDbClient client, String table) {
        var items = new ArrayList<Map<String, AttributeValue>>(
                client.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
                        .toList());
        items.sort(Comparator.comparing(item -> item.get("pk").s()));
        return items;
    }
}
