package dev.regionless.replication.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.tables.KeyRangeDigest;
import java.util.List;

/**
 * The messages by which a verifier compares replicas without shipping them: the fingerprints of a table's hash
 * ranges, then the keys and versions of the ranges whose fingerprints differ. Bodies are these records as JSON;
 * keys are in DynamoDB's JSON form.
 */
final class RangeCalls {
    static final String DIGESTS_PATH = "/regionless/replication/v1/digests";
    static final String VERSIONS_PATH = "/regionless/replication/v1/versions";

    private RangeCalls() {}

    /** Fingerprints of {@code [from, to)} split into {@code parts} equal ranges. */
    record DigestsRequest(String table, long from, long to, int parts) {}

    /** The fingerprints, and the table's replicas as this region knows them. */
    record DigestsAnswer(String region, List<String> replicas, List<KeyRangeDigest> ranges) {}

    /** The keys and versions of up to {@code limit} items of {@code [from, to)} after the key {@code after}. */
    record VersionsRequest(String table, long from, long to, JsonNode after, int limit) {}

    /** One item's key and version. */
    record KeyVersion(JsonNode keys, long timestamp, String origin) {}

    /** A page of keys and versions; {@code more} if the range holds items past it. */
    record VersionsAnswer(String region, List<KeyVersion> items, boolean more) {}
}
