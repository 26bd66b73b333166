package dev.regionless.events.topics.internal;

import dev.regionless.events.topics.Topic;
import dev.regionless.events.topics.TopicErrors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** SNS's rules for topic names and attributes, checked before anything is stored. */
public final class TopicRules {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern FIFO_NAME = Pattern.compile("[A-Za-z0-9_-]{1,251}\\.fifo");
    private static final Set<String> SETTABLE = Set.of(
            "DisplayName",
            "Policy",
            "DeliveryPolicy",
            "KmsMasterKeyId",
            "SignatureVersion",
            "TracingConfig",
            "ContentBasedDeduplication",
            "MaximumMessageSize",
            "ArchivePolicy",
            "FifoThroughputScope",
            "DataProtectionPolicy");

    private TopicRules() {}

    /** The attributes a new topic keeps, checked; {@code FifoTopic} decides the kind and is kept on FIFO topics. */
    public static Map<String, String> forCreate(String name, Map<String, String> attributes) {
        var fifoValue = attributes.getOrDefault("FifoTopic", "false");
        if (!fifoValue.equalsIgnoreCase("true") && !fifoValue.equalsIgnoreCase("false")) {
            throw TopicErrors.invalidParameter("Attributes.FifoTopic", fifoValue, "true or false");
        }
        boolean fifo = fifoValue.equalsIgnoreCase("true");
        checkName(name, fifo);
        var result = new LinkedHashMap<String, String>();
        attributes.forEach((key, value) -> {
            if (!key.equals("FifoTopic")) {
                check(fifo, key, value);
                result.put(key, value);
            }
        });
        if (fifo) {
            result.put("FifoTopic", "true");
        }
        return result;
    }

    public static boolean isFifo(Map<String, String> checkedAttributes) {
        return "true".equals(checkedAttributes.get("FifoTopic"));
    }

    static void checkName(String name, boolean fifo) {
        if (fifo && !FIFO_NAME.matcher(name).matches()) {
            throw TopicErrors.invalidParameter(
                    "Name",
                    name,
                    "a FIFO topic name ending .fifo, of 1 to 256 letters, digits, hyphens and underscores in all");
        }
        if (!fifo && !NAME.matcher(name).matches()) {
            throw TopicErrors.invalidParameter(
                    "Name",
                    name,
                    name.endsWith(".fifo")
                            ? "FifoTopic=true for a name ending .fifo"
                            : "1 to 256 letters, digits, hyphens and underscores");
        }
    }

    /** Checks one attribute that SetTopicAttributes (or CreateTopic) sets on a topic of this kind. */
    public static void check(Topic topic, String name, String value) {
        if (name.equals("FifoTopic")) {
            throw TopicErrors.invalidParameter(
                    "AttributeName", name, "an attribute that can change; FifoTopic is set only at creation");
        }
        check(topic.fifo(), name, value);
    }

    private static void check(boolean fifo, String name, String value) {
        if (!SETTABLE.contains(name)) {
            throw TopicErrors.invalidParameter("AttributeName", name, "one of " + new java.util.TreeSet<>(SETTABLE));
        }
        if (value.isEmpty()) {
            return; // an empty value removes the attribute, back to SNS's default
        }
        switch (name) {
            case "ContentBasedDeduplication" -> {
                if (!fifo) {
                    throw TopicErrors.invalidParameter(
                            "ContentBasedDeduplication", value, "no such attribute on a standard topic; FIFO only");
                }
                requireBoolean(name, value);
            }
            case "FifoThroughputScope" -> {
                if (!fifo || !(value.equals("Topic") || value.equals("MessageGroup"))) {
                    throw TopicErrors.invalidParameter(name, value, "Topic or MessageGroup, on a FIFO topic");
                }
            }
            case "SignatureVersion" -> {
                if (!value.equals("1") && !value.equals("2")) {
                    throw TopicErrors.invalidParameter(name, value, "1 or 2");
                }
            }
            case "TracingConfig" -> {
                if (!value.equals("PassThrough") && !value.equals("Active")) {
                    throw TopicErrors.invalidParameter(name, value, "PassThrough or Active");
                }
            }
            case "MaximumMessageSize" -> {
                int size;
                try {
                    size = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    size = -1;
                }
                if (size < 1024 || size > 1_048_576) {
                    throw TopicErrors.invalidParameter(name, value, "1024..1048576 bytes");
                }
            }
            case "DisplayName" -> {
                if (value.length() > 100) {
                    throw TopicErrors.invalidParameter(name, value, "at most 100 characters");
                }
            }
            default -> {}
        }
    }

    static void requireBoolean(String name, String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw TopicErrors.invalidParameter(name, value, "true or false");
        }
    }

    /**
     * Every attribute GetTopicAttributes answers: those set, with SNS's defaults and the computed ones.
     *
     * @param confirmed how many subscriptions the topic has
     */
    public static Map<String, String> describe(Topic topic, String accountId, int confirmed) {
        var result = new LinkedHashMap<String, String>();
        result.put("TopicArn", topic.arn());
        result.put("Owner", accountId);
        result.put("Policy", defaultPolicy(topic, accountId));
        result.put("DisplayName", "");
        result.put("SubscriptionsPending", "0");
        result.put("SubscriptionsConfirmed", Integer.toString(confirmed));
        result.put("SubscriptionsDeleted", "0");
        result.put("EffectiveDeliveryPolicy", EFFECTIVE_DELIVERY_POLICY);
        if (topic.fifo()) {
            result.put("FifoTopic", "true");
            result.put("ContentBasedDeduplication", "false");
        }
        result.putAll(topic.attributes());
        return result;
    }

    private static final String EFFECTIVE_DELIVERY_POLICY = "{\"http\":{\"defaultHealthyRetryPolicy\":{"
            + "\"minDelayTarget\":20,\"maxDelayTarget\":20,\"numRetries\":3,\"numMaxDelayRetries\":0,"
            + "\"numNoDelayRetries\":0,\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},"
            + "\"disableSubscriptionOverrides\":false,\"defaultRequestPolicy\":{\"headerContentType\":\"text/plain;"
            + " charset=UTF-8\"}}}";

    private static String defaultPolicy(Topic topic, String accountId) {
        return "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":"
                + "\"__default_statement_ID\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":["
                + "\"SNS:GetTopicAttributes\",\"SNS:SetTopicAttributes\",\"SNS:AddPermission\","
                + "\"SNS:RemovePermission\",\"SNS:DeleteTopic\",\"SNS:Subscribe\",\"SNS:ListSubscriptionsByTopic\","
                + "\"SNS:Publish\"],\"Resource\":\"" + topic.arn() + "\",\"Condition\":{\"StringEquals\":{"
                + "\"AWS:SourceOwner\":\"" + accountId + "\"}}}]}";
    }
}
