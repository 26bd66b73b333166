package dev.regionless.events.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.events.EventSourceMapping;
import dev.regionless.events.FailureHandling;
import dev.regionless.functions.FunctionErrors;
import java.util.Set;

/**
 * Reads the settings of {@code CreateEventSourceMapping} and {@code UpdateEventSourceMapping} requests onto a
 * mapping, with Lambda's validation: each value against the service model's bounds (Lambda's own wording), then the
 * rules of the mapping's source ({@link EventSourceMapping#requireConsistent()}). Settings that only other sources know
 * (Amazon MQ, Kafka, DocumentDB) and features Regionless does not run (stream filters, tumbling windows) are refused
 * rather than ignored.
 */
final class MappingRequests {
    /** Accepted and without effect here. */
    private static final Set<String> HARMLESS = Set.of("Tags", "KMSKeyArn", "MetricsConfig", "LoggingConfig");

    private static final Set<String> OTHER_SOURCES = Set.of(
            "Topics",
            "Queues",
            "SourceAccessConfigurations",
            "SelfManagedEventSource",
            "SelfManagedKafkaEventSourceConfig",
            "AmazonManagedKafkaEventSourceConfig",
            "DocumentDBEventSourceConfig",
            "StartingPositionTimestamp",
            "ProvisionedPollerConfig");

    private MappingRequests() {}

    /** {@code mapping} with every setting of the request's body applied. */
    static EventSourceMapping apply(EventSourceMapping mapping, JsonNode body) {
        var result = mapping;
        for (var field : (Iterable<String>) body::fieldNames) {
            var value = body.get(field);
            if (value.isNull()) {
                continue;
            }
            result = apply(result, field, value);
        }
        return result;
    }

    private static EventSourceMapping apply(EventSourceMapping mapping, String field, JsonNode value) {
        var handling = mapping.failureHandling();
        return switch (field) {
            case "FunctionName", "EventSourceArn", "StartingPosition", "UUID" -> mapping; // read by the caller
            case "Enabled" -> mapping.withEnabled(bool(field, value));
            case "BatchSize" -> mapping.withBatchSize(integer(field, value, 1, 10_000));
            case "MaximumBatchingWindowInSeconds" ->
                mapping.withMaximumBatchingWindowInSeconds(integer(field, value, 0, 300));
            case "ParallelizationFactor" -> mapping.withParallelizationFactor(integer(field, value, 1, 10));
            case "ScalingConfig" -> {
                if (!mapping.fromQueue()) {
                    throw unsupported(field, "it applies to queue sources only");
                }
                yield mapping.withMaximumConcurrency(maximumConcurrency(value));
            }
            case "BisectBatchOnFunctionError" ->
                mapping.withFailureHandling(handling.withBisectBatchOnFunctionError(bool(field, value)));
            case "MaximumRetryAttempts" ->
                mapping.withFailureHandling(handling.withMaximumRetryAttempts(integer(field, value, -1, 10_000)));
            case "MaximumRecordAgeInSeconds" ->
                mapping.withFailureHandling(handling.withMaximumRecordAgeInSeconds(recordAge(value)));
            case "FunctionResponseTypes" ->
                mapping.withFailureHandling(handling.withReportBatchItemFailures(responseTypes(value)));
            case "DestinationConfig" ->
                mapping.withFailureHandling(handling.withOnFailureDestination(onFailure(value)));
            case "TumblingWindowInSeconds" -> {
                if (integer(field, value, 0, 900) != 0) {
                    throw unsupported(field, "tumbling windows are not supported by Regionless");
                }
                yield mapping;
            }
            case "FilterCriteria" -> {
                var filters = value.path("Filters");
                if (!mapping.fromQueue()) {
                    if (!filters.isMissingNode() && !filters.isEmpty()) {
                        throw unsupported(
                                field,
                                "event filtering is not supported by Regionless for streams; filter in the function");
                    }
                    yield mapping;
                }
                yield mapping.withFilterCriteria(filterCriteria(filters));
            }
            default -> {
                if (OTHER_SOURCES.contains(field)) {
                    throw unsupported(
                            field, "it does not apply to a " + (mapping.fromQueue() ? "queue" : "DynamoDB stream"));
                }
                if (!HARMLESS.contains(field)) {
                    throw FunctionErrors.invalidParameter(field + " is not a parameter of an event source mapping");
                }
                yield mapping;
            }
        };
    }

    static String text(String field, JsonNode value) {
        if (!value.isTextual()) {
            throw FunctionErrors.invalidRequestContent(field + ": " + value + " (expected: a string)");
        }
        return value.textValue();
    }

    private static boolean bool(String field, JsonNode value) {
        if (!value.isBoolean()) {
            throw FunctionErrors.invalidRequestContent(field + ": " + value + " (expected: true or false)");
        }
        return value.booleanValue();
    }

