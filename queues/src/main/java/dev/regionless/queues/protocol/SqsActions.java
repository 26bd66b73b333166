package dev.regionless.queues.protocol;

import java.util.Set;

/** The SQS action names, to tell SQS's query-protocol requests from other services' on the same port. */
final class SqsActions {
    private static final Set<String> ACTIONS = Set.of(
            "CreateQueue",
            "GetQueueUrl",
            "ListQueues",
            "DeleteQueue",
            "PurgeQueue",
            "GetQueueAttributes",
            "SetQueueAttributes",
            "TagQueue",
            "UntagQueue",
            "ListQueueTags",
            "ListDeadLetterSourceQueues",
            "SendMessage",
            "SendMessageBatch",
            "ReceiveMessage",
            "DeleteMessage",
            "DeleteMessageBatch",
            "ChangeMessageVisibility",
            "ChangeMessageVisibilityBatch",
            "StartMessageMoveTask",
            "ListMessageMoveTasks",
            "CancelMessageMoveTask",
            "AddPermission",
            "RemovePermission");

    private SqsActions() {}

    static boolean isSqs(String action) {
        return ACTIONS.contains(action);
    }
}
