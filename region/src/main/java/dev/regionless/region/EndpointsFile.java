package dev.regionless.region;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;

/**
 * {@code <data>/endpoints.json}: where every region of a run answers, so scripts, tests and the CLI find them.
 * Several processes may share one data folder (one region each), so each update is a locked read-merge-write and
 * the file is replaced atomically.
 *
 * <pre>{"regions": {"eu-west-2": {"service": URL, "api": URL, "websocket": null, "admin": URL}},
 *  "edges": {"london": {"http": URL, "api": URL, "websocket": URL, "dns": "dns://host:port", "admin": URL}}}</pre>
 */
public final class EndpointsFile {
    public static final String NAME = "endpoints.json";

    private EndpointsFile() {}

    /** Adds or replaces these regions' entries. */
    public static void publish(Path dataRoot, Map<String, RegionEndpoints> regions) {
        update(
                dataRoot,
                root -> regions.forEach((name, endpoints) -> regionsOf(root).set(name, toJson(endpoints))));
    }

    /**
     * Where an edge router answers.
     *
     * @param http the root of its proxy ({@code http://host:port})
     * @param api the app's main HTTP API through the edge, stage included, or {@code null}
     * @param websocket the app's WebSocket API through the edge, stage included, or {@code null}
     * @param dns its DNS server, as {@code dns://host:port} (UDP and TCP)
     * @param admin its admin port ({@code GET /admin/edge})
     */
    public record EdgeEntry(URI http, URI api, URI websocket, URI dns, URI admin) {}

    /** Adds or replaces these edges' entries. */
    public static void publishEdges(Path dataRoot, Map<String, EdgeEntry> edges) {
        update(dataRoot, root -> edges.forEach((name, edge) -> edgesOf(root).set(name, toJson(edge))));
    }

    /** Removes these edges' entries, when their run stops. */
    public static void withdrawEdges(Path dataRoot, Collection<String> edgeNames) {
        update(dataRoot, root -> edgeNames.forEach(edgesOf(root)::remove));
    }

    /** Removes these regions' entries, when their run stops. */
    public static void withdraw(Path dataRoot, Collection<String> regionNames) {
        update(dataRoot, root -> regionNames.forEach(regionsOf(root)::remove));
    }

    /** Reads the file; empty sections when it does not exist. */
    public static ObjectNode read(Path dataRoot) {
        var file = dataRoot.resolve(NAME);
        try {
            if (Files.exists(file)) {
                var node = Json.mapper().readTree(file.toFile());
                if (node instanceof ObjectNode object) {
                    ensureSections(object);
                    return object;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        var empty = Json.mapper().createObjectNode();
        ensureSections(empty);
        return empty;
    }

    // synchronized: a file lock is per process, and two threads of one process (say, two shutdown hooks) would
    // otherwise overlap on it.
    private static synchronized void update(Path dataRoot, java.util.function.Consumer<ObjectNode> change) {
        try {
            Files.createDirectories(dataRoot);
            try (var channel = FileChannel.open(
                    dataRoot.resolve(".endpoints.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                // Held until the channel closes; other processes sharing this data folder wait here.
                channel.lock();
                var root = read(dataRoot);
                change.accept(root);
                var temporary = dataRoot.resolve(NAME + ".tmp");
                Json.mapper().writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
                Files.move(
                        temporary,
                        dataRoot.resolve(NAME),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dataRoot.resolve(NAME) + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode regionsOf(ObjectNode root) {
        return (ObjectNode) root.get("regions");
    }

    private static ObjectNode edgesOf(ObjectNode root) {
        return (ObjectNode) root.get("edges");
    }

    private static ObjectNode toJson(EdgeEntry edge) {
        var node = Json.mapper().createObjectNode();
        node.put("http", edge.http().toString());
        node.put("api", edge.api() == null ? null : edge.api().toString());
        node.put("websocket", edge.websocket() == null ? null : edge.websocket().toString());
        node.put("dns", edge.dns().toString());
        node.put("admin", edge.admin().toString());
        return node;
    }

    private static void ensureSections(ObjectNode root) {
        if (!(root.get("regions") instanceof ObjectNode)) {
            root.putObject("regions");
        }
        if (!(root.get("edges") instanceof ObjectNode)) {
            root.putObject("edges");
        }
    }

    private static ObjectNode toJson(RegionEndpoints endpoints) {
        var node = Json.mapper().createObjectNode();
        node.put("service", endpoints.service().toString());
        node.put("api", endpoints.api() == null ? null : endpoints.api().toString());
        node.put(
                "websocket",
                endpoints.websocket() == null ? null : endpoints.websocket().toString());
        node.put("admin", endpoints.admin().toString());
        return node;
    }
}
