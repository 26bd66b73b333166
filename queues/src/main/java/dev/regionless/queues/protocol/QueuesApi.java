package dev.regionless.queues.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.AwsException;
import dev.regionless.common.Json;
import dev.regionless.common.ServiceRequest;
import dev.regionless.common.ServiceResponse;
import dev.regionless.queues.QueueStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQS on a region's service port. The JSON protocol names the action in {@code X-Amz-Target: AmazonSQS.Action};
 * the query protocol in an {@code Action} form parameter, posted to {@code /} or to the queue's URL. Both reach the
 * same action methods; {@link SqsErrors} renders every error for either protocol.
 */
public final class QueuesApi {
    public static final String TARGET_PREFIX = "AmazonSQS.";
    private static final Logger LOG = LoggerFactory.getLogger(QueuesApi.class);

    private final Map<String, Function<Params, ObjectNode>> actions = new LinkedHashMap<>();

    /** @param serviceEndpoint the service port's URL, the base of every queue URL */
    public QueuesApi(QueueStore store, URI serviceEndpoint) {
        var urls = new QueueUrls(serviceEndpoint, store.accountId());
        var queues = new QueueActions(store, urls);
        var messages = new MessageActions(store, queues);
        var batches = new BatchActions(store, queues);
        var moves = new MoveTaskActions(store);
        actions.put("CreateQueue", queues::createQueue);
        actions.put("GetQueueUrl", queues::getQueueUrl);
        actions.put("ListQueues", queues::listQueues);
        actions.put("DeleteQueue", queues::deleteQueue);
        actions.put("PurgeQueue", queues::purgeQueue);
        actions.put("GetQueueAttributes", queues::getQueueAttributes);
        actions.put("SetQueueAttributes", queues::setQueueAttributes);
        actions.put("TagQueue", queues::tagQueue);
        actions.put("UntagQueue", queues::untagQueue);
        actions.put("ListQueueTags", queues::listQueueTags);
        actions.put("ListDeadLetterSourceQueues", queues::listDeadLetterSourceQueues);
        actions.put("SendMessage", messages::sendMessage);
        actions.put("ReceiveMessage", messages::receiveMessage);
        actions.put("DeleteMessage", messages::deleteMessage);
        actions.put("ChangeMessageVisibility", messages::changeMessageVisibility);
        actions.put("SendMessageBatch", batches::sendMessageBatch);
        actions.put("DeleteMessageBatch", batches::deleteMessageBatch);
        actions.put("ChangeMessageVisibilityBatch", batches::changeMessageVisibilityBatch);
        actions.put("StartMessageMoveTask", moves::startMessageMoveTask);
        actions.put("ListMessageMoveTasks", moves::listMessageMoveTasks);
        actions.put("CancelMessageMoveTask", moves::cancelMessageMoveTask);
    }

    /**
     * True for SQS requests: a JSON target {@code AmazonSQS.*}, or a query-protocol request whose {@code Action} is
     * an SQS action (other query-protocol services on the port, such as SNS, have their own actions).
     */
    public static boolean accepts(ServiceRequest request) {
        var target = request.header("X-Amz-Target");
        if (target != null) {
            return target.startsWith(TARGET_PREFIX);
        }
        return QueryRequest.action(request).map(SqsActions::isSqs).orElse(false);
    }

    public ServiceResponse handle(ServiceRequest request) {
        // Not UUID.randomUUID(): it draws from one shared SecureRandom, contended under load; ids need not be secret.
        var random = java.util.concurrent.ThreadLocalRandom.current();
        var requestId = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
        boolean json = request.header("X-Amz-Target") != null;
        try {
            return json ? handleJson(request, requestId) : handleQuery(request, requestId);
        } catch (AwsException e) {
            return json ? SqsErrors.json(e, requestId) : SqsErrors.query(e, requestId);
        } catch (RuntimeException e) {
            LOG.error("SQS request {} failed", requestId, e);
            var internal = new AwsException("InternalFailure", 500, "Internal failure (request " + requestId + ")");
            return json ? SqsErrors.json(internal, requestId) : SqsErrors.query(internal, requestId);
        }
    }

    private ServiceResponse handleJson(ServiceRequest request, String requestId) {
        var name = request.header("X-Amz-Target").substring(TARGET_PREFIX.length());
        var action = actions.get(name);
        if (action == null) {
            throw new AwsException("UnknownOperationException", 400, "Unknown operation: " + name);
        }
        var result = action.apply(new Params(body(request)));
        try {
            return new ServiceResponse(
                            200,
                            Map.of("Content-Type", "application/x-amz-json-1.0"),
                            Json.mapper().writeValueAsBytes(result))
                    .withHeader("x-amzn-RequestId", requestId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an SQS result cannot be written as JSON", e);
        }
    }

    private ServiceResponse handleQuery(ServiceRequest request, String requestId) {
        var parameters = QueryRequest.parameters(request);
        var name = parameters.get("Action");
        var action = name == null ? null : actions.get(name);
        if (action == null) {
            throw new AwsException("InvalidAction", 400, "The action " + name + " is not valid for this endpoint.");
        }
        var shaped = QueryForm.toJson(parameters);
        if (!shaped.has("QueueUrl") && QueueUrls.isQueuePath(request.path())) {
            shaped.put("QueueUrl", request.path());
        }
        var result = action.apply(new Params(shaped));
        return new ServiceResponse(
                        200,
                        Map.of("Content-Type", "text/xml"),
                        XmlResponses.result(name, result, requestId).getBytes(StandardCharsets.UTF_8))
                .withHeader("x-amzn-RequestId", requestId);
    }

    private static ObjectNode body(ServiceRequest request) {
        try {
            var node = request.body().length == 0 ? null : Json.mapper().readTree(request.body());
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // answered below
        }
        throw new AwsException("SerializationException", 400, "The request body must be a JSON object");
    }
}
