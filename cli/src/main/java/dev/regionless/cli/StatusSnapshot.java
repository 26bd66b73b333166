package dev.regionless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * The state of a whole run at one moment, as {@code status --json} prints it and {@code status --watch} draws it:
 *
 * <pre>{"time": ISO instant,
 *  "regions": {"eu-west-2": {"endpoints": {...}, "status": GET /admin/status, or null, "error": why it is missing}},
 *  "edges": {"london": {"endpoints": {...}, "status": GET &lt;admin&gt;/admin/edge, or null, "error": ...}}}</pre>
 *
 * A region or edge that does not answer is listed with its error instead of failing the whole view.
 */
final class StatusSnapshot {
    /** How long one region or edge may take to answer; a watched view refreshes every second. */
    static final Duration TIMEOUT = Duration.ofMillis(900);

    static final String EDGE_UNAVAILABLE = "edge status unavailable";

    private StatusSnapshot() {}

    static ObjectNode take(AdminClient admin, Instant now) {
        var root = Json.mapper().createObjectNode();
        root.put("time", now.toString());
        var regions = root.putObject("regions");
        for (var name : admin.regionNames()) {
            var endpoints = admin.endpoints(name);
            var entry = regions.putObject(name);
            entry.set("endpoints", endpoints);
            fetch(admin, entry, endpoints.path("admin").asText(null), "/admin/status", "no admin URL");
        }
        var edges = root.putObject("edges");
        for (var name : admin.edgeNames()) {
            var endpoints = admin.edge(name);
            var entry = edges.putObject(name);
            entry.set("endpoints", endpoints);
            fetch(
                    admin,
                    entry,
                    endpoints.path("admin").asText(null),
                    "/admin/edge",
                    EDGE_UNAVAILABLE + " (no admin URL in endpoints.json)");
            if (entry.hasNonNull("error") && !entry.path("error").asText().startsWith(EDGE_UNAVAILABLE)) {
                entry.put("error", EDGE_UNAVAILABLE + ": " + entry.path("error").asText());
            }
        }
        return root;
    }

    private static void fetch(AdminClient admin, ObjectNode entry, String base, String path, String whenNoBase) {
        JsonNode status = null;
        String error = null;
        if (base == null || base.isBlank()) {
            error = whenNoBase;
        } else {
            try {
                status = admin.getAt(URI.create(base + path), TIMEOUT);
            } catch (CliException | IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
        entry.set("status", status);
        entry.put("error", error);
    }
}