    private static int integer(String field, JsonNode value, int min, int max) {
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw FunctionErrors.invalidRequestContent(field + ": " + value + " (expected: an integer)");
        }
        int number = value.intValue();
        // The service model's member path: scalingConfig.maximumConcurrency for ScalingConfig.MaximumConcurrency.
        var member = java.util.Arrays.stream(field.split("\\."))
                .map(part -> Character.toLowerCase(part.charAt(0)) + part.substring(1))
                .collect(java.util.stream.Collectors.joining("."));
        if (number < min) {
            throw validation(number, member, "Member must have value greater than or equal to " + min);
        }
        if (number > max) {
            throw validation(number, member, "Member must have value less than or equal to " + max);
        }
        return number;
    }

    /** {@code FilterCriteria.Filters}: a list of {@code {"Pattern": "<JSON>"}}; an empty or absent list filters nothing. */
    private static dev.regionless.events.FilterCriteria filterCriteria(JsonNode filters) {
        if (filters.isMissingNode() || filters.isNull()) {
            return dev.regionless.events.FilterCriteria.none();
        }
        if (!filters.isArray()) {
            throw FunctionErrors.invalidRequestContent("FilterCriteria.Filters: " + filters + " (expected: a list)");
        }
        var patterns = new java.util.ArrayList<String>();
        for (var filter : filters) {
            var pattern = filter.path("Pattern");
            if (!pattern.isTextual()) {
                throw FunctionErrors.invalidParameter("FilterCriteria.Filters[" + patterns.size() + "]: " + filter
                        + " (expected: {\"Pattern\": \"<a JSON filter pattern>\"})");
            }
            patterns.add(pattern.textValue());
        }
        return new dev.regionless.events.FilterCriteria(patterns);
    }

    /** {@code ScalingConfig.MaximumConcurrency}; an empty {@code ScalingConfig} (or a null value) removes it. */
    private static int maximumConcurrency(JsonNode config) {
        if (!config.isObject()) {
            throw FunctionErrors.invalidRequestContent("ScalingConfig: " + config + " (expected: an object)");
        }
        config.fieldNames().forEachRemaining(name -> {
            if (!name.equals("MaximumConcurrency")) {
                throw FunctionErrors.invalidParameter("ScalingConfig." + name
                        + " is not a parameter of ScalingConfig (expected: MaximumConcurrency)");
            }
        });
        var value = config.get("MaximumConcurrency");
        if (value == null || value.isNull()) {
            return 0;
        }
        return integer(
                "ScalingConfig.MaximumConcurrency",
                value,
                EventSourceMapping.MIN_MAXIMUM_CONCURRENCY,
                EventSourceMapping.MAX_MAXIMUM_CONCURRENCY);
    }

    private static int recordAge(JsonNode value) {
        int age = integer("MaximumRecordAgeInSeconds", value, -1, FailureHandling.MAX_RECORD_AGE_SECONDS);
        if (age != -1 && age < FailureHandling.MIN_RECORD_AGE_SECONDS) {
            throw FunctionErrors.invalidParameter("MaximumRecordAgeInSeconds: " + age
                    + " (expected: -1 for infinite, or 60..604800; values under 60 are not allowed)");
        }
        return age;
    }

    private static boolean responseTypes(JsonNode value) {
        if (!value.isArray()) {
            throw FunctionErrors.invalidRequestContent("FunctionResponseTypes: " + value + " (expected: a list)");
        }
        for (var type : value) {
            if (!type.isTextual() || !type.textValue().equals("ReportBatchItemFailures")) {
                throw FunctionErrors.invalidParameter("1 validation error detected: Value '" + value
                        + "' at 'functionResponseTypes' failed to satisfy constraint: Member must satisfy constraint:"
                        + " [Member must satisfy enum value set: [ReportBatchItemFailures]]");
            }
        }
        return !value.isEmpty();
    }

    /** The OnFailure destination's ARN; an empty or absent one removes the destination. */
    private static String onFailure(JsonNode config) {
        if (config.hasNonNull("OnSuccess")
                && !config.path("OnSuccess").path("Destination").asText().isEmpty()) {
            throw unsupported("DestinationConfig.OnSuccess", "stream mappings have on-failure destinations only");
        }
        var destination = config.path("OnFailure").path("Destination");
        return destination.isTextual() ? destination.textValue() : null;
    }

    private static dev.regionless.common.AwsException validation(int value, String member, String constraint) {
        return FunctionErrors.invalidParameter("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    private static dev.regionless.common.AwsException unsupported(String field, String why) {
        return FunctionErrors.invalidParameter(field + " is not supported for this event source mapping (" + why + ")");
    }
}
