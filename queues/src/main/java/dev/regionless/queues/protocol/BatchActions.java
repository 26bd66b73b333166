package dev.regionless.queues.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.AwsException;
import dev.regionless.queues.BatchOutcome;
import dev.regionless.queues.OutgoingMessage;
import dev.regionless.queues.QueueErrors;
import dev.regionless.queues.QueueStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The batch actions: up to ten entries, each with an id unique in the batch; the batch as a whole is refused for
 * a wrong number of entries or ids, else each entry succeeds or fails on its own, listed under {@code Successful}
 * or {@code Failed}.
 */
final class BatchActions {
    private static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final int MAX_ENTRIES = 10;

    private final QueueStore store;
    private final QueueActions queues;

    BatchActions(QueueStore store, QueueActions queues) {
        this.store = store;
        this.queues = queues;
    }

    ObjectNode sendMessageBatch(Params params) {
        var name = queues.queue(params);
        var entries = entries(params, "SendMessageBatchRequestEntry");
        var result = QueueActions.result();
        var successful = result.putArray("Successful");
        var failed = result.putArray("Failed");
        var messages = new ArrayList<OutgoingMessage>();
        var ids = new ArrayList<String>();
        long size = 0;
        for (var entry : entries) {
            try {
                var message = MessageActions.message(entry);
                size += message.body().getBytes(StandardCharsets.UTF_8).length;
                messages.add(message);
                ids.add(entry.required("Id"));
            } catch (AwsException e) {
                failure(failed, entry.string("Id"), e);
            }
        }
        int max = store.requireQueue(name).settings().maximumMessageSize();
        if (size > max) {
            throw QueueErrors.batchTooLong(size, max);
        }
        var outcomes = store.sendBatch(name, messages);
        for (int i = 0; i < outcomes.size(); i++) {
            switch (outcomes.get(i)) {
                case BatchOutcome.Success<dev.regionless.queues.SendResult> success ->
                    MessageActions.sent(successful.addObject().put("Id", ids.get(i)), success.value());
                case BatchOutcome.Failure<dev.regionless.queues.SendResult> failure ->
                    failure(failed, ids.get(i), failure.error());
            }
        }
        return result;
    }

    ObjectNode deleteMessageBatch(Params params) {
        var name = queues.queue(params);
        return each(entries(params, "DeleteMessageBatchRequestEntry"), entry -> {
            store.deleteMessage(name, entry.required("ReceiptHandle"));
        });
    }

    ObjectNode changeMessageVisibilityBatch(Params params) {
        var name = queues.queue(params);
        return each(entries(params, "ChangeMessageVisibilityBatchRequestEntry"), entry -> {
            var timeout = entry.integer("VisibilityTimeout");
            if (timeout == null) {
                throw QueueErrors.missingParameter("VisibilityTimeout");
            }
            store.changeVisibility(name, entry.required("ReceiptHandle"), timeout);
        });
    }

    private static ObjectNode each(List<Params> entries, Consumer<Params> action) {
        var result = QueueActions.result();
        var successful = result.putArray("Successful");
        var failed = result.putArray("Failed");
        for (var entry : entries) {
            try {
                action.accept(entry);
                successful.addObject().put("Id", entry.string("Id"));
            } catch (AwsException e) {
                failure(failed, entry.string("Id"), e);
            }
        }
        return result;
    }

    /** The entries, checked as a whole: how many, and their ids. */
    private static List<Params> entries(Params params, String entryName) {
        var entries = params.objects("Entries");
        if (entries.isEmpty()) {
            throw QueueErrors.emptyBatch(entryName);
        }
        if (entries.size() > MAX_ENTRIES) {
            throw QueueErrors.tooManyEntries(entries.size());
        }
        var seen = new HashSet<String>();
        for (var entry : entries) {
            var id = entry.required("Id");
            if (!ENTRY_ID.matcher(id).matches()) {
                throw QueueErrors.invalidBatchEntryId(id);
            }
            if (!seen.add(id)) {
                throw QueueErrors.batchIdsNotDistinct(id);
            }
        }
        return entries;
    }

    private static void failure(ArrayNode failed, String id, AwsException error) {
        failed.addObject()
                .put("Id", id)
                .put("SenderFault", error.isClientError())
                .put("Code", error.code())
                .put("Message", error.getMessage());
    }
}
