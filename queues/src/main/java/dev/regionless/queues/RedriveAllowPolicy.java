package dev.regionless.queues;

import dev.regionless.common.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A dead-letter queue's choice of which source queues may use it: {@code allowAll} (the default), {@code denyAll},
 * or {@code byQueue} with up to ten source queue ARNs.
 */
public record RedriveAllowPolicy(String redrivePermission, List<String> sourceQueueArns) {
    public RedriveAllowPolicy {
        sourceQueueArns = List.copyOf(sourceQueueArns);
    }

    public static RedriveAllowPolicy parse(String value) {
        var node = QueueAttributes.json(QueueAttributes.REDRIVE_ALLOW_POLICY, value);
        var permission = node.path("redrivePermission").asText("");
        var arns = new ArrayList<String>();
        node.path("sourceQueueArns").forEach(arn -> arns.add(arn.asText()));
        switch (permission) {
            case "allowAll", "denyAll" -> {
                if (!arns.isEmpty()) {
                    throw invalid(value, "sourceQueueArns is only allowed with redrivePermission byQueue");
                }
            }
            case "byQueue" -> {
                if (arns.isEmpty() || arns.size() > 10) {
                    throw invalid(value, "sourceQueueArns: " + arns.size() + " ARNs (expected: 1..10 with byQueue)");
                }
            }
            default ->
                throw invalid(
                        value, "redrivePermission: \"" + permission + "\" (expected: allowAll, denyAll or byQueue)");
        }
        return new RedriveAllowPolicy(permission, arns);
    }

    /** Whether a queue with ARN {@code sourceArn} may send its dead letters to the queue with this policy. */
    public boolean allows(String sourceArn) {
        return switch (redrivePermission) {
            case "allowAll" -> true;
            case "denyAll" -> false;
            default -> sourceQueueArns.contains(sourceArn);
        };
    }

    public String toJson() {
        var node = Json.mapper().createObjectNode().put("redrivePermission", redrivePermission);
        if (!sourceQueueArns.isEmpty()) {
            var array = node.putArray("sourceQueueArns");
            sourceQueueArns.forEach(array::add);
        }
        return node.toString();
    }

    private static RuntimeException invalid(String value, String reason) {
        return QueueErrors.invalidParameter(QueueAttributes.REDRIVE_ALLOW_POLICY, value, reason);
    }
}
