package example.quack;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Follows the messages table's stream and broadcasts each batch, as one JSON array frame, to every connection of
 * this region. REMOVE records are skipped and duplicates (a MODIFY of a message already in the batch) dropped.
 * Connections that answer 410 Gone are forgotten; any other failure fails the batch so that it is retried, and
 * the retry skips the connections that already received it (remembered in this execution environment).
 */
public final class StreamReader implements RequestHandler<DynamodbEvent, Void> {
    /** Posts run concurrently: one region may hold many connections, each a separate HTTP call. */
    private static final int PARALLEL_POSTS = 32;

    /** Connections each recently failed batch reached, so a retry does not send it to them twice. */
    private static final Map<String, Set<String>> DELIVERED = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
            return size() > 100;
        }
    });

    @Override
    public Void handleRequest(DynamodbEvent event, Context context) {
        var messages = messagesOf(event, Tables.region());
        if (messages.isEmpty()) {
            return null;
        }
        var frame = SdkBytes.fromUtf8String(Json.write(messages));
        var batch = batchKey(event);
        var delivered = DELIVERED.computeIfAbsent(batch, key -> ConcurrentHashMap.newKeySet());
        int failures = broadcast(frame, delivered, context);
        if (failures > 0) {
            throw new IllegalStateException(
                    "could not deliver to " + failures + " connection(s); the batch will be retried");
        }
        DELIVERED.remove(batch);
        return null;
    }

    static List<ChatMessage> messagesOf(DynamodbEvent event, String region) {
        var byId = new LinkedHashMap<String, ChatMessage>();
        for (var record : event.getRecords()) {
            var image =
                    record.getDynamodb() == null ? null : record.getDynamodb().getNewImage();
            if ("REMOVE".equals(record.getEventName()) || image == null) {
                continue;
            }
            var message = ChatMessage.fromItem(sdkItem(image), region);
            byId.putIfAbsent(message.id(), message);
        }
        return new ArrayList<>(byId.values());
    }

    private static int broadcast(SdkBytes frame, Set<String> delivered, Context context) {
        var connections = new ArrayList<Map<String, AttributeValue>>();
        Tables.DYNAMO
                .scanPaginator(b -> b.tableName(Tables.connections()))
                .items()
                .forEach(connections::add);
        int failures = 0;
        try (var posts =
                Executors.newFixedThreadPool(PARALLEL_POSTS, Thread.ofVirtual().factory())) {
            var outcomes = new ArrayList<Future<Boolean>>();
            for (var connection : connections) {
                var id = connection.get("id").s();
                if (delivered.contains(id) || !connection.containsKey("endpoint")) {
                    continue;
                }
                var endpoint = connection.get("endpoint").s();
                outcomes.add(posts.submit(() -> post(endpoint, id, frame, delivered, context)));
            }
            for (var outcome : outcomes) {
                try {
                    if (!outcome.get()) {
                        failures++;
                    }
                } catch (Exception e) {
                    failures++;
                }
            }
        }
        return failures;
    }

    /** Posts to one connection; answers false if it must be retried. */
    private static boolean post(
            String endpoint, String connectionId, SdkBytes frame, Set<String> delivered, Context context) {
        try {
            Connections.client(endpoint)
                    .postToConnection(b -> b.connectionId(connectionId).data(frame));
            delivered.add(connectionId);
            return true;
        } catch (GoneException gone) {
            forget(connectionId);
            return true;
        } catch (SdkClientException e) {
            if (unreachable(e)) {
                // Nothing answers at the address the connection was made to: the API that held it is gone, and so
                // is the connection. Retrying would hold up every later message for everyone.
                context.getLogger().log("forgetting " + connectionId + ": its API at " + endpoint + " is gone");
                forget(connectionId);
                return true;
            }
            context.getLogger().log("delivery to " + connectionId + " failed: " + e.getMessage());
            return false;
        } catch (SdkException e) {
            context.getLogger().log("delivery to " + connectionId + " failed: " + e.getMessage());
            return false;
        }
    }

    private static void forget(String connectionId) {
        Tables.DYNAMO.deleteItem(
                b -> b.tableName(Tables.connections()).key(Map.of("id", AttributeValue.fromS(connectionId))));
    }

    private static boolean unreachable(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static String batchKey(DynamodbEvent event) {
        var records = event.getRecords();
        return records.get(0).getDynamodb().getSequenceNumber() + "-"
                + records.get(records.size() - 1).getDynamodb().getSequenceNumber();
    }

    /** The stream's images use the events library's attribute values; the app's code reads the SDK's. */
    private static Map<String, AttributeValue> sdkItem(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        var item = new LinkedHashMap<String, AttributeValue>();
        image.forEach((name, value) -> {
            if (value.getS() != null) {
                item.put(name, AttributeValue.fromS(value.getS()));
            } else if (value.getN() != null) {
                item.put(name, AttributeValue.fromN(value.getN()));
            }
        });
        return item;
    }
}
