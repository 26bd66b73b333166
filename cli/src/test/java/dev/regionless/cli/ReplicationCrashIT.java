package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionless.replication.TableVerifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Three regions as separate processes sharing a data folder, all taking writes; one is killed with SIGKILL and
 * started again, twice. Once replication has caught up, every replica holds every acknowledged write, or a later
 * write to the same key, and the replicas are identical.
 */
class ReplicationCrashIT {
    private static final List<String> REGIONS = List.of("eu-west-2", "us-east-1", "us-west-2");
    private static final String VICTIM = "us-west-2";
    private static final String TABLE = "survivors";
    /** Each writer cycles over this many keys of its own, so later writes overwrite earlier ones. */
    private static final int KEYS_PER_WRITER = 40;

    @TempDir
    Path work;

    /** The highest acknowledged value of each key: a replica must hold it or a higher one. */
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();

    private final AtomicLong writes = new AtomicLong();

    @Test
    void everyAcknowledgedWriteSurvivesARegionKilledTwiceDuringLoad() throws Exception {
        var processes = new LinkedHashMap<String, CliProcess>();
        var writers = new ArrayList<Thread>();
        var stop = new AtomicBoolean();
        try {
            for (var region : REGIONS) {
                processes.put(region, CrashTests.startRegion(work, region));
            }
            createGlobalTable();
            for (var region : REGIONS) {
                writers.add(startWriter(region, region + "-0", stop));
            }
            for (int cycle = 1; cycle <= 2; cycle++) {
                long before = writes.get();
                await().atMost(Duration.ofSeconds(20)).until(() -> writes.get() >= before + 100);
                processes.get(VICTIM).kill();
                Thread.sleep(500); // the others keep writing while it is away
                processes.put(VICTIM, CrashTests.startRegion(work, VICTIM));
                writers.add(startWriter(VICTIM, VICTIM + "-" + cycle, stop));
            }
            long before = writes.get();
            await().atMost(Duration.ofSeconds(20)).until(() -> writes.get() >= before + 100);
            stop.set(true);
            for (var writer : writers) {
                writer.join(Duration.ofSeconds(10));
            }

            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> TableVerifier.verify(TABLE, CrashTests.serviceUris(work))
                            .identical());
            for (var region : REGIONS) {
                var stored = scan(region);
                acknowledged.forEach((key, value) -> assertThat(stored.get(key))
                        .as("%s in %s", key, region)
                        .isNotNull()
                        .isGreaterThanOrEqualTo(value));
            }
        } finally {
            stop.set(true);
            processes.values().forEach(CliProcess::close);
        }
    }

    /** Writes ever higher values to its own keys until stopped or until its region stops answering. */
    private Thread startWriter(String region, String writer, AtomicBoolean stop) {
        var endpoint = CrashTests.serviceUris(work).get(region);
        return Thread.ofPlatform().start(() -> {
            try (var client = CrashTests.failFastClient(DynamoDbClient.builder(), endpoint)) {
                for (long n = 1; !stop.get(); n++) {
                    var key = writer + "-" + (n % KEYS_PER_WRITER);
                    long value = n;
                    try {
                        client.putItem(b -> b.tableName(TABLE)
                                .item(Map.of(
                                        "pk", AttributeValue.fromS(key),
                                        "n", AttributeValue.fromN(Long.toString(value)))));
                    } catch (RuntimeException e) {
                        return; // killed: this write was never acknowledged
                    }
                    acknowledged.merge(key, value, Math::max);
                    writes.incrementAndGet();
                }
            }
        });
    }

    private void createGlobalTable() {
        try (var home = CrashTests.failFastClient(DynamoDbClient.builder(), CrashTests.serviceUri(work, "eu-west-2"))) {
            home.createTable(b -> b.tableName(TABLE)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder()
                            .attributeName("pk")
                            .attributeType(ScalarAttributeType.S)
                            .build())
                    .keySchema(KeySchemaElement.builder()
                            .attributeName("pk")
                            .keyType(KeyType.HASH)
                            .build()));
            for (var replica : List.of("us-east-1", "us-west-2")) {
                home.updateTable(b -> b.tableName(TABLE)
                        .replicaUpdates(ReplicationGroupUpdate.builder()
                                .create(c -> c.regionName(replica))
                                .build()));
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> home.describeTable(b -> b.tableName(TABLE)).table().replicas().stream()
                            .allMatch(r -> r.replicaStatus() == ReplicaStatus.ACTIVE));
        }
    }

    private Map<String, Long> scan(String region) {
        var items = new HashMap<String, Long>();
        try (var client = CrashTests.failFastClient(DynamoDbClient.builder(), CrashTests.serviceUri(work, region))) {
            client.scanPaginator(b -> b.tableName(TABLE).consistentRead(true))
                    .items()
                    .forEach(item -> items.put(
                            item.get("pk").s(), Long.parseLong(item.get("n").n())));
        }
        return items;
    }
}
