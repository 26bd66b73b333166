package dev.regionless.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Replication lag seen end to end: for each sampled write, from the moment its PutItem was acknowledged in its
 * region to the moment a consistent read in each other region first returns it. One poller thread per region reads
 * every sampled key it has not seen yet with one consistent BatchGetItem (up to 100 keys), then pauses a
 * millisecond, so the resolution is about one BatchGetItem; a key's visibility time is taken when the read that
 * found it returned, which counts that read's own latency against replication.
 *
 * <p>An earlier version read the keys one GetItem at a time, so a round took as many requests as keys were
 * waiting: its resolution grew with the load, and its reads took about a fifth of the machine's CPU.
 */
final class LagProbe {
    private static final Duration GIVE_UP = Duration.ofSeconds(10);
    private static final int KEYS_PER_READ = 100;

    /** A sampled write: its key, the region it was written in, and when the write was acknowledged. */
    private record Sample(String key, String source, long acknowledged, AtomicLong unseenIn, AtomicLong lastSeen) {}

    private final GlobalTable table;
    private final Map<String, ConcurrentLinkedQueue<Sample>> incoming = new LinkedHashMap<>();
    private final Map<String, Latencies> perLink = new ConcurrentHashMap<>();
    private final Latencies allReplicas = new Latencies();
    private final AtomicLong lost = new AtomicLong();
    private final List<Thread> pollers = new ArrayList<>();
    private volatile boolean stopping;

    LagProbe(GlobalTable table) {
        this.table = table;
        for (var region : table.regionNames()) {
            var queue = new ConcurrentLinkedQueue<Sample>();
            incoming.put(region, queue);
            pollers.add(Thread.ofPlatform().name("bench-lag-" + region).start(() -> poll(region, queue)));
        }
    }

    /** Records that {@code key} was acknowledged in {@code source} at {@code acknowledged} (nanoTime). */
    void sample(String key, String source, long acknowledged) {
        var sample = new Sample(key, source, acknowledged, new AtomicLong(incoming.size() - 1), new AtomicLong());
        incoming.forEach((region, queue) -> {
            if (!region.equals(source)) {
                queue.add(sample);
            }
        });
    }

    private void poll(String region, ConcurrentLinkedQueue<Sample> queue) {
        var client = table.client(region);
        var waiting = new ArrayList<Sample>();
        while (!stopping || !waiting.isEmpty() || !queue.isEmpty()) {
            for (var next = queue.poll(); next != null; next = queue.poll()) {
                waiting.add(next);
            }
            if (waiting.isEmpty()) {
                LockSupport.parkNanos(200_000);
                continue;
            }
            var round = waiting.subList(0, Math.min(KEYS_PER_READ, waiting.size()));
            var found = visible(client, round);
            long now = System.nanoTime();
            var iterator = round.iterator();
            while (iterator.hasNext()) {
                var sample = iterator.next();
                if (found.contains(sample.key())) {
                    seen(sample, region, now);
                    iterator.remove();
                } else if (now - sample.acknowledged() > GIVE_UP.toNanos()) {
                    lost.incrementAndGet();
                    iterator.remove();
                }
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** The keys among {@code samples} that a consistent BatchGetItem returns. */
    private static Set<String> visible(DynamoDbClient client, List<Sample> samples) {
        var keys = samples.stream()
                .map(sample -> Map.of("pk", AttributeValue.fromS(sample.key())))
                .toList();
        try {
            var answer = client.batchGetItem(b -> b.requestItems(Map.of(
                    GlobalTable.NAME,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
            var found = new HashSet<String>();
            answer.responses()
                    .getOrDefault(GlobalTable.NAME, List.of())
                    .forEach(item -> found.add(item.get("pk").s()));
            return found;
        } catch (SdkException e) {
            return Set.of();
        }
    }

    private void seen(Sample sample, String region, long now) {
        long lag = now - sample.acknowledged();
        perLink.computeIfAbsent(sample.source() + " > " + region, link -> new Latencies())
                .add(lag);
        sample.lastSeen().accumulateAndGet(now, Math::max);
        if (sample.unseenIn().decrementAndGet() == 0) {
            allReplicas.add(sample.lastSeen().get() - sample.acknowledged());
        }
    }

    /** Stops the pollers once every sample was seen everywhere or given up on. */
    void finish() throws InterruptedException {
        stopping = true;
        for (var poller : pollers) {
            poller.join();
        }
    }

    /** Per sampled write, the lag until it was visible in both other regions. */
    Latencies allReplicas() {
        return allReplicas;
    }

    /** Per link ({@code source > destination}), the lag until a sampled write was visible there. */
    Map<String, Latencies> perLink() {
        return new TreeMap<>(perLink);
    }

    /** Sampled visibilities not seen within {@link #GIVE_UP}. */
    long lost() {
        return lost.get();
    }
}
