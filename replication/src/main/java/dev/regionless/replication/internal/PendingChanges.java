package dev.regionless.replication.internal;

import dev.regionless.tables.ChangeRecord;
import java.util.List;

/**
 * What a link has still to ship: this region's changes in the stream after the link's cursor. Counted exactly up to
 * a number of records read, beyond that extrapolated from the share of this region's changes among those read, so
 * that a refreshing status costs little even with a backlog of millions.
 *
 * @param count how many changes are pending (an estimate when more than the limit were behind)
 * @param oldestMillis when the oldest pending change was made, or -1 when none was found
 */
record PendingChanges(long count, long oldestMillis) {

    /** Reads up to {@code limit} stream records after {@code afterSequence}. */
    @FunctionalInterface
    interface StreamPages {
        List<ChangeRecord> after(long afterSequence, int limit);
    }

    static PendingChanges count(StreamPages stream, String region, long cursor, long lastSequence, int scanLimit) {
        long count = 0;
        long oldest = -1;
        long scanned = cursor;
        long read = 0;
        while (read < scanLimit) {
            var page = stream.after(scanned, (int) Math.min(1000, scanLimit - read));
            if (page.isEmpty()) {
                break;
            }
            for (var record : page) {
                if (record.origin().equals(region)) {
                    count++;
                    if (oldest < 0) {
                        oldest = record.createdAtMillis();
                    }
                }
                scanned = record.sequence();
            }
            read += page.size();
        }
        long unread = lastSequence - scanned;
        if (unread > 0 && read > 0) {
            count += Math.round((double) count / read * unread);
        }
        return new PendingChanges(count, oldest);
    }
}
