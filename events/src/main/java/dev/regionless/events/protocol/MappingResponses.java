package dev.regionless.events.protocol;

import dev.regionless.events.MappingDescription;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes Lambda's {@code EventSourceMappingConfiguration}: for a stream mapping with the stream settings, for a queue
 * mapping with only what Lambda answers for a queue.
 */
final class MappingResponses {
    private MappingResponses() {}

    static Map<String, Object> configuration(MappingDescription description) {
        if (description.mapping().fromQueue()) {
            return queueConfiguration(description);
        }
        var mapping = description.mapping();
        var handling = mapping.failureHandling();
        var body = new LinkedHashMap<String, Object>();
        body.put("UUID", mapping.uuid());
        body.put("StartingPosition", mapping.startingPosition().name());
        body.put("BatchSize", mapping.batchSize());
        body.put("MaximumBatchingWindowInSeconds", mapping.maximumBatchingWindowInSeconds());
        body.put("ParallelizationFactor", mapping.parallelizationFactor());
        body.put("EventSourceArn", description.eventSourceArn());
        body.put("FunctionArn", description.functionArn());
        // rest-json timestamps are epoch seconds, with milliseconds as a fraction.
        body.put("LastModified", BigDecimal.valueOf(description.lastModified().toEpochMilli(), 3));
        body.put("LastProcessingResult", description.lastProcessingResult());
        body.put("State", description.state());
        body.put("StateTransitionReason", "User action");
        body.put(
                "DestinationConfig",
                handling.onFailure()
                        .<Map<String, Object>>map(arn -> Map.of("OnFailure", Map.of("Destination", arn)))
                        .orElse(Map.of()));
        body.put("MaximumRecordAgeInSeconds", handling.maximumRecordAgeInSeconds());
        body.put("BisectBatchOnFunctionError", handling.bisectBatchOnFunctionError());
        body.put("MaximumRetryAttempts", handling.maximumRetryAttempts());
        body.put("TumblingWindowInSeconds", 0);
        body.put(
                "FunctionResponseTypes",
                handling.reportBatchItemFailures() ? List.of("ReportBatchItemFailures") : List.of());
        body.put("EventSourceMappingArn", description.arn());
        return body;
    }

    private static Map<String, Object> queueConfiguration(MappingDescription description) {
        var mapping = description.mapping();
        var body = new LinkedHashMap<String, Object>();
        body.put("UUID", mapping.uuid());
        body.put("BatchSize", mapping.batchSize());
        body.put("MaximumBatchingWindowInSeconds", mapping.maximumBatchingWindowInSeconds());
        body.put("EventSourceArn", description.eventSourceArn());
        body.put("FunctionArn", description.functionArn());
        body.put("LastModified", BigDecimal.valueOf(description.lastModified().toEpochMilli(), 3));
        body.put("State", description.state());
        body.put("StateTransitionReason", "USER_INITIATED");
        body.put(
                "FunctionResponseTypes",
                mapping.failureHandling().reportBatchItemFailures() ? List.of("ReportBatchItemFailures") : List.of());
        if (mapping.maximumConcurrency() != 0) {
            body.put("ScalingConfig", Map.of("MaximumConcurrency", mapping.maximumConcurrency()));
        }
        if (!mapping.filterCriteria().isEmpty()) {
            body.put(
                    "FilterCriteria",
                    Map.of(
                            "Filters",
                            mapping.filterCriteria().patterns().stream()
                                    .map(pattern -> Map.of("Pattern", pattern))
                                    .toList()));
        }
        body.put("EventSourceMappingArn", description.arn());
        return body;
    }
}
