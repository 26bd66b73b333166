package dev.regionless.queues.protocol;

import dev.regionless.common.AwsException;
import dev.regionless.common.Json;
import dev.regionless.common.ServiceResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one place SQS errors are rendered. The JSON protocol names the error shape in {@code __type}
 * ({@code com.amazonaws.sqs#QueueDoesNotExist}), which the SDKs map to their typed exceptions, and the older query
 * code in the {@code x-amzn-query-error} header, which the SDKs report as the error code; the query protocol puts the
 * query code in its XML.
 */
final class SqsErrors {
    private static final String PREFIX = "com.amazonaws.sqs#";
    private static final String CORAL = "com.amazon.coral.service#";

    /** Error shape to query code, where SQS's query code differs from the shape's name. */
    private static final Map<String, String> QUERY_CODES = Map.ofEntries(
            Map.entry("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue"),
            Map.entry("QueueNameExists", "QueueAlreadyExists"),
            Map.entry("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight"),
            Map.entry("PurgeQueueInProgress", "AWS.SimpleQueueService.PurgeQueueInProgress"),
            Map.entry("QueueDeletedRecently", "AWS.SimpleQueueService.QueueDeletedRecently"),
            Map.entry("TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest"),
            Map.entry("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest"),
            Map.entry("BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct"),
            Map.entry("InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId"),
            Map.entry("BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong"),
            Map.entry("UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation"));

    private SqsErrors() {}

    static String queryCode(String code) {
        return QUERY_CODES.getOrDefault(code, code);
    }

    static ServiceResponse json(AwsException error, String requestId) {
        var protocolLevel =
                error.code().equals("UnknownOperationException") || error.code().equals("SerializationException");
        var body = Json.mapper()
                .createObjectNode()
                .put("__type", (protocolLevel ? CORAL : PREFIX) + error.code())
                .put("message", error.getMessage());
        return new ServiceResponse(
                        error.status(),
                        Map.of("Content-Type", "application/x-amz-json-1.0"),
                        body.toString().getBytes(StandardCharsets.UTF_8))
                .withHeader("x-amzn-RequestId", requestId)
                .withHeader("x-amzn-query-error", queryCode(error.code()) + ";" + fault(error));
    }

    static ServiceResponse query(AwsException error, String requestId) {
        var xml = XmlResponses.error(fault(error), queryCode(error.code()), error.getMessage(), requestId);
        return new ServiceResponse(
                        error.status(), Map.of("Content-Type", "text/xml"), xml.getBytes(StandardCharsets.UTF_8))
                .withHeader("x-amzn-RequestId", requestId);
    }

    private static String fault(AwsException error) {
        return error.isClientError() ? "Sender" : "Receiver";
    }
}
