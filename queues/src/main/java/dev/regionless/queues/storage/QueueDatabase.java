package dev.regionless.queues.storage;

import dev.regionless.common.storage.FamilyDatabase;
import java.nio.file.Path;

/**
 * The queues' RocksDB database, one column family per kind of record, whose writes are acknowledged only once they
 * are durable. A batch is atomic, so a message moved to a dead-letter queue is in exactly one of the two queues, also
 * after a crash.
 */
public final class QueueDatabase extends FamilyDatabase<QueueDatabase.Family> {

    private QueueDatabase(Path folder) {
        super(folder, Family.class, "queues");
    }

    /** Opens (or creates) the database in {@code folder}; a database closed by a crash recovers from its log. */
    public static QueueDatabase open(Path folder) {
        return new QueueDatabase(folder);
    }

    /** The kinds of records, each in its own column family. */
    public enum Family {
        /** Queue name to the queue's settings and tags. */
        QUEUES,
        /** Queue id and message number to the message as sent: body, attributes, timestamps. */
        MESSAGES,
        /** Queue id and message number to what changes as the message is received: visibility, receive count. */
        STATES,
        /** Queue id and deduplication key to the message a FIFO queue accepted under it, for five minutes. */
        DEDUPLICATION,
        /** Settings of the store itself: the receipt handle key, the id counters. */
        META,
        /** Message move tasks by start time: their settings, status and progress. */
        MOVE_TASKS
    }
}
