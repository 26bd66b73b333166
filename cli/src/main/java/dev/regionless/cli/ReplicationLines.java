package dev.regionless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines {@code status} prints for a region's replication, from its {@code GET /admin/replication}. */
final class ReplicationLines {
    private ReplicationLines() {}

    /**
     * One line per outgoing link ({@code table > destination}: changes pending, age of the oldest, lag p50/p99 from
     * a change's creation to its acknowledgement), then one per replica being filled.
     */
    static List<String> of(JsonNode replication) {
        var lines = new ArrayList<String>();
        for (var link : replication.path("links")) {
            var line = String.format(
                    Locale.ROOT,
                    "  %-28s pending %6d  oldest %s  lag p50 %s  p99 %s  shipped %d",
                    link.path("table").asText() + " > "
                            + link.path("destination").asText(),
                    link.path("pending").asLong(),
                    millis(link.path("oldestPendingAgeMillis").asLong()),
                    millis(link.path("lagP50Millis").asLong()),
                    millis(link.path("lagP99Millis").asLong()),
                    link.path("shipped").asLong());
            if (link.path("cut").asBoolean()) {
                line += "  CUT";
            } else if (link.hasNonNull("lastError")) {
                line += "  error: " + link.path("lastError").asText();
            }
            lines.add(line);
        }
        for (var backfill : replication.path("backfills")) {
            lines.add("  filling " + backfill.asText());
        }
        return lines;
    }

    /** Milliseconds, or "-" when there is no figure yet (-1). */
    private static String millis(long value) {
        return value < 0 ? "     -" : String.format(Locale.ROOT, "%4d ms", value);
    }
}
