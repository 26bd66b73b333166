package dev.regionless.queues;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A queue's settable attributes, checked against SQS's ranges and typed: what CreateQueue and SetQueueAttributes
 * take. Values stay strings, as on the wire; {@link #validate} fills in SQS's defaults and answers
 * {@code InvalidAttributeName} or {@code InvalidAttributeValue} naming the attribute, the value and the range.
 */
public record QueueAttributes(Map<String, String> values) {
    public static final String DELAY_SECONDS = "DelaySeconds";
    public static final String MAXIMUM_MESSAGE_SIZE = "MaximumMessageSize";
    public static final String MESSAGE_RETENTION_PERIOD = "MessageRetentionPeriod";
    public static final String RECEIVE_WAIT_TIME = "ReceiveMessageWaitTimeSeconds";
    public static final String VISIBILITY_TIMEOUT = "VisibilityTimeout";
    public static final String REDRIVE_POLICY = "RedrivePolicy";
    public static final String REDRIVE_ALLOW_POLICY = "RedriveAllowPolicy";
    public static final String FIFO_QUEUE = "FifoQueue";
    public static final String CONTENT_BASED_DEDUPLICATION = "ContentBasedDeduplication";
    public static final String DEDUPLICATION_SCOPE = "DeduplicationScope";
    public static final String FIFO_THROUGHPUT_LIMIT = "FifoThroughputLimit";

    /** SQS's largest message since 2025: 1 MiB (it was 256 KiB). */
    public static final int MAX_MESSAGE_SIZE = 1_048_576;

    private static final Map<String, String> STANDARD_DEFAULTS = Map.of(
            DELAY_SECONDS,
            "0",
            MAXIMUM_MESSAGE_SIZE,
            Integer.toString(MAX_MESSAGE_SIZE),
            MESSAGE_RETENTION_PERIOD,
            "345600",
            RECEIVE_WAIT_TIME,
            "0",
            VISIBILITY_TIMEOUT,
            "30",
            "SqsManagedSseEnabled",
            "true");
    private static final Map<String, String> FIFO_DEFAULTS = Map.of(
            FIFO_QUEUE, "true",
            CONTENT_BASED_DEDUPLICATION, "false",
            DEDUPLICATION_SCOPE, "queue",
            FIFO_THROUGHPUT_LIMIT, "perQueue");
    private static final Set<String> FIFO_ONLY =
            Set.of(CONTENT_BASED_DEDUPLICATION, DEDUPLICATION_SCOPE, FIFO_THROUGHPUT_LIMIT);
    private static final Set<String> PASSED_THROUGH =
            Set.of("Policy", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled");

    public QueueAttributes {
        values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Typed access to attributes already validated. */
    public static QueueAttributes of(Map<String, String> values) {
        return new QueueAttributes(values);
    }

    /**
     * Checks the attributes a CreateQueue gives, and answers them with SQS's defaults for the rest.
     *
     * @param fifo whether the queue is a FIFO queue (its name ends with {@code .fifo})
     */
    public static Map<String, String> forNewQueue(Map<String, String> given, boolean fifo) {
        var fifoValue = given.get(FIFO_QUEUE);
        if (fifoValue != null && !fifoValue.equals(Boolean.toString(fifo))) {
            throw fifo || fifoValue.equals("true")
                    ? QueueErrors.invalidParameterMessage("The name of a FIFO queue can only include alphanumeric "
                            + "characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in "
                            + "length (FifoQueue: " + fifoValue + ")")
                    : QueueErrors.invalidAttributeValue(FIFO_QUEUE, fifoValue, "true for a .fifo queue, else absent");
        }
        var result = new TreeMap<>(STANDARD_DEFAULTS);
        if (fifo) {
            result.putAll(FIFO_DEFAULTS);
        }
        given.forEach((name, value) -> {
            if (!name.equals(FIFO_QUEUE)) {
                result.put(name, check(name, value, fifo));
            }
        });
        if (!fifo) {
            result.remove(FIFO_QUEUE);
        }
        return result;
    }

    /** Checks attributes SetQueueAttributes gives for an existing queue; answers the queue's attributes after. */
    public static Map<String, String> changed(Map<String, String> current, Map<String, String> given, boolean fifo) {
        var result = new TreeMap<>(current);
        given.forEach((name, value) -> {
            if (name.equals(FIFO_QUEUE)) {
                throw QueueErrors.invalidAttributeName(name + " (it is set only when the queue is created)");
            }
            var checked = check(name, value, fifo);
            if (checked.isEmpty() && (name.equals(REDRIVE_POLICY) || name.equals(REDRIVE_ALLOW_POLICY))) {
                result.remove(name);
            } else {
                result.put(name, checked);
            }
        });
        return result;
    }

    private static String check(String name, String value, boolean fifo) {
        if (value == null) {
            throw QueueErrors.invalidAttributeValue(name, "null", "a value");
        }
        if (FIFO_ONLY.contains(name) && !fifo) {
            throw QueueErrors.invalidAttributeName(name + " (only FIFO queues have it)");
        }
        return switch (name) {
            case DELAY_SECONDS -> range(name, value, 0, 900, "seconds");
            case MAXIMUM_MESSAGE_SIZE -> range(name, value, 1024, MAX_MESSAGE_SIZE, "bytes");
            case MESSAGE_RETENTION_PERIOD -> range(name, value, 60, 1_209_600, "seconds");
            case RECEIVE_WAIT_TIME -> range(name, value, 0, 20, "seconds");
            case VISIBILITY_TIMEOUT -> range(name, value, 0, 43_200, "seconds");
            case "KmsDataKeyReusePeriodSeconds" -> range(name, value, 60, 86_400, "seconds");
            case CONTENT_BASED_DEDUPLICATION, "SqsManagedSseEnabled" -> bool(name, value);
            case DEDUPLICATION_SCOPE -> oneOf(name, value, List.of("messageGroup", "queue"));
            case FIFO_THROUGHPUT_LIMIT -> oneOf(name, value, List.of("perQueue", "perMessageGroupId"));
            case REDRIVE_POLICY ->
                value.isEmpty() ? "" : RedrivePolicy.parse(value).toJson();
            case REDRIVE_ALLOW_POLICY ->
                value.isEmpty() ? "" : RedriveAllowPolicy.parse(value).toJson();
            default -> {
                if (!PASSED_THROUGH.contains(name)) {
                    throw QueueErrors.invalidAttributeName(name);
                }
                yield value;
            }
        };
    }

    private static String range(String name, String value, int min, int max, String unit) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return Integer.toString(parsed);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw QueueErrors.invalidAttributeValue(name, value, min + " to " + max + " " + unit);
    }

    private static String bool(String name, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return value.toLowerCase(java.util.Locale.ROOT);
        }
        throw QueueErrors.invalidAttributeValue(name, value, "true or false");
    }

    private static String oneOf(String name, String value, List<String> allowed) {
        if (allowed.contains(value)) {
            return value;
        }
        throw QueueErrors.invalidAttributeValue(name, value, String.join(" or ", allowed));
    }

    public int visibilityTimeoutSeconds() {
        return integer(VISIBILITY_TIMEOUT, 30);
    }

    public int delaySeconds() {
        return integer(DELAY_SECONDS, 0);
    }

    public int retentionSeconds() {
        return integer(MESSAGE_RETENTION_PERIOD, 345_600);
    }

    public int maximumMessageSize() {
        return integer(MAXIMUM_MESSAGE_SIZE, MAX_MESSAGE_SIZE);
    }

    public int receiveWaitSeconds() {
        return integer(RECEIVE_WAIT_TIME, 0);
    }

    public boolean fifo() {
        return "true".equals(values.get(FIFO_QUEUE));
    }

    public boolean contentBasedDeduplication() {
        return "true".equals(values.get(CONTENT_BASED_DEDUPLICATION));
    }

    /** Whether deduplication ids are unique per message group rather than per queue. */
    public boolean deduplicatesPerGroup() {
        return "messageGroup".equals(values.get(DEDUPLICATION_SCOPE));
    }

    public Optional<RedrivePolicy> redrivePolicy() {
        var value = values.get(REDRIVE_POLICY);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(RedrivePolicy.parse(value));
    }

    public Optional<RedriveAllowPolicy> redriveAllowPolicy() {
        var value = values.get(REDRIVE_ALLOW_POLICY);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(RedriveAllowPolicy.parse(value));
    }

    private int integer(String name, int fallback) {
        var value = values.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    /** Reads a JSON attribute value, or answers {@code InvalidAttributeValue} for {@code attribute}. */
    static JsonNode json(String attribute, String value) {
        try {
            var node = Json.mapper().readTree(value);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // answered below
        }
        throw QueueErrors.invalidAttributeValue(attribute, value, "a JSON object");
    }
}
