package dev.regionless.events.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.events.EventInvokeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The functions' asynchronous invocation settings on disk, so that those set through the API outlive a restart.
 * Saving writes a new file beside the old one, forces it and renames it over the old, so a crash leaves either
 * version whole.
 */
public final class InvokeConfigFile {
    private final Path file;

    /** @param file where to keep them, or {@code null} to keep them in memory only */
    public InvokeConfigFile(Path file) {
        this.file = file;
    }

    /**
     * One function's settings and where they came from.
     *
     * @param fromTemplate declared by the deployed template, which sets them again (or removes them) on each deploy
     */
    public record Stored(EventInvokeConfig config, boolean fromTemplate) {}

    public List<Stored> load() {
        if (file == null || !Files.exists(file)) {
            return List.of();
        }
        try {
            var configs = new ArrayList<Stored>();
            for (var node : Json.mapper().readTree(file.toFile())) {
                configs.add(new Stored(decode(node), node.path("fromTemplate").asBoolean()));
            }
            return configs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public void save(List<Stored> configs) {
        if (file == null) {
            return;
        }
        var array = Json.mapper().createArrayNode();
        for (var stored : configs) {
            var config = stored.config();
            var node = array.addObject();
            node.put("fromTemplate", stored.fromTemplate());
            node.put("functionName", config.functionName());
            putIfSet(node, "maximumRetryAttempts", config.maximumRetryAttempts());
            putIfSet(node, "maximumEventAgeInSeconds", config.maximumEventAgeInSeconds());
            node.put("onSuccess", config.onSuccess());
            node.put("onFailure", config.onFailure());
            node.put("deadLetterTarget", config.deadLetterTarget());
            node.put("lastModified", config.lastModified().toEpochMilli());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            var temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temporary, Json.mapper().writeValueAsBytes(array));
            try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void putIfSet(com.fasterxml.jackson.databind.node.ObjectNode node, String name, Integer value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static EventInvokeConfig decode(JsonNode node) {
        return new EventInvokeConfig(
                node.get("functionName").asText(),
                node.hasNonNull("maximumRetryAttempts")
                        ? node.get("maximumRetryAttempts").asInt()
                        : null,
                node.hasNonNull("maximumEventAgeInSeconds")
                        ? node.get("maximumEventAgeInSeconds").asInt()
                        : null,
                node.hasNonNull("onSuccess") ? node.get("onSuccess").asText() : null,
                node.hasNonNull("onFailure") ? node.get("onFailure").asText() : null,
                node.hasNonNull("deadLetterTarget")
                        ? node.get("deadLetterTarget").asText()
                        : null,
                Instant.ofEpochMilli(node.get("lastModified").asLong()));
    }
}
