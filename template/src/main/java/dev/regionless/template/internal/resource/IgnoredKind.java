package dev.regionless.template.internal.resource;

import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.intrinsic.StableIds;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Values;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A resource type that only matters on AWS, such as an IAM role: it is never created, its properties are not
 * evaluated, and it is reported once as a warning. {@code Ref} and {@code Fn::GetAtt} still give AWS-shaped values,
 * so that other resources may mention it.
 *
 * @param reason why ignoring it is harmless
 * @param nameProperty the property that names it, if any; otherwise a CloudFormation-style generated name is used
 * @param ref its {@code Ref} value
 * @param attributes its {@code Fn::GetAtt} values, by attribute
 */
record IgnoredKind(
        String reason,
        Optional<String> nameProperty,
        Function<Names, String> ref,
        Map<String, Function<Names, String>> attributes)
        implements ResourceKind {

    /** What the values are made of. */
    record Names(String name, String region, String account) {}

    private static final String IAM = "Regionless does not enforce IAM";
    private static final String LAYERS = "layer contents are not loaded; package dependencies with the function's code";

    static final IgnoredKind IAM_ROLE = new IgnoredKind(
            IAM,
            Optional.of("RoleName"),
            Names::name,
            Map.of(
                    "Arn", n -> "arn:aws:iam::" + n.account() + ":role/" + n.name(),
                    "RoleId",
                            n -> "AROA" + StableIds.apiId(n.account(), n.name()).toUpperCase(Locale.ROOT)));
    static final IgnoredKind IAM_POLICY = new IgnoredKind(IAM, Optional.empty(), Names::name, Map.of());
    static final IgnoredKind IAM_MANAGED_POLICY = new IgnoredKind(
            IAM, Optional.of("ManagedPolicyName"), IgnoredKind::policyArn, Map.of("PolicyArn", IgnoredKind::policyArn));
    static final IgnoredKind LAMBDA_PERMISSION = new IgnoredKind(IAM, Optional.empty(), Names::name, Map.of());
    static final IgnoredKind LOG_GROUP = new IgnoredKind(
            "Regionless keeps its own logs",
            Optional.of("LogGroupName"),
            Names::name,
            Map.of("Arn", n -> "arn:aws:logs:" + n.region() + ":" + n.account() + ":log-group:" + n.name() + ":*"));
    static final IgnoredKind ALARM = new IgnoredKind(
            "Regionless does not evaluate CloudWatch alarms",
            Optional.of("AlarmName"),
            Names::name,
            Map.of("Arn", n -> "arn:aws:cloudwatch:" + n.region() + ":" + n.account() + ":alarm:" + n.name()));
    static final IgnoredKind SERVERLESS_LAYER =
            new IgnoredKind(LAYERS, Optional.of("LayerName"), IgnoredKind::layerArn, Map.of());
    static final IgnoredKind LAMBDA_LAYER =
            new IgnoredKind(LAYERS, Optional.of("LayerName"), IgnoredKind::layerArn, Map.of());

    @Override
    public Node ref(ResourceEntry resource, Location usedAt, Resolver resolver) {
        return Scalar.string(ref.apply(names(resource, resolver)), usedAt);
    }

    @Override
    public Node attribute(ResourceEntry resource, String attribute, Location usedAt, Resolver resolver) {
        var value = attributes.get(attribute);
        if (value == null) {
            throw ResourceKind.noSuchAttribute(
                    resource,
                    attribute,
                    usedAt,
                    attributes.isEmpty() ? "none; use Ref" : String.join(", ", new TreeSet<>(attributes.keySet())));
        }
        return Scalar.string(value.apply(names(resource, resolver)), usedAt);
    }

    @Override
    public void read(ResourceEntry resource, ReadContext context) {
        context.warn(resource.typeLocation(), resource.type() + " is ignored (" + reason + ")");
    }

    private Names names(ResourceEntry resource, Resolver resolver) {
        var context = resolver.context();
        var name = nameProperty
                .flatMap(property -> resource.properties().get(property))
                .flatMap(resolver::resolve)
                .map(Values::string)
                .orElseGet(() -> StableIds.physicalName(context.stackName(), resource.logicalId()));
        return new Names(name, context.region(), context.accountId());
    }

    private static String policyArn(Names names) {
        return "arn:aws:iam::" + names.account() + ":policy/" + names.name();
    }

    private static String layerArn(Names names) {
        return "arn:aws:lambda:" + names.region() + ":" + names.account() + ":layer:" + names.name() + ":1";
    }
}
