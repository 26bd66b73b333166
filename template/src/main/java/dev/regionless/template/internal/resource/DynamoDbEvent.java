package dev.regionless.template.internal.resource;

import dev.regionless.template.FunctionSpec;
import dev.regionless.template.StreamEventSpec;
import dev.regionless.template.internal.node.Intrinsic;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Sequence;
import dev.regionless.template.internal.node.Values;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code DynamoDB} event: the function is invoked with batches of a table's stream records. {@code Stream} is read
 * before it is evaluated: {@code !GetAtt Table.StreamArn} cannot be evaluated here (the stream's label is only known
 * once the table exists in a region), so it becomes a reference to the table. A literal stream ARN is accepted too.
 */
final class DynamoDbEvent implements EventSource {

    private static final Pattern STREAM_ARN =
            Pattern.compile("arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):[0-9]{12}:table/([A-Za-z0-9_.-]{3,255})/stream/.+");
    private static final String STREAM =
            "!GetAtt Table.StreamArn, or a stream ARN such as arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL";

    /** The table whose stream the event reads; {@code logicalId} is null for a table the template does not declare. */
    private record TableReference(String logicalId, String name) {}

    @Override
    public void read(Event event, FunctionSpec function, ReadContext context) {
        SamProperties.DYNAMODB_EVENT.check(event.properties(), context);
        var properties = new Properties(event.properties(), context.resolver());
        var stream = event.properties().get("Stream").orElseThrow(() -> properties.missing("Stream", STREAM));
        var table = table(stream, context);
        var startingPosition = startingPosition(properties);
        var batchSize = properties.integer("BatchSize", 1, 10_000).orElse(100);
        var batchingWindow =
                properties.integer("MaximumBatchingWindowInSeconds", 0, 300).orElse(0);
        var parallelization = properties.integer("ParallelizationFactor", 1, 10).orElse(1);
        var errors = StreamErrorSettings.read(properties, context);
        var enabled = properties.get("Enabled").map(Values::bool).orElse(true);
        table.ifPresent(reference -> context.addStreamEvent(new StreamEventSpec(
                function.logicalId(),
                function.functionName(),
                event.name(),
                reference.logicalId(),
                reference.name(),
                startingPosition,
                batchSize,
                batchingWindow,
                parallelization,
                errors,
                enabled)));
    }

    /** The table whose stream {@code stream} names; empty when it is a global table with no replica here. */
    private static Optional<TableReference> table(Node stream, ReadContext context) {
        var getAtt = streamArnOf(stream);
        if (getAtt.isPresent()) {
            var entry = context.directory().entry(getAtt.get());
            if (entry.isPresent() && TableKind.isTable(entry.get().type())) {
                return declaredTable(entry.get(), stream.location(), context);
            }
        }
        var arn = context.resolver().required(stream);
        return Optional.of(tableOfArn(arn, context));
    }

    /** The logical id in {@code !GetAtt LogicalId.StreamArn} or {@code !GetAtt [LogicalId, StreamArn]}. */
    private static Optional<String> streamArnOf(Node stream) {
        if (!(stream instanceof Intrinsic call && call.function().equals("Fn::GetAtt"))) {
            return Optional.empty();
        }
        return switch (call.argument()) {
            case Scalar text
            when text.text().endsWith(".StreamArn") ->
                Optional.of(text.text().substring(0, text.text().length() - ".StreamArn".length()));
            case Sequence list
            when list.items().size() == 2
                    && list.items().get(0) instanceof Scalar id
                    && list.items().get(1) instanceof Scalar attribute
                    && attribute.text().equals("StreamArn") -> Optional.of(id.text());
            default -> Optional.empty();
        };
    }

    private static Optional<TableReference> declaredTable(ResourceEntry table, Location usedAt, ReadContext context) {
        var resolver = context.resolver();
        context.directory().existing(table.logicalId(), usedAt, resolver);
        if (new Properties(table.properties(), resolver)
                .get("StreamSpecification")
                .isEmpty()) {
            throw usedAt.error("Fn::GetAtt: " + table.logicalId() + " has no stream (expected: a table with a "
                    + "StreamSpecification)");
        }
        var name = TableKind.name(table, resolver);
        if (table.type().equals(TableKind.GLOBAL_TABLE_TYPE)) {
            var region = resolver.context().region();
            if (!GlobalTableReplica.regions(table, resolver).contains(region)) {
                context.warn(
                        usedAt,
                        table.logicalId() + " has no replica in " + region + ", so this event is left out " + "there");
                return Optional.empty();
            }
        }
        return Optional.of(new TableReference(table.logicalId(), name));
    }

    private static TableReference tableOfArn(Node arn, ReadContext context) {
        var matcher = STREAM_ARN.matcher(Values.string(arn));
        if (!matcher.matches()) {
            throw Values.unexpected(arn, STREAM);
        }
        var region = context.resolver().context().region();
        if (!matcher.group(1).equals(region)) {
            throw arn.location()
                    .error("is a stream in " + matcher.group(1) + " (expected: a stream in " + region
                            + ", where the function runs, such as !GetAtt Table.StreamArn)");
        }
        var name = matcher.group(2);
        var declared = context.directory().tableNamed(name, context.resolver());
        return new TableReference(declared.orElse(null), name);
    }

    private static StreamEventSpec.StartingPosition startingPosition(Properties properties) {
        var node = properties.required("StartingPosition", "TRIM_HORIZON or LATEST");
        var position = Values.string(node);
        if (position.equals("AT_TIMESTAMP")) {
            throw node.location()
                    .error("AT_TIMESTAMP is not supported for DynamoDB streams (expected: TRIM_HORIZON or LATEST)");
        }
        if (!position.equals("TRIM_HORIZON") && !position.equals("LATEST")) {
            throw Values.unexpected(node, "TRIM_HORIZON or LATEST");
        }
        return StreamEventSpec.StartingPosition.valueOf(position);
    }
}
