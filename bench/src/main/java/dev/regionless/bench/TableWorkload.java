package dev.regionless.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * One target of the tables benchmark, reached through the AWS SDK for Java v2 as users reach it: a table with a
 * partition key and a sort key, items of about 200 bytes, and the three calls that are measured. PutItem writes
 * keys never written before; GetItem reads one of {@value #GET_KEYS} preloaded items at random; Query reads one of
 * {@value #QUERY_PARTITIONS} preloaded partitions of {@value #PARTITION_ITEMS} items at random, all of them.
 */
final class TableWorkload implements AutoCloseable {
    static final String TABLE = "bench";
    static final int GET_KEYS = 5_000;
    static final int QUERY_PARTITIONS = 200;
    static final int PARTITION_ITEMS = 10;
    static final int MAX_CONNECTIONS = 128;

    // With the key attributes and a number, an item is about 200 bytes by DynamoDB's measure (names plus values).
    private static final AttributeValue PAYLOAD =
            AttributeValue.fromS("0123456789abcdef".repeat(11).substring(0, 170));

    private final String name;
    private final DynamoDbClient client;
    private final boolean inThisProcess;
    private final LongSupplier ownProcessCpu;
    private final AtomicLong nextPutKey = new AtomicLong();

    private TableWorkload(String name, DynamoDbClient client, boolean inThisProcess, LongSupplier ownProcessCpu) {
        this.name = name;
        this.client = client;
        this.inThisProcess = inThisProcess;
        this.ownProcessCpu = ownProcessCpu;
    }

    /** A target whose server runs in this JVM: its CPU time is this process's, less the calling threads'. */
    static TableWorkload inThisProcess(String name, URI endpoint) {
        return new TableWorkload(name, client(endpoint), true, () -> 0);
    }

    /** A target whose server runs in a process of its own, which {@code ownProcessCpu} reads the CPU time of. */
    static TableWorkload inOwnProcess(String name, URI endpoint, LongSupplier ownProcessCpu) {
        return new TableWorkload(name, client(endpoint), false, ownProcessCpu);
    }

    /** A client for {@code endpoint} with a connection pool wider than the benchmark's clients, and no retries. */
    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(MAX_CONNECTIONS))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    String name() {
        return name;
    }

    /** CPU time used so far by the target's own process; 0 when it runs in this one. */
    long ownProcessCpuNanos() {
        return ownProcessCpu.getAsLong();
    }

    /** The server's CPU time during {@code run}, which started when {@link #ownProcessCpuNanos()} was {@code before}. */
    long serverCpuNanos(CallLoad.Result run, long before) {
        return inThisProcess ? run.processCpuNanos() - run.clientCpuNanos() : ownProcessCpu.getAsLong() - before;
    }

    /** Creates the table, waits until it is active, and writes the items GetItem and Query read. */
    void prepare() throws InterruptedException, ExecutionException {
        client.createTable(b -> b.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName("pk")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("sk")
                                .attributeType(ScalarAttributeType.S)
                                .build())
                .keySchema(
                        KeySchemaElement.builder()
                                .attributeName("pk")
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName("sk")
                                .keyType(KeyType.RANGE)
                                .build()));
        awaitActive();
        var writes = new ArrayList<Future<?>>();
        try (var pool = Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < GET_KEYS; i++) {
                var key = getKey(i);
                long n = i;
                writes.add(pool.submit(() -> write(key, "0", n)));
            }
            for (int p = 0; p < QUERY_PARTITIONS; p++) {
                for (int s = 0; s < PARTITION_ITEMS; s++) {
                    var key = queryKey(p);
                    var sort = String.format(Locale.ROOT, "%02d", s);
                    long n = s;
                    writes.add(pool.submit(() -> write(key, sort, n)));
                }
            }
        }
        for (var write : writes) {
            write.get();
        }
    }

    void putItem(SplittableRandom random) {
        long n = nextPutKey.getAndIncrement();
        write("put-" + n, "0", n);
    }

    void getItem(SplittableRandom random) {
        var key = Map.of("pk", AttributeValue.fromS(getKey(random.nextInt(GET_KEYS))), "sk", AttributeValue.fromS("0"));
        var response = client.getItem(b -> b.tableName(TABLE).key(key));
        if (!response.hasItem() || response.item().isEmpty()) {
            throw new IllegalStateException("GetItem found no item for " + key);
        }
    }

    void query(SplittableRandom random) {
        var key = queryKey(random.nextInt(QUERY_PARTITIONS));
        var response = client.query(b -> b.tableName(TABLE)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(key))));
        if (response.count() != PARTITION_ITEMS) {
            throw new IllegalStateException("Query of " + key + " returned " + response.count() + " items");
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private void write(String key, String sort, long n) {
        client.putItem(b -> b.tableName(TABLE)
                .item(Map.of(
                        "pk", AttributeValue.fromS(key),
                        "sk", AttributeValue.fromS(sort),
                        "n", AttributeValue.fromN(Long.toString(n)),
                        "payload", PAYLOAD)));
    }

    private void awaitActive() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (client.describeTable(b -> b.tableName(TABLE)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + ": table " + TABLE + " not active after 30 s");
            }
            Thread.sleep(50);
        }
    }

    private static String getKey(int i) {
        return "get-" + i;
    }

    private static String queryKey(int partition) {
        return "query-" + partition;
    }
}
