package dev.regionless.template.internal.resource;

import static java.util.Map.entry;

import dev.regionless.template.SubscriptionSpec;
import dev.regionless.template.TopicSpec;
import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.intrinsic.StableIds;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code AWS::SNS::Topic}: {@code Ref} is the topic's ARN, {@code Fn::GetAtt} gives {@code TopicArn} and
 * {@code TopicName}; reading one adds a topic, and a subscription for each entry of its {@code Subscription} list,
 * which the region creates on deploy.
 */
final class TopicKind implements ResourceKind {
    static final String TYPE = "AWS::SNS::Topic";
    private static final int MAX_NAME_LENGTH = 256;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}|[A-Za-z0-9_-]{1,251}\\.fifo");

    static final PropertyRules RULES = new PropertyRules(
            TYPE,
            Set.of(
                    "TopicName",
                    "FifoTopic",
                    "ContentBasedDeduplication",
                    "DisplayName",
                    "SignatureVersion",
                    "TracingConfig",
                    "FifoThroughputScope",
                    "Subscription",
                    "Tags"),
            Map.ofEntries(
                    entry("KmsMasterKeyId", "topics are stored on the host's disk; encrypt the disk instead"),
                    entry("DataProtectionPolicy", "messages are not inspected for sensitive data"),
                    entry("DeliveryStatusLogging", "delivery status is not logged to CloudWatch"),
                    entry("ArchivePolicy", "messages are not archived for replay")),
            Map.of());
    private static final PropertyRules SUBSCRIPTION =
            new PropertyRules("a topic's Subscription", Set.of("Endpoint", "Protocol"), Map.of(), Map.of());

    @Override
    public Node ref(ResourceEntry resource, Location usedAt, Resolver resolver) {
        return Scalar.string(arn(resource, resolver), usedAt);
    }

    @Override
    public Node attribute(ResourceEntry resource, String attribute, Location usedAt, Resolver resolver) {
        return switch (attribute) {
            case "TopicArn" -> Scalar.string(arn(resource, resolver), usedAt);
            case "TopicName" -> Scalar.string(name(resource, resolver), usedAt);
            default -> throw ResourceKind.noSuchAttribute(resource, attribute, usedAt, "TopicArn, TopicName");
        };
    }

    @Override
    public void read(ResourceEntry resource, ReadContext context) {
        RULES.check(resource.properties(), context);
        var properties = new Properties(resource.properties(), context.resolver());
        var attributes = new LinkedHashMap<String, String>();
        boolean fifo = properties.get("FifoTopic").map(Values::bool).orElse(false);
        if (fifo) {
            attributes.put("FifoTopic", "true");
        }
        properties.get("ContentBasedDeduplication").ifPresent(node -> {
            if (!fifo) {
                throw node.location().error("is only for FIFO topics (expected: FifoTopic: true)");
            }
            attributes.put("ContentBasedDeduplication", Boolean.toString(Values.bool(node)));
        });
        choice(properties, attributes, "SignatureVersion", List.of("1", "2"));
        choice(properties, attributes, "TracingConfig", List.of("PassThrough", "Active"));
        choice(properties, attributes, "FifoThroughputScope", List.of("Topic", "MessageGroup"));
        properties.string("DisplayName").ifPresent(name -> attributes.put("DisplayName", name));
        var nameLocation =
                resource.properties().get("TopicName").map(Node::location).orElse(resource.location());
        var topic = new TopicSpec(
                resource.logicalId(),
                name(resource, context.resolver()),
                attributes,
                TableReader.tags(properties, context));
        context.addTopic(topic, nameLocation);
        properties.get("Subscription").ifPresent(list -> {
            var items = Values.sequence(list).items();
            for (int i = 0; i < items.size(); i++) {
                var item = Values.mapping(items.get(i));
                SUBSCRIPTION.check(item, context);
                var subscription = new Properties(item, context.resolver());
                var protocol = SubscriptionKind.protocol(subscription.required("Protocol", "sqs or lambda"));
                var endpoint = subscription.requiredString("Endpoint", "the queue's or function's ARN");
                context.addSubscription(new SubscriptionSpec(
                        resource.logicalId() + ".Subscription[" + i + "]",
                        arn(resource, context.resolver()),
                        protocol,
                        endpoint,
                        Map.of()));
            }
        });
    }

    private static void choice(
            Properties properties, Map<String, String> attributes, String name, List<String> allowed) {
        properties.get(name).ifPresent(node -> {
            var value = Values.string(node);
            if (!allowed.contains(value)) {
                throw Values.unexpected(node, String.join(" or ", allowed));
            }
            attributes.put(name, value);
        });
    }

    /**
     * {@code TopicName}, or CloudFormation's generated {@code stack-LogicalId-SUFFIX} (with {@code .fifo} for a FIFO
     * topic), derived from the stack and logical id so every region and redeploy names the topic the same.
     */
    static String name(ResourceEntry resource, Resolver resolver) {
        var properties = new Properties(resource.properties(), resolver);
        var property = properties.get("TopicName");
        boolean fifo = properties.get("FifoTopic").map(Values::bool).orElse(false);
        if (property.isEmpty()) {
            var stack = resolver.context().stackName();
            return fifo
                    ? StableIds.physicalName(stack, resource.logicalId(), MAX_NAME_LENGTH - 5) + ".fifo"
                    : StableIds.physicalName(stack, resource.logicalId(), MAX_NAME_LENGTH);
        }
        var name = Values.string(property.get());
        if (!NAME.matcher(name).matches()) {
            throw Values.unexpected(
                    property.get(), "1 to 256 letters, digits, '_' or '-', a FIFO topic's ending .fifo");
        }
        if (fifo != name.endsWith(".fifo")) {
            throw Values.unexpected(
                    property.get(),
                    fifo ? "a name ending .fifo, as FifoTopic is true" : "FifoTopic: true for a name ending .fifo");
        }
        return name;
    }

    static String arn(ResourceEntry resource, Resolver resolver) {
        var context = resolver.context();
        return "arn:aws:sns:" + context.region() + ":" + context.accountId() + ":" + name(resource, resolver);
    }
}
