package dev.regionless.queues.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import dev.regionless.queues.Queue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.TreeMap;

/** How a queue's catalog record is stored: its id, settings and tags, as JSON. */
final class Catalog {
    private Catalog() {}

    /** A stored queue: its number (the prefix of its messages' keys) and its settings. */
    record Entry(long id, Queue queue) {}

    static byte[] encode(long id, Queue queue) {
        var node = Json.mapper().createObjectNode();
        node.put("id", id)
                .put("name", queue.name())
                .put("arn", queue.arn())
                .put("created", queue.createdTimestamp())
                .put("modified", queue.lastModifiedTimestamp());
        var attributes = node.putObject("attributes");
        queue.attributes().forEach(attributes::put);
        var tags = node.putObject("tags");
        queue.tags().forEach(tags::put);
        return node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static Entry decode(byte[] bytes) {
        try {
            var node = (ObjectNode) Json.mapper().readTree(bytes);
            var attributes = new TreeMap<String, String>();
            node.path("attributes")
                    .properties()
                    .forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
            var tags = new TreeMap<String, String>();
            node.path("tags")
                    .properties()
                    .forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
            var queue = new Queue(
                    node.path("name").asText(),
                    node.path("arn").asText(),
                    attributes,
                    tags,
                    node.path("created").asLong(),
                    node.path("modified").asLong());
            return new Entry(node.path("id").asLong(), queue);
        } catch (IOException e) {
            throw new UncheckedIOException("a queue's catalog record cannot be read", e);
        }
    }
}
