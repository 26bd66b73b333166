package dev.regionless.template.internal.resource;

import dev.regionless.template.AliasTargetSpec;
import dev.regionless.template.RoutingPolicy;
import dev.regionless.template.RoutingRecord;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the properties of one record, of an {@code AWS::Route53::RecordSet} or an entry of a
 * {@code AWS::Route53::RecordSetGroup}, with Route 53's rules: one zone, one routing policy with its
 * {@code SetIdentifier}, and either an alias target or resource records with a TTL.
 */
final class RecordSetReader {

    private static final Pattern DOMAIN =
            Pattern.compile("(\\*\\.)?([A-Za-z0-9_-]{1,63}\\.)*[A-Za-z0-9_-]{1,63}\\.?", Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final List<String> POLICY_PROPERTIES = List.of("Region", "Failover", "Weight");
    private static final String DOMAIN_EXPECTED = "a domain name such as api.example.com, labels of 1 to 63 characters";

    /** A hosted zone, by id or by name. */
    record Zone(String id, String name) {}

    /**
     * A record read, with where it is (conflicts with other records are reported there) and its
     * {@code HealthCheckId} as written, checked once every health check of the template is known.
     */
    record ReadRecord(RoutingRecord record, Location location, Optional<Node> healthCheckId) {}

    private RecordSetReader() {}

    /**
     * @param record the record's properties, not yet evaluated
     * @param groupZone the zone of the group it belongs to, for a record that names none itself
     */
    static ReadRecord read(Mapping record, Optional<Zone> groupZone, String logicalId, ReadContext context) {
        Route53Properties.RECORD.check(record, context);
        var properties = new Properties(record, context.resolver());
        var zone = zone(properties)
                .or(() -> groupZone)
                .orElseThrow(
                        () -> properties.missing("HostedZoneId", "the hosted zone's HostedZoneId or HostedZoneName"));
        var name = name(properties, zone);
        var type = type(properties.required("Type", "A, AAAA or CNAME"));
        var policy = policy(properties);
        var setIdentifier = setIdentifier(properties, policy, name + " " + type);
        var healthCheckId = properties.get("HealthCheckId");
        if (healthCheckId.isPresent() && policy instanceof RoutingPolicy.Simple) {
            throw healthCheckId
                    .get()
                    .location()
                    .error("is only used by records with Region, Failover or Weight (expected: no HealthCheckId on a"
                            + " simple record)");
        }
        var alias = properties.mapping("AliasTarget").map(target -> aliasTarget(target, context));
        var answer = alias.isPresent() ? new Answer(List.of(), null) : answer(properties, type);
        alias.ifPresent(target -> refuseWithAlias(properties));
        var routing = new RoutingRecord(
                logicalId,
                context.resolver().context().region(),
                zone.id(),
                zone.name(),
                name,
                type,
                policy,
                setIdentifier,
                healthCheckId.map(Values::string).orElse(null),
                alias.orElse(null),
                answer.records(),
                answer.ttlSeconds());
        return new ReadRecord(routing, record.location(), healthCheckId);
    }

    /** A record's own answer, when it is not an alias. */
    private record Answer(List<String> records, Integer ttlSeconds) {}

    /** An alias takes its target's answer and TTL: it may have neither values nor a TTL of its own. */
    private static void refuseWithAlias(Properties properties) {
        properties.get("ResourceRecords").ifPresent(node -> {
            throw node.location()
                    .error("is not allowed with AliasTarget (expected: an AliasTarget, or ResourceRecords and TTL)");
        });
        properties.get("TTL").ifPresent(node -> {
            throw node.location()
                    .error("is not allowed with AliasTarget (expected: no TTL; an alias takes its" + " target's)");
        });
    }

    /** {@code ResourceRecords} and {@code TTL} of a record that is not an alias; both are required then. */
    private static Answer answer(Properties properties, RoutingRecord.RecordType type) {
        var records = properties
                .get("ResourceRecords")
                .orElseThrow(() -> properties.missing("AliasTarget", "an AliasTarget, or ResourceRecords and TTL"));
        var ttl = properties
                .get("TTL")
                .orElseThrow(
                        () -> properties.missing("TTL", "how many seconds resolvers may keep the answer, such as 60"));
        return new Answer(resourceRecords(records, type), Values.integer(ttl, 0, Integer.MAX_VALUE));
    }

    /** {@code HostedZoneId} or {@code HostedZoneName}, which Route 53 takes one of, never both. */
    static Optional<Zone> zone(Properties properties) {
        var id = properties.string("HostedZoneId");
        var name = properties.get("HostedZoneName");
        if (id.isPresent() && name.isPresent()) {
            throw name.get()
                    .location()
                    .error("is not allowed with HostedZoneId (expected: one of HostedZoneId or HostedZoneName)");
        }
        if (id.isPresent()) {
            if (id.get().isBlank()) {
                throw Values.unexpected(properties.required("HostedZoneId", ""), "a hosted zone id");
            }
            return Optional.of(new Zone(id.get(), null));
        }
        return name.map(node -> new Zone(null, domain(node)));
    }

    private static String name(Properties properties, Zone zone) {
        var node = properties.required("Name", DOMAIN_EXPECTED);
        var name = domain(node);
        if (zone.name() != null && !name.equals(zone.name()) && !name.endsWith("." + zone.name())) {
            throw Values.unexpected(node, "a name in the hosted zone " + zone.name());
        }
        return name;
    }

    /** A domain name in lower case without its final dot, as names are compared in DNS. */
    private static String domain(Node node) {
        var text = Values.string(node);
        if (!DOMAIN.matcher(text).matches() || text.length() > 254) {
            throw Values.unexpected(node, DOMAIN_EXPECTED);
        }
        var name = text.toLowerCase(Locale.ROOT);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static RoutingRecord.RecordType type(Node node) {
        var text = Values.string(node);
        try {
            return RoutingRecord.RecordType.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw Values.unexpected(node, "A, AAAA or CNAME; the router answers with a region's address");
        }
    }

    /** The one routing policy that {@code Region}, {@code Failover} or {@code Weight} sets, or simple routing. */
    private static RoutingPolicy policy(Properties properties) {
        RoutingPolicy policy = new RoutingPolicy.Simple();
        String first = null;
        for (var property : POLICY_PROPERTIES) {
            var node = properties.get(property);
            if (node.isEmpty()) {
                continue;
            }
            if (first != null) {
                throw node.get()
                        .location()
                        .error("is not allowed with " + first + " (expected: one routing policy per record: Region,"
                                + " Failover or Weight)");
            }
            first = property;
            policy = switch (property) {
                case "Region" -> new RoutingPolicy.Latency(region(node.get()));
                case "Failover" -> new RoutingPolicy.Failover(role(node.get()));
                default -> new RoutingPolicy.Weighted(Values.integer(node.get(), 0, 255));
            };
        }
        return policy;
    }

    private static String region(Node node) {
        var region = Values.string(node);
        if (!REGION.matcher(region).matches()) {
            throw Values.unexpected(node, "a region name such as eu-west-2");
        }
        return region;
    }

    private static RoutingPolicy.Failover.Role role(Node node) {
        var text = Values.string(node);
        try {
            return RoutingPolicy.Failover.Role.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw Values.unexpected(node, "PRIMARY or SECONDARY");
        }
    }

    /** Required with a routing policy, refused on a simple record, as Route 53 does. */
    private static String setIdentifier(Properties properties, RoutingPolicy policy, String what) {
        var node = properties.get("SetIdentifier");
        if (policy instanceof RoutingPolicy.Simple) {
            node.ifPresent(value -> {
                throw value.location()
                        .error("is only for records with Region, Failover or Weight (expected: no SetIdentifier on a"
                                + " simple record)");
            });
            return null;
        }
        var value = node.orElseThrow(() -> properties.missing(
                "SetIdentifier", "a name for this record among the " + policy.kind() + " records of " + what));
        var text = Values.string(value);
        if (text.isEmpty() || text.length() > 128) {
            throw Values.unexpected(value, "1 to 128 characters");
        }
        return text;
    }

    private static AliasTargetSpec aliasTarget(Mapping target, ReadContext context) {
        Route53Properties.ALIAS_TARGET.check(target, context);
        var properties = new Properties(target, context.resolver());
        return new AliasTargetSpec(
                properties.requiredString("DNSName", "the DNS name of the alias's target"),
                properties.requiredString("HostedZoneId", "the hosted zone id of the alias's target"),
                properties.get("EvaluateTargetHealth").map(Values::bool).orElse(false));
    }

    /** {@code ResourceRecords}: addresses of the record's type, or the one name of a CNAME. */
    private static List<String> resourceRecords(Node node, RoutingRecord.RecordType type) {
        var list = Values.sequence(node);
        if (list.items().isEmpty()) {
            throw Values.unexpected(node, "at least one value");
        }
        if (type == RoutingRecord.RecordType.CNAME && list.items().size() > 1) {
            throw Values.unexpected(node, "one domain name for a CNAME record");
        }
        var values = new ArrayList<String>();
        for (var item : list.items()) {
            var value = Values.string(item);
            boolean valid = switch (type) {
                case A -> IPV4.matcher(value).matches();
                case AAAA -> IPV6.matcher(value).matches();
                case CNAME -> DOMAIN.matcher(value).matches();
            };
            if (!valid) {
                throw Values.unexpected(
                        item,
                        switch (type) {
                            case A -> "an IPv4 address such as 192.0.2.44";
                            case AAAA -> "an IPv6 address such as 2001:db8::44";
                            case CNAME -> DOMAIN_EXPECTED;
                        });
            }
            values.add(value);
        }
        return values;
    }
}
