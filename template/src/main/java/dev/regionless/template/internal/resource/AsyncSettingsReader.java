package dev.regionless.template.internal.resource;

import dev.regionless.template.EventInvokeSpec;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Values;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads asynchronous invocation settings: {@code MaximumRetryAttempts} (0..2), {@code MaximumEventAgeInSeconds}
 * (60..21600) and {@code DestinationConfig} with {@code OnSuccess}/{@code OnFailure}, as SAM's
 * {@code EventInvokeConfig} and {@code AWS::Lambda::EventInvokeConfig} write them, and SAM's {@code DeadLetterQueue}.
 * Destinations may be queues, topics or functions; event buses and buckets are refused, as Regionless has none.
 */
final class AsyncSettingsReader {
    private static final Pattern FUNCTION_ARN =
            Pattern.compile("arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[a-zA-Z0-9_-]{1,64}(:\\$LATEST)?");
    private static final Pattern QUEUE_ARN =
            Pattern.compile("arn:aws[a-zA-Z-]*:sqs:[a-z0-9-]+:\\d{12}:[a-zA-Z0-9_-]{1,80}");
    private static final Pattern TOPIC_ARN =
            Pattern.compile("arn:aws[a-zA-Z-]*:sns:[a-z0-9-]+:\\d{12}:[a-zA-Z0-9_-]{1,256}");
    private static final String DESTINATION = "a queue, topic or function ARN such as !GetAtt Queue.Arn or !Ref Topic";
    private static final Set<String> SETTINGS =
            Set.of("MaximumRetryAttempts", "MaximumEventAgeInSeconds", "DestinationConfig");

    private AsyncSettingsReader() {}

    /** SAM's {@code EventInvokeConfig} and {@code DeadLetterQueue} of a function, or {@code null} with neither. */
    static EventInvokeSpec readSam(Properties function, String logicalId, String functionName) {
        var config = function.mapping("EventInvokeConfig");
        var deadLetter = function.mapping("DeadLetterQueue");
        if (config.isEmpty() && deadLetter.isEmpty()) {
            return null;
        }
        var spec = config.map(mapping -> {
                    mapping.entries().forEach((key, value) -> {
                        if (!SETTINGS.contains(key)) {
                            throw value.location()
                                    .error("is not a property of EventInvokeConfig (expected: one of "
                                            + String.join(
                                                    ", ",
                                                    SETTINGS.stream().sorted().toList()) + ")");
                        }
                    });
                    return read(new Properties(mapping, function.resolver()), logicalId, functionName);
                })
                .orElseGet(() -> new EventInvokeSpec(logicalId, functionName, null, null, null, null, null));
        return deadLetter
                .map(mapping ->
                        spec.withDeadLetterTarget(deadLetterTarget(new Properties(mapping, function.resolver()))))
                .orElse(spec);
    }

    /** The settings in {@code properties} (the keys of {@link #SETTINGS}; the caller checks for others). */
    static EventInvokeSpec read(Properties properties, String logicalId, String functionName) {
        var retries = properties.integer("MaximumRetryAttempts", 0, 2).orElse(null);
        var age = properties.integer("MaximumEventAgeInSeconds", 60, 21_600).orElse(null);
        String onSuccess = null;
        String onFailure = null;
        var destinations = properties.mapping("DestinationConfig");
        if (destinations.isPresent()) {
            destinations.get().entries().forEach((key, value) -> {
                if (!key.equals("OnSuccess") && !key.equals("OnFailure")) {
                    throw value.location()
                            .error("is not a property of DestinationConfig (expected: OnSuccess, OnFailure)");
                }
            });
            var config = new Properties(destinations.get(), properties.resolver());
            onSuccess =
                    config.mapping("OnSuccess").map(m -> destination(m, config)).orElse(null);
            onFailure =
                    config.mapping("OnFailure").map(m -> destination(m, config)).orElse(null);
        }
        return new EventInvokeSpec(logicalId, functionName, retries, age, onSuccess, onFailure, null);
    }

    private static String destination(Mapping mapping, Properties parent) {
        mapping.entries().forEach((key, value) -> {
            if (!key.equals("Destination") && !key.equals("Type")) {
                throw value.location().error("is not a property of a destination (expected: Destination, Type)");
            }
        });
        var properties = new Properties(mapping, parent.resolver());
        var type = properties.get("Type").map(Values::string).orElse(null);
        if (type != null && !type.equals("SQS") && !type.equals("SNS") && !type.equals("Lambda")) {
            throw properties
                    .get("Type")
                    .orElseThrow()
                    .location()
                    .error(type + " destinations are not supported by Regionless (expected: Type SQS, SNS or Lambda,"
                            + " and " + DESTINATION + " as Destination)");
        }
        var node =
                properties.required("Destination", DESTINATION + " (Regionless does not create a destination for you)");
        return checked(node, type);
    }

    private static String checked(Node node, String type) {
        var arn = Values.string(node);
        if (arn.startsWith("arn:aws:events:")) {
            throw node.location()
                    .error(arn + ": event bus destinations are not supported by Regionless (expected: " + DESTINATION
                            + ")");
        }
        boolean queue = QUEUE_ARN.matcher(arn).matches();
        boolean topic = TOPIC_ARN.matcher(arn).matches();
        boolean function = FUNCTION_ARN.matcher(arn).matches();
        if ("SQS".equals(type) && !queue) {
            throw Values.unexpected(node, "a queue ARN such as !GetAtt Queue.Arn, as Type is SQS");
        }
        if ("SNS".equals(type) && !topic) {
            throw Values.unexpected(node, "a topic ARN such as !Ref Topic, as Type is SNS");
        }
        if ("Lambda".equals(type) && !function) {
            throw Values.unexpected(node, "a function ARN such as !GetAtt Fn.Arn, as Type is Lambda");
        }
        if (!queue && !topic && !function) {
            throw Values.unexpected(node, DESTINATION);
        }
        return arn;
    }

    private static String deadLetterTarget(Properties deadLetter) {
        deadLetter.raw().entries().forEach((key, value) -> {
            if (!key.equals("Type") && !key.equals("TargetArn")) {
                throw value.location().error("is not a property of DeadLetterQueue (expected: Type, TargetArn)");
            }
        });
        var type = Values.string(deadLetter.required("Type", "SQS or SNS"));
        if (!type.equals("SQS") && !type.equals("SNS")) {
            throw deadLetter.required("Type", "SQS or SNS").location().error(type + " (expected: SQS or SNS)");
        }
        var sqs = type.equals("SQS");
        var expected = sqs ? "a queue ARN such as !GetAtt Queue.Arn" : "a topic ARN such as !Ref Topic";
        var target = deadLetter.required("TargetArn", expected);
        if (!(sqs ? QUEUE_ARN : TOPIC_ARN).matcher(Values.string(target)).matches()) {
            throw Values.unexpected(target, expected);
        }
        return Values.string(target);
    }
}
