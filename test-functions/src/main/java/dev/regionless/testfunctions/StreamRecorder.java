package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Writes what each DynamoDB stream event brought into the table named by {@code RECEIVED_TABLE}, through an SDK
 * client with default settings, so a test sees what arrived even though the function runs in its own class loader:
 *
 * <ul>
 *   <li>{@code id = "attempts"}: {@code count}, how many times the function was invoked;
 *   <li>{@code id = "invocation-<n>"}: the n-th invocation's {@code sequences} (comma-separated) and
 *       {@code outcome} ({@code failed} or {@code ok});
 *   <li>{@code id = "record-<sequence number>"}, for the records of successful invocations: {@code eventName},
 *       {@code keys} ({@code name=value,...}), the {@code text} attribute of the new and old images
 *       ({@code newText}, {@code oldText}, "-" without an image), {@code eventSourceARN}, and {@code deliveries},
 *       how often it came.
 * </ul>
 *
 * The first {@code FAIL_TIMES} invocations (default 0) throw after recording themselves. A batch holding a record whose
 * new image's {@code text} is {@code POISON} fails too, the first {@code POISON_TIMES} times (default: always): it
 * throws, or with {@code REPORT_FAILURES=true} answers a partial batch response naming the poison record, after
 * recording the records before it as delivered ({@code outcome} {@code partial}).
 *
 * <p>It reads the event as plain JSON rather than as {@code DynamodbEvent}: in a runtime that loads the events
 * classes once per execution environment, aws-lambda-java-serialization 1.2.0 leaves {@code dynamodb} empty for
 * every class loader after the first, which would hide what this handler is meant to observe. The event's fit to
 * {@code DynamodbEvent} is checked where that bug cannot interfere, by the events module's own tests.
 */
public class StreamRecorder implements RequestHandler<Map<String, Object>, Object> {
    private static final DynamoDbClient DYNAMODB = DynamoDbClient.create();

    @Override
    public Object handleRequest(Map<String, Object> event, Context context) {
        var table = System.getenv("RECEIVED_TABLE");
        int failTimes = Integer.parseInt(System.getenv().getOrDefault("FAIL_TIMES", "0"));
        long attempt = countAttempt(table, "attempts");
        var records = records(event);
        int poison = poisonIndex(records);
        boolean poisoned = poison >= 0
                && countAttempt(table, "poison-attempts")
                        <= Long.parseLong(System.getenv().getOrDefault("POISON_TIMES", "" + Long.MAX_VALUE));
        boolean report = poisoned && "true".equals(System.getenv("REPORT_FAILURES"));
        boolean fail = attempt <= failTimes || poisoned && !report;
        var sequences = records.stream()
                .map(record -> (String) change(record).get("SequenceNumber"))
                .collect(Collectors.joining(","));
        DYNAMODB.putItem(r -> r.tableName(table)
                .item(Map.of(
                        "id", s("invocation-" + attempt),
                        "attempt", n(attempt),
                        "sequences", s(sequences),
                        "outcome", s(fail ? "failed" : report ? "partial" : "ok"))));
        if (fail) {
            throw new IllegalStateException("failing on purpose: invocation " + attempt);
        }
        int delivered = report ? poison : records.size();
        for (var record : records.subList(0, delivered)) {
            recordDelivery(table, record);
        }
        if (report) {
            var failed = change(records.get(poison)).get("SequenceNumber");
            return Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", failed)));
        }
        return "ok";
    }

    /** The index of the first record whose new image's text is {@code POISON}, or -1. */
    @SuppressWarnings("unchecked")
    private static int poisonIndex(List<Map<String, Object>> records) {
        var poison = System.getenv("POISON");
        if (poison == null) {
            return -1;
        }
        for (int i = 0; i < records.size(); i++) {
            var image =
                    (Map<String, Map<String, Object>>) change(records.get(i)).get("NewImage");
            if (image != null
                    && image.containsKey("text")
                    && poison.equals(image.get("text").get("S"))) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked") // the event is JSON: objects are maps, arrays lists
    private static List<Map<String, Object>> records(Map<String, Object> event) {
        return (List<Map<String, Object>>) event.get("Records");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> change(Map<String, Object> record) {
        return (Map<String, Object>) record.get("dynamodb");
    }

    private static long countAttempt(String table, String counter) {
        var counted = DYNAMODB.updateItem(r -> r.tableName(table)
                .key(Map.of("id", s(counter)))
                .updateExpression("ADD #count :one")
                .expressionAttributeNames(Map.of("#count", "count"))
                .expressionAttributeValues(Map.of(":one", n(1)))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(counted.attributes().get("count").n());
    }

    @SuppressWarnings("unchecked")
    private static void recordDelivery(String table, Map<String, Object> record) {
        var change = change(record);
        DYNAMODB.updateItem(r -> r.tableName(table)
                .key(Map.of("id", s("record-" + change.get("SequenceNumber"))))
                .updateExpression("SET eventName = :name, #keys = :keys, newText = :new, oldText = :old,"
                        + " eventSourceARN = :arn ADD deliveries :one")
                .expressionAttributeNames(Map.of("#keys", "keys"))
                .expressionAttributeValues(Map.of(
                        ":name", s((String) record.get("eventName")),
                        ":keys", s(keys((Map<String, Map<String, Object>>) change.get("Keys"))),
                        ":new", s(text((Map<String, Map<String, Object>>) change.get("NewImage"))),
                        ":old", s(text((Map<String, Map<String, Object>>) change.get("OldImage"))),
                        ":arn", s((String) record.get("eventSourceARN")),
                        ":one", n(1))));
    }

    /** {@code name=value,...} in name order, for string and number keys. */
    private static String keys(Map<String, Map<String, Object>> keys) {
        return new TreeMap<>(keys)
                .entrySet().stream()
                        .map(key -> key.getKey() + "="
                                + key.getValue().values().iterator().next())
                        .collect(Collectors.joining(","));
    }

    /** The image's {@code text} attribute, or "-" when there is no image. */
    private static String text(Map<String, Map<String, Object>> image) {
        return image == null ? "-" : (String) image.get("text").get("S");
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
