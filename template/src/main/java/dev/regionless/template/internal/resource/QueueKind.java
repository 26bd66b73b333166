package dev.regionless.template.internal.resource;

import static java.util.Map.entry;

import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.intrinsic.StableIds;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Values;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code AWS::SQS::Queue}: {@code Ref} is the queue's URL (on the region's service port), {@code Fn::GetAtt} gives
 * {@code Arn}, {@code QueueName} and {@code QueueUrl}; reading one adds a queue, which the region creates on deploy.
 */
final class QueueKind implements ResourceKind {
    static final String TYPE = "AWS::SQS::Queue";
    private static final int MAX_NAME_LENGTH = 80;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}|[A-Za-z0-9_-]{1,75}\\.fifo");

    static final PropertyRules RULES = new PropertyRules(
            TYPE,
            Set.of(
                    "QueueName",
                    "DelaySeconds",
                    "MaximumMessageSize",
                    "MessageRetentionPeriod",
                    "ReceiveMessageWaitTimeSeconds",
                    "VisibilityTimeout",
                    "RedrivePolicy",
                    "RedriveAllowPolicy",
                    "FifoQueue",
                    "ContentBasedDeduplication",
                    "DeduplicationScope",
                    "FifoThroughputLimit",
                    "Tags"),
            Map.ofEntries(
                    entry("KmsMasterKeyId", "queues are stored on the host's disk; encrypt the disk instead"),
                    entry("KmsDataKeyReusePeriodSeconds", "queues are stored on the host's disk"),
                    entry("SqsManagedSseEnabled", "queues are stored on the host's disk; encrypt the disk instead")),
            Map.of());

    @Override
    public Node ref(ResourceEntry resource, Location usedAt, Resolver resolver) {
        return Scalar.string(url(resource, resolver), usedAt);
    }

    @Override
    public Node attribute(ResourceEntry resource, String attribute, Location usedAt, Resolver resolver) {
        var context = resolver.context();
        return switch (attribute) {
            case "Arn" ->
                Scalar.string(
                        "arn:aws:sqs:" + context.region() + ":" + context.accountId() + ":" + name(resource, resolver),
                        usedAt);
            case "QueueName" -> Scalar.string(name(resource, resolver), usedAt);
            case "QueueUrl" -> Scalar.string(url(resource, resolver), usedAt);
            default -> throw ResourceKind.noSuchAttribute(resource, attribute, usedAt, "Arn, QueueName, QueueUrl");
        };
    }

    @Override
    public void read(ResourceEntry resource, ReadContext context) {
        RULES.check(resource.properties(), context);
        var nameLocation =
                resource.properties().get("QueueName").map(Node::location).orElse(resource.location());
        context.addQueue(QueueReader.read(resource, name(resource, context.resolver()), context), nameLocation);
    }

    /**
     * {@code QueueName}, or CloudFormation's generated {@code stack-LogicalId-SUFFIX} (with {@code .fifo} for a FIFO
     * queue), derived from the stack and logical id so every region and redeploy names the queue the same.
     */
    static String name(ResourceEntry resource, Resolver resolver) {
        var properties = new Properties(resource.properties(), resolver);
        var property = properties.get("QueueName");
        boolean fifo = properties.get("FifoQueue").map(Values::bool).orElse(false);
        if (property.isEmpty()) {
            var stack = resolver.context().stackName();
            return fifo
                    ? StableIds.physicalName(stack, resource.logicalId(), MAX_NAME_LENGTH - 5) + ".fifo"
                    : StableIds.physicalName(stack, resource.logicalId(), MAX_NAME_LENGTH);
        }
        var name = Values.string(property.get());
        if (!NAME.matcher(name).matches()) {
            throw Values.unexpected(property.get(), "1 to 80 letters, digits, '_' or '-', a FIFO queue's ending .fifo");
        }
        if (fifo != name.endsWith(".fifo")) {
            throw Values.unexpected(
                    property.get(),
                    fifo
                            ? "a name ending .fifo, as FifoQueue is true"
                            : "FifoQueue: true for a name " + "ending .fifo");
        }
        return name;
    }

    /** The queue's URL: on the region's service port, or AWS's {@code https://sqs.REGION.amazonaws.com/...}. */
    private static String url(ResourceEntry resource, Resolver resolver) {
        var context = resolver.context();
        var base = context.serviceEndpoint() == null
                ? "https://sqs." + context.region() + ".amazonaws.com"
                : context.serviceEndpoint().toString().replaceAll("/$", "");
        return base + "/" + context.accountId() + "/" + name(resource, resolver);
    }
}
