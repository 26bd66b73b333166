package dev.regionless.template.internal.resource;

import dev.regionless.template.TableSpec;
import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.intrinsic.StableIds;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Values;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code AWS::DynamoDB::Table}, SAM's {@code AWS::Serverless::SimpleTable} and {@code AWS::DynamoDB::GlobalTable}:
 * {@code Ref} is the table name, {@code Fn::GetAtt .Arn} its ARN in the region; reading one adds a table, which the
 * region creates on deploy (a global table only in the regions of its replicas).
 */
final class TableKind implements ResourceKind {

    static final String TABLE_TYPE = "AWS::DynamoDB::Table";
    static final String SIMPLE_TABLE_TYPE = "AWS::Serverless::SimpleTable";
    static final String GLOBAL_TABLE_TYPE = "AWS::DynamoDB::GlobalTable";

    static final TableKind TABLE = new TableKind(
            TableProperties.TABLE, (resource, name, context) -> Optional.of(TableReader.read(resource, name, context)));
    static final TableKind SIMPLE_TABLE = new TableKind(
            SamProperties.SIMPLE_TABLE,
            (resource, name, context) -> Optional.of(SimpleTableReader.read(resource, name, context)),
            Optional.of("SimpleTable"));
    static final TableKind GLOBAL_TABLE = new TableKind(GlobalTableProperties.GLOBAL_TABLE, GlobalTableReader::read);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final int MAX_NAME_LENGTH = 255;

    /** Reads the honoured properties of one table type. */
    @FunctionalInterface
    interface Reader {
        /** The table, or empty when it has no replica in the region. */
        Optional<TableSpec> read(ResourceEntry resource, String tableName, ReadContext context);
    }

    private final PropertyRules rules;
    private final Reader reader;
    private final Optional<String> globalsSection;

    private TableKind(PropertyRules rules, Reader reader) {
        this(rules, reader, Optional.empty());
    }

    private TableKind(PropertyRules rules, Reader reader, Optional<String> globalsSection) {
        this.rules = rules;
        this.reader = reader;
        this.globalsSection = globalsSection;
    }

    @Override
    public Node ref(ResourceEntry resource, Location usedAt, Resolver resolver) {
        return Scalar.string(name(resource, resolver), usedAt);
    }

    @Override
    public Node attribute(ResourceEntry resource, String attribute, Location usedAt, Resolver resolver) {
        if (attribute.equals("StreamArn")) {
            // The stream's label is the time the stream was enabled in each region, known only after deploy. A
            // DynamoDB event reads its Stream before evaluating it, and names the table instead.
            throw usedAt.error("Fn::GetAtt: " + resource.logicalId() + ".StreamArn is only supported as the Stream "
                    + "of a function's DynamoDB event: the stream's ARN is only known once the table exists in a "
                    + "region (expected: Arn, or Ref for the table name)");
        }
        if (!attribute.equals("Arn")) {
            throw ResourceKind.noSuchAttribute(resource, attribute, usedAt, "Arn, StreamArn");
        }
        var context = resolver.context();
        var arn = "arn:aws:dynamodb:" + context.region() + ":" + context.accountId() + ":table/"
                + name(resource, resolver);
        return Scalar.string(arn, usedAt);
    }

    @Override
    public void read(ResourceEntry resource, ReadContext context) {
        rules.check(resource.properties(), context);
        var table = reader.read(resource, name(resource, context.resolver()), context);
        var nameLocation =
                resource.properties().get("TableName").map(Node::location).orElse(resource.location());
        table.ifPresent(spec -> context.addTable(spec, nameLocation));
    }

    /** Whether {@code type} is one of the table types. */
    static boolean isTable(String type) {
        return type.equals(TABLE_TYPE) || type.equals(SIMPLE_TABLE_TYPE) || type.equals(GLOBAL_TABLE_TYPE);
    }

    @Override
    public Optional<String> globalsSection() {
        return globalsSection;
    }

    /**
     * {@code TableName}, or CloudFormation's generated {@code stack-LogicalId-SUFFIX}: its suffix is derived from the
     * stack name and logical id rather than drawn at random, so every region, and every redeploy, names the table
     * the same.
     */
    static String name(ResourceEntry resource, Resolver resolver) {
        var property = new Properties(resource.properties(), resolver).get("TableName");
        if (property.isEmpty()) {
            return StableIds.physicalName(resolver.context().stackName(), resource.logicalId(), MAX_NAME_LENGTH);
        }
        var name = Values.string(property.get());
        if (!NAME.matcher(name).matches()) {
            throw Values.unexpected(property.get(), "3 to 255 letters, digits, '_', '-' or '.'");
        }
        return name;
    }
}
