package dev.regionless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines {@code status --watch} draws from a {@link StatusSnapshot}: each region's state, health switch, links and
 * replication lag, then each edge's own view of the regions.
 */
final class StatusScreen {
    private StatusScreen() {}

    static List<String> lines(JsonNode snapshot) {
        var lines = new ArrayList<String>();
        // To the second: the fraction only makes the line flicker.
        var time = snapshot.path("time").asText().replaceFirst("\\.\\d+Z$", "Z");
        lines.add("regionless status at " + time + " (every second; Ctrl-C to stop)");
        lines.add("");
        snapshot.path("regions").properties().forEach(entry -> region(entry.getKey(), entry.getValue(), lines));
        var edges = snapshot.path("edges");
        if (!edges.isEmpty()) {
            lines.add("");
            lines.add("edges");
            edges.properties().forEach(entry -> edge(entry.getKey(), entry.getValue(), lines));
        }
        return lines;
    }

    private static void region(String name, JsonNode entry, List<String> lines) {
        var service = entry.path("endpoints").path("service").asText("-");
        var status = entry.path("status");
        if (status.isMissingNode() || status.isNull()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "%-12s %-11s %s  (%s)",
                    name,
                    "unreachable",
                    service,
                    entry.path("error").asText()));
            return;
        }
        var health = status.path("healthSwitch").asText().equals("fail") ? "health FAIL" : "health pass";
        lines.add(String.format(
                Locale.ROOT, "%-12s %-11s %-11s %s", name, status.path("state").asText(), health, service));
        var links = new ArrayList<String>();
        for (var link : status.path("links").path("links")) {
            links.add(link.path("peer").asText()
                    + (link.path("cut").asBoolean() ? " CUT" : " up")
                    + (link.path("delayMillis").asLong() > 0
                            ? " +" + link.path("delayMillis").asLong() + " ms"
                            : ""));
        }
        if (!links.isEmpty()) {
            lines.add("  links  " + String.join(", ", links));
        }
        lines.addAll(ReplicationLines.of(status.path("replication")));
    }

    /**
     * An edge's view as its admin API gives it: for each region it lists (an object keyed by region, or a list of
     * objects with a {@code region} field), one line of its scalar fields; its other scalar fields on the edge's line.
     */
    private static void edge(String name, JsonNode entry, List<String> lines) {
        var http = entry.path("endpoints").path("http").asText("-");
        var status = entry.path("status");
        if (status.isMissingNode() || status.isNull()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "  %-10s %s  %s",
                    name,
                    http,
                    entry.path("error").asText()));
            return;
        }
        lines.add(String.format(Locale.ROOT, "  %-10s %s  %s", name, http, scalars(status)));
        var regions = status.path("regions");
        if (regions.isObject()) {
            regions.properties()
                    .forEach(region -> lines.add(
                            String.format(Locale.ROOT, "    %-12s %s", region.getKey(), scalars(region.getValue()))));
        } else if (regions.isArray()) {
            for (var region : regions) {
                lines.add(String.format(
                        Locale.ROOT, "    %-12s %s", region.path("region").asText("?"), scalars(region)));
            }
        }
    }

    /** {@code key value} for each scalar field but {@code region} and {@code edge}, which the line already names. */
    private static String scalars(JsonNode node) {
        var parts = new ArrayList<String>();
        node.properties().forEach(field -> {
            if (field.getValue().isValueNode()
                    && !field.getKey().equals("region")
                    && !field.getKey().equals("edge")) {
                parts.add(field.getKey() + " " + field.getValue().asText());
            }
        });
        return String.join("  ", parts);
    }
}
