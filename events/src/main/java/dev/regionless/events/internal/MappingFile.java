package dev.regionless.events.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.events.EventSourceMapping;
import dev.regionless.events.FailureHandling;
import dev.regionless.events.FilterCriteria;
import dev.regionless.events.StartingPosition;
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
 * The mappings created through the Lambda API, in one JSON file of the region's data folder. Each change writes a
 * new file beside the old one, forces it to disk and renames it over the old, so a crash leaves either version whole.
 * Template mappings are not kept here: each deploy of the template declares them again.
 */
public final class MappingFile {
    private final Path file;

    /** @param file the file, or {@code null} to keep nothing (mappings then live as long as the process) */
    public MappingFile(Path file) {
        this.file = file;
    }

    public List<MappingEntry> load() {
        if (file == null || !Files.exists(file)) {
            return List.of();
        }
        try {
            var root = Json.mapper().readTree(file.toFile());
            var entries = new ArrayList<MappingEntry>();
            root.path("mappings").forEach(node -> entries.add(decode(node)));
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public void save(List<MappingEntry> entries) {
        if (file == null) {
            return;
        }
        var root = Json.mapper().createObjectNode();
        root.put("version", 1);
        var list = root.putArray("mappings");
        entries.forEach(entry -> list.add(encode(entry)));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            var temporary = file.resolveSibling(file.getFileName() + ".new");
            Files.write(
                    temporary, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static JsonNode encode(MappingEntry entry) {
        var mapping = entry.mapping();
        var handling = mapping.failureHandling();
        var node = Json.mapper().createObjectNode();
        node.put("uuid", mapping.uuid());
        node.put("functionName", mapping.functionName());
        node.put("functionArn", entry.functionArn());
        node.put("eventSourceArn", mapping.eventSourceArn());
        node.put(
                "startingPosition",
                mapping.startingPosition() == null
                        ? null
                        : mapping.startingPosition().name());
        node.put("batchSize", mapping.batchSize());
        node.put("maximumBatchingWindowInSeconds", mapping.maximumBatchingWindowInSeconds());
        node.put("parallelizationFactor", mapping.parallelizationFactor());
        node.put("bisectBatchOnFunctionError", handling.bisectBatchOnFunctionError());
        node.put("maximumRetryAttempts", handling.maximumRetryAttempts());
        node.put("maximumRecordAgeInSeconds", handling.maximumRecordAgeInSeconds());
        node.put("reportBatchItemFailures", handling.reportBatchItemFailures());
        node.put("onFailureDestination", handling.onFailureDestination());
        node.put("enabled", mapping.enabled());
        node.put("maximumConcurrency", mapping.maximumConcurrency());
        var filters = node.putArray("filterPatterns");
        mapping.filterCriteria().patterns().forEach(filters::add);
        node.put("lastModified", entry.lastModified().toEpochMilli());
        return node;
    }

    private static MappingEntry decode(JsonNode node) {
        var handling = new FailureHandling(
                node.path("bisectBatchOnFunctionError").asBoolean(),
                node.path("maximumRetryAttempts").asInt(FailureHandling.INFINITE),
                node.path("maximumRecordAgeInSeconds").asInt(FailureHandling.INFINITE),
                node.path("reportBatchItemFailures").asBoolean(),
                node.path("onFailureDestination").textValue());
        var mapping = new EventSourceMapping(
                node.path("uuid").asText(),
                node.path("functionName").asText(),
                node.path("eventSourceArn").asText(),
                node.path("startingPosition").isTextual()
                        ? StartingPosition.valueOf(node.path("startingPosition").asText())
                        : null,
                node.path("batchSize").asInt(EventSourceMapping.DEFAULT_BATCH_SIZE),
                node.path("maximumBatchingWindowInSeconds").asInt(),
                node.path("parallelizationFactor").asInt(1),
                handling,
                node.path("enabled").asBoolean(true),
                node.path("maximumConcurrency").asInt(0),
                new FilterCriteria(node.path("filterPatterns")
                        .valueStream()
                        .map(JsonNode::asText)
                        .toList()));
        return new MappingEntry(
                mapping,
                false,
                node.path("functionArn").asText(),
                Instant.ofEpochMilli(node.path("lastModified").asLong()),
                new ProcessingResult());
    }
}
