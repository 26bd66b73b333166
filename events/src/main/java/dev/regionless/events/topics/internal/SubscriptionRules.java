package dev.regionless.events.topics.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.events.topics.Subscription;
import dev.regionless.events.topics.Topic;
import dev.regionless.events.topics.TopicErrors;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** SNS's rules for a subscription's protocol, endpoint and attributes, checked before anything is stored. */
public final class SubscriptionRules {
    /** Every protocol SNS knows; Regionless delivers to the first two. */
    private static final Set<String> KNOWN =
            Set.of("sqs", "lambda", "http", "https", "email", "email-json", "sms", "application", "firehose");

    static final Pattern QUEUE_ARN = Pattern.compile("arn:aws[a-zA-Z-]*:sqs:([a-z0-9-]+):(\\d{12}):([A-Za-z0-9_.-]+)");
    static final Pattern FUNCTION_ARN =
            Pattern.compile("arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\\d{12}):function:([a-zA-Z0-9_-]{1,64})(:.+)?");

    private static final Set<String> SETTABLE = Set.of(
            "RawMessageDelivery",
            "FilterPolicy",
            "FilterPolicyScope",
            "RedrivePolicy",
            "DeliveryPolicy",
            "SubscriptionRoleArn",
            "ReplayPolicy");

    private SubscriptionRules() {}

    /** Checks that Regionless can deliver to {@code endpoint} over {@code protocol} from {@code topic}. */
    public static void checkEndpoint(Topic topic, String protocol, String endpoint) {
        if (!KNOWN.contains(protocol)) {
            throw TopicErrors.invalidParameter(
                    "Protocol", protocol, "a protocol SNS supports; Regionless delivers to sqs and lambda");
        }
        switch (protocol) {
            case "sqs" -> {
                var matcher = QUEUE_ARN.matcher(endpoint == null ? "" : endpoint);
                if (!matcher.matches()) {
                    throw TopicErrors.invalidParameter(
                            "SQS endpoint ARN", endpoint, "a queue ARN such as arn:aws:sqs:REGION:123456789012:NAME");
                }
                if (!topic.fifo() && matcher.group(3).endsWith(".fifo")) {
                    throw TopicErrors.invalidParameter(
                            "Endpoint", endpoint, "a standard queue; FIFO queues subscribe to FIFO topics only");
                }
            }
            case "lambda" -> {
                if (!FUNCTION_ARN.matcher(endpoint == null ? "" : endpoint).matches()) {
                    throw TopicErrors.invalidParameter(
                            "Lambda endpoint ARN",
                            endpoint,
                            "a function ARN such as arn:aws:lambda:REGION:123456789012:function:NAME");
                }
                if (topic.fifo()) {
                    throw TopicErrors.invalidParameter(
                            "Protocol", protocol, "sqs; Regionless's FIFO topics deliver to queues only");
                }
            }
            default ->
                throw TopicErrors.invalidParameter(
                        "Protocol", protocol, "sqs or lambda; Regionless does not deliver over " + protocol);
        }
    }

    /** Checks every attribute of a new subscription. */
    public static void checkAll(String protocol, Map<String, String> attributes) {
        attributes.forEach((name, value) -> check(protocol, name, value));
    }

    /** Checks one attribute that SetSubscriptionAttributes (or Subscribe) sets. */
    public static void check(String protocol, String name, String value) {
        if (!SETTABLE.contains(name)) {
            throw TopicErrors.invalidParameter("AttributeName", name, "one of " + new java.util.TreeSet<>(SETTABLE));
        }
        if (value.isEmpty()) {
            return; // an empty value removes the attribute, back to SNS's default
        }
        switch (name) {
            case "RawMessageDelivery" -> {
                TopicRules.requireBoolean(name, value);
                if (value.equalsIgnoreCase("true") && !protocol.equals("sqs")) {
                    throw TopicErrors.invalidParameter(
                            "RawMessageDelivery", value, "false; raw delivery is for sqs (and http/s) subscriptions");
                }
            }
            case "FilterPolicy" -> FilterPolicy.parse(value);
            case "FilterPolicyScope" -> {
                if (!value.equals("MessageAttributes") && !value.equals("MessageBody")) {
                    throw TopicErrors.invalidParameter(name, value, "MessageAttributes or MessageBody");
                }
            }
            case "RedrivePolicy" -> {
                if (!value.isEmpty()
                        && !QUEUE_ARN.matcher(deadLetterTarget(value)).matches()) {
                    throw TopicErrors.invalidParameter(
                            name, value, "{\"deadLetterTargetArn\": \"arn:aws:sqs:REGION:ACCOUNT:NAME\"}");
                }
            }
            default -> {}
        }
    }

    /** The queue ARN a {@code RedrivePolicy} names, or {@code ""}. */
    static String deadLetterTarget(String policy) {
        try {
            JsonNode node = Json.mapper().readTree(policy);
            return node != null && node.path("deadLetterTargetArn").isTextual()
                    ? node.get("deadLetterTargetArn").asText()
                    : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Every attribute GetSubscriptionAttributes answers: those set, with SNS's defaults and the computed ones. */
    public static Map<String, String> describe(Subscription subscription, String accountId) {
        var result = new LinkedHashMap<String, String>();
        result.put("SubscriptionArn", subscription.arn());
        result.put("TopicArn", subscription.topicArn());
        result.put("Owner", accountId);
        result.put("Protocol", subscription.protocol());
        result.put("Endpoint", subscription.endpoint());
        result.put("ConfirmationWasAuthenticated", "true");
        result.put("PendingConfirmation", "false");
        result.put("RawMessageDelivery", "false");
        result.put("SubscriptionPrincipal", "arn:aws:iam::" + accountId + ":root");
        if (subscription.attributes().containsKey("FilterPolicy")) {
            result.put("FilterPolicyScope", "MessageAttributes");
        }
        result.putAll(subscription.attributes());
        return result;
    }
}
