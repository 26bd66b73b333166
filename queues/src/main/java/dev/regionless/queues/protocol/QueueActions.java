package dev.regionless.queues.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import dev.regionless.queues.QueueErrors;
import dev.regionless.queues.QueueStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** The actions on queues themselves: one method per SQS action, each reading its parameters and rendering its result. */
final class QueueActions {
    private static final Set<String> QUEUE_ATTRIBUTES = Set.of(
            "Policy",
            "VisibilityTimeout",
            "MaximumMessageSize",
            "MessageRetentionPeriod",
            "ApproximateNumberOfMessages",
            "ApproximateNumberOfMessagesNotVisible",
            "CreatedTimestamp",
            "LastModifiedTimestamp",
            "QueueArn",
            "ApproximateNumberOfMessagesDelayed",
            "DelaySeconds",
            "ReceiveMessageWaitTimeSeconds",
            "RedrivePolicy",
            "FifoQueue",
            "ContentBasedDeduplication",
            "KmsMasterKeyId",
            "KmsDataKeyReusePeriodSeconds",
            "DeduplicationScope",
            "FifoThroughputLimit",
            "RedriveAllowPolicy",
            "SqsManagedSseEnabled");

    private final QueueStore store;
    private final QueueUrls urls;

    QueueActions(QueueStore store, QueueUrls urls) {
        this.store = store;
        this.urls = urls;
    }

    ObjectNode createQueue(Params params) {
        var name = params.required("QueueName");
        var tags = params.stringMap("tags");
        var queue = store.createQueue(name, params.stringMap("Attributes"), tags);
        return result().put("QueueUrl", urls.url(queue.name()));
    }

    ObjectNode getQueueUrl(Params params) {
        var name = params.required("QueueName");
        var owner = params.string("QueueOwnerAWSAccountId");
        if (owner != null && !owner.equals(store.accountId())) {
            throw QueueErrors.queueDoesNotExist(owner + "/" + name);
        }
        store.requireQueue(name);
        return result().put("QueueUrl", urls.url(name));
    }

    ObjectNode listQueues(Params params) {
        var prefix = params.string("QueueNamePrefix");
        var max = params.integer("MaxResults", 1, 1000);
        var after = decodeToken(params.string("NextToken"));
        var names = store.queueNames().stream()
                .filter(name -> prefix == null || name.startsWith(prefix))
                .filter(name -> after == null || name.compareTo(after) > 0)
                .toList();
        return page(names, max, "QueueUrls");
    }

    ObjectNode deleteQueue(Params params) {
        store.deleteQueue(queue(params));
        return result();
    }

    ObjectNode purgeQueue(Params params) {
        store.purgeQueue(queue(params));
        return result();
    }

    ObjectNode getQueueAttributes(Params params) {
        var name = queue(params);
        var wanted = params.stringList("AttributeNames");
        for (var attribute : wanted) {
            if (!attribute.equals("All") && !QUEUE_ATTRIBUTES.contains(attribute)) {
                throw QueueErrors.invalidAttributeName(attribute);
            }
        }
        var attributes = store.attributes(name);
        var result = result();
        if (wanted.isEmpty()) {
            return result;
        }
        var out = result.putObject("Attributes");
        attributes.forEach((key, value) -> {
            if (wanted.contains("All") || wanted.contains(key)) {
                out.put(key, value);
            }
        });
        return result;
    }

    ObjectNode setQueueAttributes(Params params) {
        var name = queue(params);
        var attributes = params.stringMap("Attributes");
        if (attributes.isEmpty() && !params.has("Attributes")) {
            throw QueueErrors.missingParameter("Attributes");
        }
        store.setAttributes(name, attributes);
        return result();
    }

    ObjectNode tagQueue(Params params) {
        var name = queue(params);
        var tags = params.stringMap("Tags");
        if (tags.isEmpty()) {
            throw QueueErrors.missingParameter("Tags");
        }
        store.tagQueue(name, tags);
        return result();
    }

    ObjectNode untagQueue(Params params) {
        var name = queue(params);
        var keys = params.stringList("TagKeys");
        if (keys.isEmpty()) {
            throw QueueErrors.missingParameter("TagKeys");
        }
        store.untagQueue(name, keys);
        return result();
    }

    ObjectNode listQueueTags(Params params) {
        var queue = store.requireQueue(queue(params));
        var result = result();
        if (!queue.tags().isEmpty()) {
            var tags = result.putObject("Tags");
            queue.tags().forEach(tags::put);
        }
        return result;
    }

    ObjectNode listDeadLetterSourceQueues(Params params) {
        var name = queue(params);
        var max = params.integer("MaxResults", 1, 1000);
        var after = decodeToken(params.string("NextToken"));
        var sources = store.deadLetterSourceQueues(name).stream()
                .filter(source -> after == null || source.compareTo(after) > 0)
                .toList();
        var result = page(sources, max, "queueUrls");
        if (!result.has("queueUrls")) {
            result.putArray("queueUrls"); // a required member of this result
        }
        return result;
    }

    /** The queue name the request's {@code QueueUrl} names. */
    String queue(Params params) {
        return urls.name(params.required("QueueUrl"));
    }

    private ObjectNode page(List<String> names, Integer max, String member) {
        var result = result();
        int limit = max == null ? 1000 : max;
        var shown = names.subList(0, Math.min(limit, names.size()));
        if (!shown.isEmpty()) {
            var array = result.putArray(member);
            shown.forEach(name -> array.add(urls.url(name)));
        }
        if (max != null && names.size() > limit) {
            result.put(
                    "NextToken",
                    Base64.getUrlEncoder()
                            .encodeToString(shown.get(shown.size() - 1).getBytes(StandardCharsets.UTF_8)));
        }
        return result;
    }

    private static String decodeToken(String token) {
        if (token == null) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw QueueErrors.invalidParameter("NextToken", token, "not a token this endpoint gave out");
        }
    }

    static ObjectNode result() {
        return Json.mapper().createObjectNode();
    }
}
