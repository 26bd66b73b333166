package example.quack;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A message as clients see it, in the original app's protocol: {@code id}, {@code ts} (epoch milliseconds, as a
 * string), {@code message}, {@code source} (the sender's connection id) and {@code region} (the region serving
 * this client), plus Quack's {@code origin} (the region that accepted the message).
 */
record ChatMessage(String id, String ts, String message, String source, String region, String origin) {

    /** A stored item (from the table or a stream image) as seen from {@code servingRegion}. */
    static ChatMessage fromItem(Map<String, AttributeValue> item, String servingRegion) {
        return new ChatMessage(
                text(item, "id"),
                item.containsKey("ts") ? item.get("ts").n() : null,
                text(item, "message"),
                text(item, "source"),
                servingRegion,
                text(item, "origin"));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        var value = item.get(name);
        return value == null ? null : value.s();
    }
}
