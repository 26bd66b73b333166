package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * An SQS consumer written as users write one, with the real {@code SQSEvent} and {@code SQSBatchResponse}: it writes
 * what each batch brought into the table named by {@code RECEIVED_TABLE}, so a test sees it:
 *
 * <ul>
 *   <li>{@code id = "invocation-<n>"}: the n-th invocation's {@code bodies} (comma-separated, in event order) and
 *       {@code outcome} ({@code ok}, {@code failed} or {@code partial});
 *   <li>{@code id = "processed-<n>"}: the n-th message processed successfully, with its {@code body};
 *   <li>{@code id = "message-<body>"}: for each message processed successfully, how often ({@code deliveries}), its
 *       {@code receiveCount}, {@code messageId}, {@code eventSource}, {@code eventSourceARN}, {@code awsRegion},
 *       {@code md5OfBody}, {@code sentTimestamp}, {@code senderId}, {@code firstReceive} and the {@code kind}
 *       message attribute ("-" without it).
 * </ul>
 *
 * Messages whose body starts with {@code FAIL_PREFIX} (default {@code poison}) fail: with {@code REPORT_FAILURES=true}
 * the function reports them in a partial batch response and processes the rest; otherwise it throws. With
 * {@code REPORT_INVALID=true} it answers a batch item failure with an empty {@code itemIdentifier}, which fails the
 * whole batch.
 */
public class QueueRecorder implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final DynamoDbClient DYNAMODB = DynamoDbClient.create();

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        var table = System.getenv("RECEIVED_TABLE");
        var prefix = System.getenv().getOrDefault("FAIL_PREFIX", "poison");
        boolean report = "true".equals(System.getenv("REPORT_FAILURES"));
        var messages = event.getRecords();
        var failed = messages.stream()
                .filter(message -> message.getBody().startsWith(prefix))
                .toList();
        boolean invalid = "true".equals(System.getenv("REPORT_INVALID"));
        var outcome = invalid || !failed.isEmpty() && !report ? "failed" : failed.isEmpty() ? "ok" : "partial";
        long attempt = count(table, "attempts");
        DYNAMODB.putItem(r -> r.tableName(table)
                .item(Map.of(
                        "id", s("invocation-" + attempt),
                        "attempt", n(attempt),
                        "bodies",
                                s(messages.stream()
                                        .map(SQSEvent.SQSMessage::getBody)
                                        .collect(Collectors.joining(","))),
                        "outcome", s(outcome))));
        if (invalid) {
            return new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("")));
        }
        if (outcome.equals("failed")) {
            throw new IllegalStateException("failing on purpose: " + failed.size() + " poison messages");
        }
        var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        for (var message : messages) {
            if (failed.contains(message)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } else {
                record(table, message);
            }
        }
        return new SQSBatchResponse(failures);
    }

    private static void record(String table, SQSEvent.SQSMessage message) {
        long processed = count(table, "processed");
        DYNAMODB.putItem(r -> r.tableName(table)
                .item(Map.of("id", s("processed-" + processed), "n", n(processed), "body", s(message.getBody()))));
        var attributes = message.getAttributes();
        var kind = message.getMessageAttributes().get("kind");
        DYNAMODB.updateItem(r -> r.tableName(table)
                .key(Map.of("id", s("message-" + message.getBody())))
                .updateExpression("SET receiveCount = :count, messageId = :id, eventSource = :source,"
                        + " eventSourceARN = :arn, awsRegion = :region, md5OfBody = :md5, sentTimestamp = :sent,"
                        + " senderId = :sender, firstReceive = :first, kind = :kind ADD deliveries :one")
                .expressionAttributeValues(Map.ofEntries(
                        Map.entry(":count", s(attributes.get("ApproximateReceiveCount"))),
                        Map.entry(":id", s(message.getMessageId())),
                        Map.entry(":source", s(message.getEventSource())),
                        Map.entry(":arn", s(message.getEventSourceArn())),
                        Map.entry(":region", s(message.getAwsRegion())),
                        Map.entry(":md5", s(message.getMd5OfBody())),
                        Map.entry(":sent", s(attributes.get("SentTimestamp"))),
                        Map.entry(":sender", s(attributes.get("SenderId"))),
                        Map.entry(":first", s(attributes.get("ApproximateFirstReceiveTimestamp"))),
                        Map.entry(":kind", s(kind == null ? "-" : kind.getStringValue())),
                        Map.entry(":one", n(1)))));
    }

    private static long count(String table, String counter) {
        var counted = DYNAMODB.updateItem(r -> r.tableName(table)
                .key(Map.of("id", s(counter)))
                .updateExpression("ADD #count :one")
                .expressionAttributeNames(Map.of("#count", "count"))
                .expressionAttributeValues(Map.of(":one", n(1)))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(counted.attributes().get("count").n());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value == null ? "null" : value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
