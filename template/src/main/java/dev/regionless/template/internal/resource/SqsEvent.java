package dev.regionless.template.internal.resource;

import dev.regionless.template.FunctionSpec;
import dev.regionless.template.QueueEventSpec;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Values;
import java.util.regex.Pattern;

/**
 * An {@code SQS} event: Lambda polls the queue and invokes the function with batches of messages. {@code Queue} is the
 * queue's ARN, usually {@code !GetAtt Queue.Arn}. Lambda's rules between the settings are checked here, where they
 * are written: a batch over 10 needs a batching window, and a FIFO queue takes batches of at most 10 and no window.
 * Whether the queue exists is the region's check, at deploy.
 */
final class SqsEvent implements EventSource {
    private static final Pattern QUEUE_ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:sqs:([a-z0-9-]+):[0-9]{12}:([A-Za-z0-9_-]{1,80}|[A-Za-z0-9_-]{1,75}\\.fifo)");
    private static final String QUEUE = "!GetAtt Queue.Arn, or a queue ARN such as arn:aws:sqs:REGION:ACCOUNT:NAME";

    @Override
    public void read(Event event, FunctionSpec function, ReadContext context) {
        SamProperties.SQS_EVENT.check(event.properties(), context);
        var properties = new Properties(event.properties(), context.resolver());
        var queueNode = properties.required("Queue", QUEUE);
        var queueArn = Values.string(queueNode);
        var matcher = QUEUE_ARN.matcher(queueArn);
        if (!matcher.matches()) {
            throw Values.unexpected(queueNode, QUEUE);
        }
        var region = context.resolver().context().region();
        if (!matcher.group(1).equals(region)) {
            throw queueNode
                    .location()
                    .error("is a queue in " + matcher.group(1) + " (expected: a queue in " + region
                            + ", where the function runs, such as !GetAtt Queue.Arn)");
        }
        var queueName = matcher.group(2);
        boolean fifo = queueName.endsWith(".fifo");
        var batchSizeNode = properties.get("BatchSize");
        int batchSize =
                batchSizeNode.map(node -> Values.integer(node, 1, 10_000)).orElse(10);
        var windowNode = properties.get("MaximumBatchingWindowInSeconds");
        int window = windowNode.map(node -> Values.integer(node, 0, 300)).orElse(0);
        if (fifo && batchSize > 10) {
            throw Values.unexpected(batchSizeNode.orElseThrow(), "1..10 for a FIFO queue");
        }
        if (fifo && window > 0) {
            throw Values.unexpected(windowNode.orElseThrow(), "0; batching windows are not supported for FIFO queues");
        }
        if (batchSize > 10 && window == 0) {
            throw batchSizeNode
                    .orElseThrow()
                    .location()
                    .error(batchSize + " needs MaximumBatchingWindowInSeconds of at least 1 (expected: BatchSize of"
                            + " at most 10, or a batching window: Lambda requires one for batches over 10)");
        }
        int maximumConcurrency = properties
                .mapping("ScalingConfig")
                .map(config -> maximumConcurrency(new Properties(config, context.resolver())))
                .orElse(0);
        var reports = properties
                .get("FunctionResponseTypes")
                .map(SqsEvent::reportsBatchItemFailures)
                .orElse(false);
        var enabled = properties.get("Enabled").map(Values::bool).orElse(true);
        var filters = properties
                .mapping("FilterCriteria")
                .map(criteria -> filterPatterns(new Properties(criteria, context.resolver())))
                .orElse(java.util.List.of());
        context.addQueueEvent(new QueueEventSpec(
                function.logicalId(),
                function.functionName(),
                event.name(),
                queueArn,
                queueName,
                batchSize,
                window,
                maximumConcurrency,
                reports,
                enabled,
                filters));
    }

    /** {@code Filters: [{Pattern: '<JSON>'}]}; each pattern must be JSON here, and is checked fully at deploy. */
    private static java.util.List<String> filterPatterns(Properties criteria) {
        criteria.raw().entries().forEach((key, value) -> {
            if (!key.equals("Filters")) {
                throw value.location().error("is not a property of FilterCriteria (expected: Filters)");
            }
        });
        var patterns = new java.util.ArrayList<String>();
        var filters = criteria.get("Filters").map(Values::sequence);
        for (var filter : filters.map(sequence -> sequence.items()).orElse(java.util.List.of())) {
            var filterProperties = new Properties(Values.mapping(filter), criteria.resolver());
            var pattern = filterProperties.required(
                    "Pattern", "a JSON filter pattern such as '{\"body\": {\"kind\": [\"order\"]}}'");
            var text = Values.string(pattern);
            try {
                var node = dev.regionless.common.Json.mapper().readTree(text);
                if (node == null || !node.isObject()) {
                    throw Values.unexpected(pattern, "a JSON object, a filter pattern");
                }
            } catch (java.io.IOException e) {
                throw Values.unexpected(pattern, "a JSON object, a filter pattern");
            }
            patterns.add(text);
        }
        if (patterns.size() > 5) {
            throw criteria.raw().location().child("Filters").error(patterns.size() + " filters (expected: at most 5)");
        }
        return patterns;
    }

    private static int maximumConcurrency(Properties config) {
        config.raw().entries().forEach((key, value) -> {
            if (!key.equals("MaximumConcurrency")) {
                throw value.location().error("is not a property of ScalingConfig (expected: MaximumConcurrency)");
            }
        });
        return config.integer("MaximumConcurrency", 2, 1000).orElse(0);
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
}
