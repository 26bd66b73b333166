package dev.regionless.tables.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * DynamoDB's order of key values, for {@code ORDER BY} the partition key of an {@code IN}: numbers by value, strings
 * and binaries by their bytes, unsigned. Values of another type than the first keep their place after it.
 */
final class KeyValueOrder {
    private KeyValueOrder() {}

    static List<JsonNode> sorted(List<JsonNode> values, boolean descending) {
        Comparator<JsonNode> order = KeyValueOrder::compare;
        return values.stream().sorted(descending ? order.reversed() : order).toList();
    }

    private static int compare(JsonNode a, JsonNode b) {
        if (a.has("N") && b.has("N")) {
            return new BigDecimal(a.get("N").asText())
                    .compareTo(new BigDecimal(b.get("N").asText()));
        }
        if (a.has("S") && b.has("S")) {
            return Arrays.compareUnsigned(
                    bytes(a.get("S").asText()), bytes(b.get("S").asText()));
        }
        if (a.has("B") && b.has("B")) {
            return Arrays.compareUnsigned(
                    decoded(a.get("B").asText()), decoded(b.get("B").asText()));
        }
        return 0;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decoded(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            // Not base64: the Query will refuse the value with DynamoDB's own error; its place does not matter.
            return bytes(base64);
        }
    }
}
