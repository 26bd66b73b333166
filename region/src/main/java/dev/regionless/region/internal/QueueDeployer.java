package dev.regionless.region.internal;

import dev.regionless.common.AwsException;
import dev.regionless.queues.QueueAttributes;
import dev.regionless.queues.QueueStore;
import dev.regionless.template.QueueSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings a region's queues in line with a template: creates the queues that do not exist yet and sets the
 * attributes and tags of those that do, never touching their messages. Dead-letter queues are created before the
 * queues that name them, as a redrive policy must name an existing queue. Queues a template no longer declares are
 * kept, with their messages.
 */
public final class QueueDeployer {
    private final QueueStore store;

    public QueueDeployer(QueueStore store) {
        this.store = store;
    }

    /**
     * Creates or updates every queue in {@code queues}.
     *
     * @throws AwsException naming the queue's logical id and name when SQS refuses it
     */
    public void deploy(List<QueueSpec> queues) {
        for (var queue : ordered(queues)) {
            guarded(queue, () -> apply(queue));
        }
    }

    private void apply(QueueSpec spec) {
        var existing = store.queue(spec.queueName());
        if (existing.isEmpty()) {
            store.createQueue(spec.queueName(), spec.attributes(), spec.tags());
            return;
        }
        boolean fifo = "true".equals(spec.attributes().get(QueueAttributes.FIFO_QUEUE));
        if (existing.get().isFifo() != fifo) {
            throw new AwsException(
                    "ValidationException",
                    400,
                    "FifoQueue cannot change on an existing queue (expected: a new queue name to change it)");
        }
        var desired = new LinkedHashMap<>(QueueAttributes.forNewQueue(spec.attributes(), fifo));
        desired.remove(QueueAttributes.FIFO_QUEUE);
        for (var policy : List.of(QueueAttributes.REDRIVE_POLICY, QueueAttributes.REDRIVE_ALLOW_POLICY)) {
            desired.putIfAbsent(policy, "");
        }
        store.setAttributes(spec.queueName(), desired);
        var stale = new ArrayList<>(existing.get().tags().keySet());
        stale.removeAll(spec.tags().keySet());
        if (!stale.isEmpty()) {
            store.untagQueue(spec.queueName(), stale);
        }
        if (!spec.tags().isEmpty()) {
            store.tagQueue(spec.queueName(), spec.tags());
        }
    }

    /** The queues with every dead-letter queue in the template before the queues that name it. */
    static List<QueueSpec> ordered(List<QueueSpec> queues) {
        var byArnName = new HashMap<String, QueueSpec>();
        queues.forEach(queue -> byArnName.put(queue.queueName(), queue));
        var result = new ArrayList<QueueSpec>();
        var visiting = new java.util.HashSet<String>();
        for (var queue : queues) {
            visit(queue, byArnName, result, visiting);
        }
        return result;
    }

    private static void visit(
            QueueSpec queue, Map<String, QueueSpec> byName, List<QueueSpec> result, java.util.Set<String> visiting) {
        if (result.contains(queue)) {
            return;
        }
        if (!visiting.add(queue.queueName())) {
            throw new AwsException(
                    "ValidationException",
                    400,
                    "queue " + queue.logicalId() + " (" + queue.queueName() + "): its redrive policies form a cycle "
                            + "(expected: a dead-letter queue that does not send its own dead letters back)");
        }
        var target = queue.deadLetterTargetArn();
        if (target != null) {
            var targetName = target.substring(target.lastIndexOf(':') + 1);
            var dependency = byName.get(targetName);
            if (dependency != null && dependency != queue) {
                visit(dependency, byName, result, visiting);
            }
        }
        result.add(queue);
    }

    private static void guarded(QueueSpec queue, Runnable change) {
        try {
            change.run();
        } catch (AwsException e) {
            throw new AwsException(
                    e.code(),
                    e.status(),
                    "queue " + queue.logicalId() + " (" + queue.queueName() + "): " + e.getMessage(),
                    e.extraFields());
        }
    }
}
