package dev.regionless.events.topics.internal;

import dev.regionless.common.storage.FamilyDatabase;
import java.nio.file.Path;

/**
 * The topics' RocksDB database, one column family per kind of record. A write is acknowledged once it is durable,
 * so a publish that answered has its deliveries on disk, and concurrent publishers share one sync.
 */
public final class TopicDatabase extends FamilyDatabase<TopicDatabase.Family> {

    private TopicDatabase(Path folder) {
        super(folder, Family.class, "topics");
    }

    /** Opens (or creates) the database in {@code folder}; a database closed by a crash recovers from its log. */
    public static TopicDatabase open(Path folder) {
        return new TopicDatabase(folder);
    }

    /** The kinds of records, each in its own column family. */
    public enum Family {
        /** Topic name to the topic: kind, attributes, tags. */
        TOPICS,
        /** Subscription ARN to the subscription. */
        SUBSCRIPTIONS,
        /** Delivery number to a delivery owed to one subscriber, with its attempts so far. */
        DELIVERIES,
        /** Topic name and deduplication id to the message a FIFO topic accepted under it, for five minutes. */
        DEDUPLICATION,
        /** The store's counters. */
        META
    }
}
