package dev.regionless.template.internal.resource;

import dev.regionless.template.QueueSpec;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@code AWS::SQS::Queue}'s properties into SQS attributes, checking SQS's ranges where the template says
 * them, so that a bad value is reported at its line rather than at deploy.
 */
final class QueueReader {
    private static final PropertyRules REDRIVE = new PropertyRules(
            "RedrivePolicy", java.util.Set.of("deadLetterTargetArn", "maxReceiveCount"), Map.of(), Map.of());
    private static final PropertyRules REDRIVE_ALLOW = new PropertyRules(
            "RedriveAllowPolicy", java.util.Set.of("redrivePermission", "sourceQueueArns"), Map.of(), Map.of());

    private QueueReader() {}

    static QueueSpec read(ResourceEntry resource, String queueName, ReadContext context) {
        var properties = new Properties(resource.properties(), context.resolver());
        var attributes = new LinkedHashMap<String, String>();
        range(properties, attributes, "DelaySeconds", 0, 900);
        range(properties, attributes, "MaximumMessageSize", 1024, 1_048_576);
        range(properties, attributes, "MessageRetentionPeriod", 60, 1_209_600);
        range(properties, attributes, "ReceiveMessageWaitTimeSeconds", 0, 20);
        range(properties, attributes, "VisibilityTimeout", 0, 43_200);
        boolean fifo = properties.get("FifoQueue").map(Values::bool).orElse(false);
        if (fifo) {
            attributes.put("FifoQueue", "true");
        }
        fifoOnly(properties, attributes, "ContentBasedDeduplication", fifo, List.of("true", "false"));
        fifoOnly(properties, attributes, "DeduplicationScope", fifo, List.of("messageGroup", "queue"));
        fifoOnly(properties, attributes, "FifoThroughputLimit", fifo, List.of("perQueue", "perMessageGroupId"));
        properties.get("RedrivePolicy").ifPresent(node -> attributes.put("RedrivePolicy", redrive(node, context)));
        properties
                .get("RedriveAllowPolicy")
                .ifPresent(node -> attributes.put("RedriveAllowPolicy", redriveAllow(node, context)));
        return new QueueSpec(resource.logicalId(), queueName, attributes, TableReader.tags(properties, context));
    }

    private static void range(Properties properties, Map<String, String> attributes, String name, int min, int max) {
        properties.integer(name, min, max).ifPresent(value -> attributes.put(name, Integer.toString(value)));
    }

    private static void fifoOnly(
            Properties properties, Map<String, String> attributes, String name, boolean fifo, List<String> allowed) {
        properties.get(name).ifPresent(node -> {
            if (!fifo) {
                throw node.location().error("is only for FIFO queues (expected: FifoQueue: true, or no " + name + ")");
            }
            var value = Values.string(node);
            if (!allowed.contains(value)) {
                throw Values.unexpected(node, String.join(" or ", allowed));
            }
            attributes.put(name, value);
        });
    }

    /** {@code {deadLetterTargetArn, maxReceiveCount}} as a mapping (usually with {@code !GetAtt}) or JSON text. */
    private static String redrive(Node node, ReadContext context) {
        if (node instanceof Scalar) {
            return Values.string(node);
        }
        var mapping = Values.mapping(node);
        REDRIVE.check(mapping, context);
        var policy = new Properties(mapping, context.resolver());
        var arn = policy.requiredString("deadLetterTargetArn", "the dead-letter queue's ARN, as !GetAtt Queue.Arn");
        var count = Values.integer(policy.required("maxReceiveCount", "1..1000"), 1, 1000);
        var value = new LinkedHashMap<String, Object>(); // in SQS's order, as GetQueueAttributes answers it
        value.put("deadLetterTargetArn", arn);
        value.put("maxReceiveCount", count);
        return json(value);
    }

    private static String redriveAllow(Node node, ReadContext context) {
        if (node instanceof Scalar) {
            return Values.string(node);
        }
        Mapping mapping = Values.mapping(node);
        REDRIVE_ALLOW.check(mapping, context);
        var policy = new Properties(mapping, context.resolver());
        var permission = policy.requiredString("redrivePermission", "allowAll, denyAll or byQueue");
        var sources = policy.strings("sourceQueueArns").orElse(List.of());
        var value = new LinkedHashMap<String, Object>();
        value.put("redrivePermission", permission);
        if (!sources.isEmpty()) {
            value.put("sourceQueueArns", sources);
        }
        return json(value);
    }

    private static String json(Map<String, Object> value) {
        var out = new StringBuilder("{");
        value.forEach((key, item) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(key).append("\":").append(jsonValue(item));
        });
        return out.append('}').toString();
    }

    private static String jsonValue(Object item) {
        if (item instanceof Number) {
            return item.toString();
        }
        if (item instanceof List<?> list) {
            return "["
                    + String.join(",", list.stream().map(QueueReader::jsonValue).toList()) + "]";
        }
        return "\"" + item.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
