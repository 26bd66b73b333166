package dev.regionless.replication;

import java.util.Map;

/**
 * One item that the replicas of a table do not agree on.
 *
 * @param key the item's primary key in DynamoDB's JSON form, such as {@code {"pk":{"S":"a"}}}
 * @param versions each replica's version of the item, as {@code "TIMESTAMP ORIGIN"} (the hybrid logical clock
 *     timestamp and the region that accepted the write), or {@code "absent"}; by region name
 */
public record KeyDifference(String key, Map<String, String> versions) {
    /** How {@link #versions} shows a replica that does not hold the item. */
    public static final String ABSENT = "absent";

    public KeyDifference {
        versions = Map.copyOf(versions);
    }
}
