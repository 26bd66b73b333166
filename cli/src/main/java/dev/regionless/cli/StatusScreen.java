package dev.regionless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines {@code status --watch} draws from a {@link StatusSnapshot}: each region's state, health switch, links and
 * replication lag, then a table of each edge's view of each region (health, round trip, share of its traffic).
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
            lines.addAll(edgeHeading(edges));
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

    /** The edges' table heading: the columns, and each edge's policy when they differ (else once). */
    private static List<String> edgeHeading(JsonNode edges) {
        var policies = new java.util.LinkedHashMap<String, String>();
        edges.properties().forEach(entry -> {
            var policy = entry.getValue().path("status").path("policy").asText("");
            if (!policy.isEmpty()) {
                policies.put(entry.getKey(), policy);
            }
        });
        var distinct = new java.util.LinkedHashSet<>(policies.values());
        String routing;
        if (distinct.isEmpty()) {
            routing = "";
        } else if (distinct.size() == 1) {
            routing = " routing " + distinct.iterator().next();
        } else {
            var each = new ArrayList<String>();
            policies.forEach((edge, policy) -> each.add(edge + ": " + policy));
            routing = " routing " + String.join("; ", each);
        }
        return List.of(
                "edges" + routing,
                String.format(Locale.ROOT, "  %-10s %-12s %-25s %8s %6s", "edge", "region", "health", "rtt", "share"));
    }

    /**
     * One line per region an edge knows, as its admin API gives them: health by its checks (or its ejection), the
     * round trip latency routing compares (measured plus simulated), and the share of its traffic in the last 10 s;
     * {@code *} marks where a request would go now. An edge that does not answer gets one line saying why.
     */
    private static void edge(String name, JsonNode entry, List<String> lines) {
        var status = entry.path("status");
        if (status.isMissingNode() || status.isNull()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "  %-10s %s  %s",
                    name,
                    entry.path("endpoints").path("http").asText("-"),
                    entry.path("error").asText()));
            return;
        }
        var choice = status.path("choice").asText("");
        var regions = new ArrayList<JsonNode>();
        var byName = status.path("regions");
        if (byName.isArray()) {
            byName.forEach(regions::add);
        } else {
            byName.properties()
                    .forEach(region -> regions.add(((com.fasterxml.jackson.databind.node.ObjectNode)
                                    region.getValue().deepCopy())
                            .put("region", region.getKey())));
        }
        for (var region : regions) {
            var regionName = region.path("region").asText("?");
            lines.add(String.format(
                    Locale.ROOT,
                    "  %-10s %-12s %-25s %5.0f ms %5.0f%%%s",
                    name,
                    regionName,
                    health(region),
                    region.path("latencyMillis").asDouble(),
                    region.path("share").asDouble() * 100,
                    regionName.equals(choice) ? "  *" : ""));
        }
    }

    private static String health(JsonNode region) {
        var ejected = region.path("ejectedUntil");
        if (!ejected.isMissingNode() && !ejected.isNull()) {
            return "ejected";
        }
        return region.path("health").asText("?");
    }
}
