package dev.regionless.template.internal.resource;

import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.intrinsic.StableIds;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Values;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code AWS::Route53::RecordSet} ({@code Ref}: its name) and {@code AWS::Route53::RecordSetGroup} ({@code Ref}: a
 * generated name): reading one adds its records to the application, for the router.
 */
final class RecordSetKind implements ResourceKind {

    static final String RECORD_SET_TYPE = "AWS::Route53::RecordSet";
    static final String RECORD_SET_GROUP_TYPE = "AWS::Route53::RecordSetGroup";

    static final RecordSetKind RECORD_SET = new RecordSetKind(false);
    static final RecordSetKind RECORD_SET_GROUP = new RecordSetKind(true);

    private final boolean group;

    private RecordSetKind(boolean group) {
        this.group = group;
    }

    @Override
    public Node ref(ResourceEntry resource, Location usedAt, Resolver resolver) {
        if (group) {
            return Scalar.string(StableIds.physicalName(resolver.context().stackName(), resource.logicalId()), usedAt);
        }
        var name = new Properties(resource.properties(), resolver).requiredString("Name", "the record's name");
        var lower = name.toLowerCase(Locale.ROOT);
        return Scalar.string(lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower, usedAt);
    }

    @Override
    public Node attribute(ResourceEntry resource, String attribute, Location usedAt, Resolver resolver) {
        throw ResourceKind.noSuchAttribute(resource, attribute, usedAt, "none; use Ref");
    }

    @Override
    public void read(ResourceEntry resource, ReadContext context) {
        if (!group) {
            var record = RecordSetReader.read(resource.properties(), Optional.empty(), resource.logicalId(), context);
            context.routing().addRecord(record);
            return;
        }
        Route53Properties.RECORD_SET_GROUP.check(resource.properties(), context);
        var properties = new Properties(resource.properties(), context.resolver());
        var zone = RecordSetReader.zone(properties);
        var records = Values.sequence(properties.required("RecordSets", "a list of records"));
        if (records.items().isEmpty()) {
            throw Values.unexpected(records, "at least one record");
        }
        for (var item : records.items()) {
            var record = RecordSetReader.read(Values.mapping(item), zone, resource.logicalId(), context);
            context.routing().addRecord(record);
        }
    }
}
