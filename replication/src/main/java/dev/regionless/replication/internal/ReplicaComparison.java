package dev.regionless.replication.internal;

import dev.regionless.common.Json;
import dev.regionless.replication.KeyDifference;
import dev.regionless.replication.TableVerification;
import dev.regionless.tables.KeyRangeDigest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One comparison of a table's replicas, behind {@link dev.regionless.replication.TableVerifier}: fingerprints of
 * the whole hash space in {@link #TOP_PARTS} ranges, ranges that differ split into {@link #SPLIT_PARTS} and
 * asked again, and a range listed key by key once it is small. Blocking calls, one at a time.
 */
public final class ReplicaComparison {
    static final int TOP_PARTS = 64;
    static final int SPLIT_PARTS = 16;
    /** A differing range is listed key by key once no replica holds more items than this in it. */
    static final int LIST_AT_MOST = 256;

    private static final int PAGE = 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Carries one call to a region's replication endpoint. */
    interface Transport extends AutoCloseable {
        /** The answer's status and body. */
        Answer post(String region, String path, byte[] body) throws IOException, InterruptedException;

        @Override
        void close();
    }

    record Answer(int status, byte[] body) {}

    private final String table;
    private final java.util.Set<String> regions;
    private final Transport transport;
    private final int topParts;
    private final int splitParts;
    private final int listAtMost;
    private final List<KeyDifference> differences = new ArrayList<>();
    private int requests;

    /** Compares over HTTP, the running regions' service ports given by name. */
    public ReplicaComparison(String table, Map<String, URI> serviceUris) {
        this(
                table,
                serviceUris.keySet(),
                new HttpTransport(new TreeMap<>(serviceUris)),
                TOP_PARTS,
                SPLIT_PARTS,
                LIST_AT_MOST);
    }

    ReplicaComparison(
            String table,
            java.util.Set<String> regions,
            Transport transport,
            int topParts,
            int splitParts,
            int listAtMost) {
        this.table = table;
        this.regions = new TreeSet<>(regions);
        this.transport = transport;
        this.topParts = topParts;
        this.splitParts = splitParts;
        this.listAtMost = listAtMost;
    }

    public TableVerification run() {
        try (transport) {
            var first = new TreeMap<String, List<KeyRangeDigest>>();
            var replicas = new TreeSet<String>();
            for (var region : regions) {
                digests(region, 0, KeyRangeDigest.HASH_SPACE, topParts).ifPresent(answer -> {
                    first.put(region, answer.ranges());
                    replicas.addAll(answer.replicas());
                });
            }
            requireReplicas(first, replicas);
            compare(first);
            long items = first.firstEntry().getValue().stream()
                    .mapToLong(KeyRangeDigest::items)
                    .sum();
            differences.sort(java.util.Comparator.comparing(KeyDifference::key));
            return new TableVerification(table, List.copyOf(replicas), items, requests, differences);
        }
    }

    private void requireReplicas(Map<String, List<KeyRangeDigest>> answered, TreeSet<String> replicas) {
        if (answered.isEmpty()) {
            throw new IllegalArgumentException(
                    "table " + table + ": no running region holds it (running: " + regions + ")");
        }
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("table " + table + ": not a global table (held by " + answered.keySet()
                    + ", expected: a table with replicas)");
        }
        for (var replica : replicas) {
            if (!regions.contains(replica)) {
                throw new IllegalArgumentException("table " + table + ": its replica in " + replica
                        + " is not running (running: " + regions + ")");
            }
            if (!answered.containsKey(replica)) {
                throw new IllegalStateException("table " + table + ": " + replica
                        + " holds no such table, although the other replicas list it");
            }
        }
        answered.keySet().retainAll(replicas);
    }

    /** Compares the replicas' fingerprints of the same ranges, going deeper where they differ. */
    private void compare(Map<String, List<KeyRangeDigest>> byRegion) {
        var regions = List.copyOf(byRegion.keySet());
        int count = byRegion.get(regions.getFirst()).size();
        for (int i = 0; i < count; i++) {
            int index = i;
            var ranges = regions.stream().map(r -> byRegion.get(r).get(index)).toList();
            if (ranges.stream().distinct().count() == 1) {
                continue;
            }
            long from = ranges.getFirst().fromHash();
            long to = ranges.getFirst().toHash();
            long most = ranges.stream().mapToLong(KeyRangeDigest::items).max().orElse(0);
            if (most <= listAtMost || to - from <= splitParts) {
                listDifferences(regions, from, to);
            } else {
                var deeper = new LinkedHashMap<String, List<KeyRangeDigest>>();
                for (var region : regions) {
                    deeper.put(
                            region,
                            digests(region, from, to, splitParts)
                                    .orElseThrow(() -> gone(region))
                                    .ranges());
                }
                compare(deeper);
            }
        }
    }

    private void listDifferences(List<String> regions, long from, long to) {
        var versions = new TreeMap<String, Map<String, String>>();
        for (var region : regions) {
            for (var item : versions(region, from, to)) {
                versions.computeIfAbsent(item.keys().toString(), k -> new TreeMap<>())
                        .put(region, item.timestamp() + " " + item.origin());
            }
        }
        versions.forEach((key, byRegion) -> {
            var all = new TreeMap<String, String>();
            regions.forEach(region -> all.put(region, byRegion.getOrDefault(region, KeyDifference.ABSENT)));
            if (all.values().stream().distinct().count() > 1) {
                differences.add(new KeyDifference(key, all));
            }
        });
    }

    private List<RangeCalls.KeyVersion> versions(String region, long from, long to) {
        var items = new ArrayList<RangeCalls.KeyVersion>();
        com.fasterxml.jackson.databind.JsonNode after = null;
        while (true) {
            var request = new RangeCalls.VersionsRequest(table, from, to, after, PAGE);
            var answer = call(region, RangeCalls.VERSIONS_PATH, request, RangeCalls.VersionsAnswer.class)
                    .orElseThrow(() -> gone(region));
            items.addAll(answer.items());
            if (!answer.more() || answer.items().isEmpty()) {
                return items;
            }
            after = answer.items().getLast().keys();
        }
    }

    private Optional<RangeCalls.DigestsAnswer> digests(String region, long from, long to, int parts) {
        return call(
                region,
                RangeCalls.DIGESTS_PATH,
                new RangeCalls.DigestsRequest(table, from, to, parts),
                RangeCalls.DigestsAnswer.class);
    }

    /** The answer, or empty when the region holds no such table. */
    private <T> Optional<T> call(String region, String path, Object body, Class<T> answerType) {
        requests++;
        try {
            var answer = transport.post(region, path, Json.mapper().writeValueAsBytes(body));
            if (answer.status() == 200) {
                return Optional.of(Json.mapper().readValue(answer.body(), answerType));
            }
            var error = Json.mapper().readTree(answer.body());
            if (error.path("__type").asText().endsWith("ResourceNotFoundException")) {
                return Optional.empty();
            }
            throw new IllegalStateException(region + " answered " + answer.status() + ": "
                    + error.path("message").asText());
        } catch (IOException e) {
            throw new IllegalStateException(region + " does not answer (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + region, e);
        }
    }

    /** Calls the regions' service ports. */
    private static final class HttpTransport implements Transport {
        private final Map<String, URI> serviceUris;
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        HttpTransport(Map<String, URI> serviceUris) {
            this.serviceUris = serviceUris;
        }

        @Override
        public Answer post(String region, String path, byte[] body) throws IOException, InterruptedException {
            var uri = serviceUris.get(region).resolve(path);
            var request = HttpRequest.newBuilder(uri)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                return new Answer(response.statusCode(), response.body());
            } catch (IOException e) {
                throw new IOException("no answer at " + uri + ": " + e, e);
            }
        }

        @Override
        public void close() {
            http.close();
        }
    }

    private IllegalStateException gone(String region) {
        return new IllegalStateException("table " + table + ": " + region + " no longer holds it");
    }
}
