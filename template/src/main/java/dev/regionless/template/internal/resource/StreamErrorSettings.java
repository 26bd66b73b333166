package dev.regionless.template.internal.resource;

import dev.regionless.template.StreamEventSpec;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Values;
import java.util.regex.Pattern;

/**
 * A stream event's error handling: {@code BisectBatchOnFunctionError}, {@code MaximumRetryAttempts},
 * {@code MaximumRecordAgeInSeconds}, {@code FunctionResponseTypes} and {@code DestinationConfig.OnFailure}, with
 * Lambda's ranges. The on-failure destination may be a queue ({@code !GetAtt Queue.Arn}, with SAM's optional
 * {@code Type: SQS}), a topic ({@code !Ref Topic}, with {@code Type: SNS}) or a function of the template
 * ({@code !GetAtt Fn.Arn}). Whether the queue or topic exists is the region's check, at deploy.
 */
final class StreamErrorSettings {
    private static final Pattern FUNCTION_ARN =
            Pattern.compile("arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[a-zA-Z0-9_-]{1,64}(:\\$LATEST)?");
    private static final Pattern QUEUE_ARN =
            Pattern.compile("arn:aws[a-zA-Z-]*:sqs:[a-z0-9-]+:\\d{12}:[a-zA-Z0-9_-]{1,80}");
    private static final Pattern TOPIC_ARN =
            Pattern.compile("arn:aws[a-zA-Z-]*:sns:[a-z0-9-]+:\\d{12}:[a-zA-Z0-9_-]{1,256}");
    private static final String DESTINATION = "a queue, topic or function ARN such as !GetAtt Queue.Arn";

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
        var type = properties.get("Type");
        var typeName = type.map(Values::string).orElse(null);
        type.ifPresent(node -> {
            if (!typeName.equals("SQS") && !typeName.equals("SNS")) {
                throw node.location()
                        .error(typeName + " destinations are not supported by Regionless yet (expected:"
                                + " Type SQS, SNS or no Type, and " + DESTINATION + " as Destination)");
            }
        });
        var node = properties.required("Destination", DESTINATION);
        var arn = Values.string(node);
        if ("SQS".equals(typeName)) {
            if (!QUEUE_ARN.matcher(arn).matches()) {
                throw Values.unexpected(node, "a queue ARN such as !GetAtt Queue.Arn");
            }
            return arn;
        }
        if ("SNS".equals(typeName)) {
            if (!TOPIC_ARN.matcher(arn).matches()) {
                throw Values.unexpected(node, "a topic ARN such as !Ref Topic");
            }
            return arn;
        }
        if (!QUEUE_ARN.matcher(arn).matches()
                && !TOPIC_ARN.matcher(arn).matches()
                && !FUNCTION_ARN.matcher(arn).matches()) {
            throw Values.unexpected(node, DESTINATION);
        }
        return arn;
    }
}
