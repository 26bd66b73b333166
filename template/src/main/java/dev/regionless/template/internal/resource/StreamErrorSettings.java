package dev.regionless.template.internal.resource;

import dev.regionless.template.StreamEventSpec;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Values;
import java.util.regex.Pattern;

/**
 * A stream event's error handling: {@code BisectBatchOnFunctionError}, {@code MaximumRetryAttempts},
 * {@code MaximumRecordAgeInSeconds}, {@code FunctionResponseTypes} and {@code DestinationConfig.OnFailure}, with
 * Lambda's ranges. The on-failure destination may be a function of the template ({@code !GetAtt Fn.Arn}); queues and
 * topics, which Lambda expects there, are refused until Regionless has them.
 */
final class StreamErrorSettings {
    private static final Pattern FUNCTION_ARN =
            Pattern.compile("arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[a-zA-Z0-9_-]{1,64}(:\\$LATEST)?");
    private static final String DESTINATION = "a function ARN such as !GetAtt Function.Arn";

    private StreamErrorSettings() {}

    static StreamEventSpec.ErrorHandling read(Properties properties, ReadContext context) {
        var bisect =
                properties.get("BisectBatchOnFunctionError").map(Values::bool).orElse(false);
        var retries = properties.integer("MaximumRetryAttempts", -1, 10_000).orElse(-1);
        var age = properties
                .get("MaximumRecordAgeInSeconds")
                .map(StreamErrorSettings::recordAge)
                .orElse(-1);
        var report = properties
                .get("FunctionResponseTypes")
                .map(StreamErrorSettings::reportsBatchItemFailures)
                .orElse(false);
        var destination = properties
                .mapping("DestinationConfig")
                .map(config -> onFailure(new Properties(config, context.resolver())))
                .orElse(null);
        return new StreamEventSpec.ErrorHandling(bisect, retries, age, report, destination);
    }

    private static int recordAge(Node node) {
        var expected = "-1 for infinite, or 60..604800";
        var age = Values.integer(node, -1, 604_800);
        if (age != -1 && age < 60) {
            throw Values.unexpected(node, expected);
        }
        return age;
    }

    private static boolean reportsBatchItemFailures(Node node) {
        var types = Values.sequence(node).items();
        for (var type : types) {
            if (!Values.string(type).equals("ReportBatchItemFailures")) {
                throw Values.unexpected(type, "ReportBatchItemFailures, the only response type");
            }
        }
        return !types.isEmpty();
    }

    private static String onFailure(Properties config) {
        config.raw().entries().forEach((key, value) -> {
            if (!key.equals("OnFailure")) {
                throw value.location().error("is not a property of DestinationConfig (expected: OnFailure)");
            }
        });
        var onFailure = config.mapping("OnFailure");
        if (onFailure.isEmpty()) {
            return null;
        }
        onFailure.get().entries().forEach((key, value) -> {
            if (!key.equals("Destination") && !key.equals("Type")) {
                throw value.location().error("is not a property of OnFailure (expected: Destination, Type)");
            }
        });
        var properties = new Properties(onFailure.get(), config.resolver());
        properties.get("Type").ifPresent(type -> {
            throw type.location()
                    .error(Values.string(type) + " destinations are not supported by Regionless yet (expected: no"
                            + " Type, and " + DESTINATION + " as Destination)");
        });
        var node = properties.required("Destination", DESTINATION);
        var arn = Values.string(node);
        if (arn.startsWith("arn:aws:sqs:") || arn.startsWith("arn:aws:sns:")) {
            throw node.location()
                    .error(arn + " is a queue or topic; those destinations are not supported by Regionless yet"
                            + " (expected: " + DESTINATION + ")");
        }
        if (!FUNCTION_ARN.matcher(arn).matches()) {
            throw Values.unexpected(node, DESTINATION);
        }
        return arn;
    }
}
