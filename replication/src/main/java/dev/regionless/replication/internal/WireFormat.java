package dev.regionless.replication.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import dev.regionless.tables.protocol.AttributeValues;
import java.io.IOException;
import java.util.ArrayList;

/**
 * The link's body, JSON so that a shipment can be read with curl when something goes wrong; items are in
 * DynamoDB's own JSON form, the one the service port speaks:
 *
 * <pre>
 * POST /regionless/replication/v1/changes
 * {"table": "messages", "source": "eu-west-2", "changes": [
 *   {"seq": 42, "keys": {"pk": {"S": "a"}}, "image": {"pk": {"S": "a"}, "n": {"N": "1"}},
 *    "ts": 117403919342305280, "origin": "eu-west-2", "createdAt": 1791000000000},
 *   {"seq": 43, "keys": {"pk": {"S": "b"}}, "ts": 117403919342305281, "origin": "eu-west-2", "createdAt": ...}]}
 * </pre>
 *
 * A change without {@code image} is a delete. A new replica's backfill pages carry {@code "snapshot": true}: they
 * are applied even below the replica's tombstone horizon, since a snapshot holds items however old. The answer is {@code {"appliedThrough": 43, "applied": 2}}: the
 * last position the destination has made durable, and how many items changed there (older changes are ignored).
 */
final class WireFormat {
    static final String CHANGES_PATH = "/regionless/replication/v1/changes";

    private WireFormat() {}

    static byte[] write(ChangeBatch batch) {
        var root = Json.mapper().createObjectNode();
        root.put("table", batch.table());
        root.put("source", batch.source());
        if (batch.snapshot()) {
            root.put("snapshot", true);
        }
        var changes = root.putArray("changes");
        for (var change : batch.changes()) {
            var node = changes.addObject();
            node.put("seq", change.sequence());
            node.set("keys", AttributeValues.writeItem(change.keys()));
            if (change.image() != null) {
                node.set("image", AttributeValues.writeItem(change.image()));
            }
            node.put("ts", change.timestamp());
            node.put("origin", change.origin());
            node.put("createdAt", change.createdAtMillis());
        }
        return bytes(root);
    }

    /** @throws IllegalArgumentException naming what is missing or malformed */
    static ChangeBatch read(byte[] body) {
        var root = tree(body);
        var changes = new ArrayList<ShippedChange>();
        var array = root.get("changes");
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("changes: missing (expected: an array)");
        }
        for (var node : array) {
            var image = node.get("image");
            changes.add(new ShippedChange(
                    required(node, "seq").asLong(),
                    AttributeValues.readItem(required(node, "keys")),
                    image == null || image.isNull() ? null : AttributeValues.readItem(image),
                    required(node, "ts").asLong(),
                    required(node, "origin").asText(),
                    required(node, "createdAt").asLong()));
        }
        var snapshot = root.get("snapshot");
        return new ChangeBatch(
                required(root, "table").asText(),
                required(root, "source").asText(),
                changes,
                snapshot != null && snapshot.asBoolean());
    }

    static byte[] acknowledgement(long appliedThrough, int applied) {
        return bytes(Json.mapper()
                .createObjectNode()
                .put("appliedThrough", appliedThrough)
                .put("applied", applied));
    }

    static long appliedThrough(byte[] body) {
        return required(tree(body), "appliedThrough").asLong();
    }

    static JsonNode tree(byte[] body) {
        try {
            var node = Json.mapper().readTree(body);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("body: not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "body: not JSON (" + e.getMessage().lines().findFirst().orElse("unreadable") + ")", e);
        }
    }

    static JsonNode required(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(field + ": missing");
        }
        return value;
    }

    static byte[] bytes(ObjectNode node) {
        try {
            return Json.mapper().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
