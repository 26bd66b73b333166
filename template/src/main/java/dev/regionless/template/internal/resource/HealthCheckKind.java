package dev.regionless.template.internal.resource;

import dev.regionless.template.HealthCheckSpec;
import dev.regionless.template.TemplateException;
import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.intrinsic.StableIds;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Values;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code AWS::Route53::HealthCheck}: {@code Ref} and {@code Fn::GetAtt .HealthCheckId} give its id, which records name
 * in their {@code HealthCheckId}; reading one adds a {@link HealthCheckSpec} of the region for the router.
 */
final class HealthCheckKind implements ResourceKind {

    static final String TYPE = "AWS::Route53::HealthCheck";

    private static final int MAX_PATH = 255;
    private static final int MAX_SEARCH_STRING = 255;
    private static final String TYPES =
            Arrays.stream(HealthCheckSpec.Type.values()).map(Enum::name).collect(Collectors.joining(", "));

    @Override
    public Node ref(ResourceEntry resource, Location usedAt, Resolver resolver) {
        return Scalar.string(id(resource, resolver), usedAt);
    }

    @Override
    public Node attribute(ResourceEntry resource, String attribute, Location usedAt, Resolver resolver) {
        if (!attribute.equals("HealthCheckId")) {
            throw ResourceKind.noSuchAttribute(resource, attribute, usedAt, "HealthCheckId");
        }
        return Scalar.string(id(resource, resolver), usedAt);
    }

    @Override
    public void read(ResourceEntry resource, ReadContext context) {
        Route53Properties.HEALTH_CHECK.check(resource.properties(), context);
        var properties = new Properties(resource.properties(), context.resolver());
        var config = Values.mapping(properties.required("HealthCheckConfig", "the check's Type and ResourcePath"));
        Route53Properties.HEALTH_CHECK_CONFIG.check(config, context);
        var settings = new Properties(config, context.resolver());
        var typeNode = settings.required("Type", TYPES);
        var type = type(typeNode);
        if (type == HealthCheckSpec.Type.HTTPS || type == HealthCheckSpec.Type.HTTPS_STR_MATCH) {
            context.warn(typeNode.location(), type + " is checked over HTTP (regions serve plain HTTP)");
        }
        context.routing()
                .addHealthCheck(new HealthCheckSpec(
                        resource.logicalId(),
                        id(resource, context.resolver()),
                        context.resolver().context().region(),
                        type,
                        resourcePath(settings),
                        settings.get("RequestInterval")
                                .map(HealthCheckKind::interval)
                                .orElse(30),
                        settings.integer("FailureThreshold", 1, 10).orElse(3),
                        searchString(settings, type, context),
                        settings.get("Inverted").map(Values::bool).orElse(false),
                        settings.get("Disabled").map(Values::bool).orElse(false)));
    }

    /**
     * A UUID, as Route 53 gives its checks, derived from the region, stack and logical id: each region's copy of the
     * stack has its own check, and every read of the template gives it the same id.
     */
    static String id(ResourceEntry resource, Resolver resolver) {
        var context = resolver.context();
        return StableIds.uuid("route53-health-check/" + context.region() + "/" + context.stackName() + "/"
                        + resource.logicalId())
                .toString();
    }

    private static HealthCheckSpec.Type type(Node node) {
        var text = Values.string(node);
        try {
            return HealthCheckSpec.Type.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw Values.unexpected(node, TYPES + "; Regionless checks a region's HTTP API");
        }
    }

    /** {@code ResourcePath}: Route 53 requests {@code /} when it is not set, and adds a leading slash. */
    private static String resourcePath(Properties settings) {
        var node = settings.get("ResourcePath");
        if (node.isEmpty()) {
            return "/";
        }
        var path = Values.string(node.get());
        if (path.length() > MAX_PATH || path.chars().anyMatch(c -> c <= ' ')) {
            throw Values.unexpected(node.get(), "a path such as /health, at most 255 characters, without spaces");
        }
        return path.startsWith("/") ? path : "/" + path;
    }

    /** {@code RequestInterval}: Route 53 offers 30 seconds (standard) and 10 (fast), nothing else. */
    private static int interval(Node node) {
        int seconds;
        try {
            seconds = Values.integer(node, 0, Integer.MAX_VALUE);
        } catch (TemplateException e) {
            throw Values.unexpected(node, "10 or 30");
        }
        if (seconds != 10 && seconds != 30) {
            throw Values.unexpected(node, "10 or 30");
        }
        return seconds;
    }

    /** {@code SearchString}: required by the string-matching types, not used by the others. */
    private static String searchString(Properties settings, HealthCheckSpec.Type type, ReadContext context) {
        var node = settings.get("SearchString");
        if (!type.matchesString()) {
            node.ifPresent(value -> context.warn(
                    value.location(),
                    "is ignored (only HTTP_STR_MATCH and HTTPS_STR_MATCH checks look for a string; this is " + type
                            + ")"));
            return null;
        }
        var value = node.orElseThrow(() -> settings.missing(
                "SearchString", "the text to find in the first 5,120 bytes of the body, 1 to 255 characters"));
        var text = Values.string(value);
        if (text.isEmpty() || text.length() > MAX_SEARCH_STRING) {
            throw Values.unexpected(value, "1 to 255 characters");
        }
        return text;
    }
}
