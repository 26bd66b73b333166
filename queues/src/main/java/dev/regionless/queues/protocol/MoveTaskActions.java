package dev.regionless.queues.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.queues.QueueStore;

/** StartMessageMoveTask, ListMessageMoveTasks and CancelMessageMoveTask. */
final class MoveTaskActions {
    private final QueueStore store;

    MoveTaskActions(QueueStore store) {
        this.store = store;
    }

    ObjectNode startMessageMoveTask(Params params) {
        var handle = store.startMessageMoveTask(
                params.required("SourceArn"),
                params.string("DestinationArn"),
                params.integer("MaxNumberOfMessagesPerSecond"));
        return QueueActions.result().put("TaskHandle", handle);
    }

    ObjectNode listMessageMoveTasks(Params params) {
        var max = params.integer("MaxResults", 1, 10);
        var tasks = store.listMessageMoveTasks(params.required("SourceArn"), max == null ? 1 : max);
        var result = QueueActions.result();
        var results = result.putArray("Results");
        for (var task : tasks) {
            var out = results.addObject();
            if (task.taskHandle() != null) {
                out.put("TaskHandle", task.taskHandle());
            }
            out.put("Status", task.status()).put("SourceArn", task.sourceArn());
            if (task.destinationArn() != null) {
                out.put("DestinationArn", task.destinationArn());
            }
            if (task.maxMessagesPerSecond() != null) {
                out.put("MaxNumberOfMessagesPerSecond", task.maxMessagesPerSecond());
            }
            out.put("ApproximateNumberOfMessagesMoved", task.moved())
                    .put("ApproximateNumberOfMessagesToMove", task.toMove());
            if (task.failureReason() != null) {
                out.put("FailureReason", task.failureReason());
            }
            out.put("StartedTimestamp", task.startedTimestamp());
        }
        return result;
    }

    ObjectNode cancelMessageMoveTask(Params params) {
        long moved = store.cancelMessageMoveTask(params.required("TaskHandle"));
        return QueueActions.result().put("ApproximateNumberOfMessagesMoved", moved);
    }
}
