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
     * a change's creation to its acknowledgement), then one per replica being filled ({@code CREATING 43% (43,000/
     * 100,000 items)} for a new replica, {@code RESYNCING} for one resynchronised after the stream lost changes it
     * had not received), then one per global table holding tombstones or having collected some.
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
            if (link.path("resyncs").asLong() > 0) {
                line += "  resynced " + link.path("resyncs").asLong() + "x";
            }
            if (link.path("cut").asBoolean()) {
                line += "  CUT";
            } else if (link.hasNonNull("lastError")) {
                line += "  error: " + link.path("lastError").asText();
            }
            lines.add(line);
        }
        for (var fill : replication.path("backfills")) {
            lines.add(fillLine(fill));
        }
        for (var table : replication.path("tombstones")) {
            if (table.path("tombstones").asLong() > 0 || table.path("collected").asLong() > 0) {
                lines.add(String.format(
                        Locale.ROOT,
                        "  %-28s tombstones %,d kept, %,d collected (%s)",
                        table.path("table").asText(),
                        table.path("tombstones").asLong(),
                        table.path("collected").asLong(),
                        table.path("lastOutcome").asText()));
            }
        }
        return lines;
    }

    /** A replica being filled, with the share of the table's items read so far. */
    private static String fillLine(JsonNode fill) {
        long total = fill.path("itemsTotal").asLong();
        long read = fill.path("itemsRead").asLong();
        int percent = total <= 0 ? 99 : (int) Math.min(99, read * 100 / total);
        var target =
                fill.path("table").asText() + " > " + fill.path("destination").asText();
        if (fill.path("kind").asText().equals("resync")) {
            return String.format(
                    Locale.ROOT,
                    "  %-28s RESYNCING %d%% (%,d/%,d items read, %,d of this region's shipped)",
                    target,
                    percent,
                    read,
                    Math.max(total, read),
                    fill.path("itemsShipped").asLong());
        }
        return String.format(
                Locale.ROOT, "  %-28s CREATING %d%% (%,d/%,d items)", target, percent, read, Math.max(total, read));
    }

    /** Milliseconds, or "-" when there is no figure yet (-1). */
    private static String millis(long value) {
        return value < 0 ? "     -" : String.format(Locale.ROOT, "%4d ms", value);
    }
}
