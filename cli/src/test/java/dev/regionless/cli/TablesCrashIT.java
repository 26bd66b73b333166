package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.TableStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * A region process killed with SIGKILL while clients write through the SDK loses no acknowledged write, holds no
 * half-applied one, and its stream has every change once, without gaps.
 */
class TablesCrashIT {
    private static final int WRITERS = 16;

    @TempDir
    Path work;

    @RepeatedTest(3)
    void aKilledRegionKeepsEveryAcknowledgedWriteAndAGaplessStream() throws Exception {
        var acknowledged = ConcurrentHashMap.<String>newKeySet();
        try (var region = CrashTests.startRegion(work, "eu-west-2")) {
            try (var dynamo =
                    CrashTests.failFastClient(DynamoDbClient.builder(), CrashTests.serviceUri(work, "eu-west-2"))) {
                createTable(dynamo);
                var stop = new AtomicBoolean();
                var writers = new ArrayList<Thread>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    writers.add(Thread.ofPlatform().start(() -> write(dynamo, writer, stop, acknowledged)));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 500);
                region.kill();
                stop.set(true);
                for (var thread : writers) {
                    thread.join(Duration.ofSeconds(30));
                }
            }
        }

        // Reopen the killed region's store directly: recovery from the log is what is under test.
        try (var store = TableStore.open(
                work.resolve("data/eu-west-2/tables"), "eu-west-2", "000000000000", Clock.systemUTC())) {
            var table = store.requireTable("crash");
            var stored = new HashSet<String>();
            try (var cursor = store.read(table, new TableStore.ReadRange(null, null, 0, 1, true, null))) {
                while (cursor.hasNext()) {
                    var item = cursor.next();
                    var id = ((dev.regionless.tables.AttributeValue.S)
                                    item.get("id").orElseThrow())
                            .value();
                    // Every stored item is whole: the payload was written with the key or not at all.
                    assertThat(item.get("payload")).isPresent();
                    stored.add(id);
                }
            }
            assertThat(stored).containsAll(acknowledged);

            var records = store.readStream(table, 0, Integer.MAX_VALUE);
            var sequences = records.stream().map(ChangeRecord::sequence).toList();
            for (int i = 0; i < sequences.size(); i++) {
                assertThat(sequences.get(i)).isEqualTo(i + 1L);
            }
            Set<String> inStream = new HashSet<>();
            records.forEach(r -> inStream.add(
                    ((dev.regionless.tables.AttributeValue.S) r.keys().get("id").orElseThrow()).value()));
            assertThat(inStream).isEqualTo(stored);
            assertThat(records).hasSameSizeAs(stored);
        }
    }

    private static void createTable(DynamoDbClient dynamo) {
        dynamo.createTable(b -> b.tableName("crash")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("id")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(KeySchemaElement.builder()
                        .attributeName("id")
                        .keyType(KeyType.HASH)
                        .build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    private static void write(DynamoDbClient dynamo, int writer, AtomicBoolean stop, Set<String> acknowledged) {
        for (int i = 0; !stop.get(); i++) {
            var id = writer + "-" + i;
            try {
                dynamo.putItem(b -> b.tableName("crash")
                        .item(Map.of(
                                "id", AttributeValue.fromS(id),
                                "payload", AttributeValue.fromS("x".repeat(200)))));
                acknowledged.add(id);
            } catch (RuntimeException e) {
                return; // the region is gone: this write was never acknowledged
            }
        }
    }
}
