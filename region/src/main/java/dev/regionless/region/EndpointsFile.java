package dev.regionless.region;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * <pre>{"regions": {"eu-west-2": {"service": URL, "api": URL, "websocket": null, "admin": URL}}, "edges": {}}</pre>
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

    private static void update(Path dataRoot, java.util.function.Consumer<ObjectNode> change) {
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
