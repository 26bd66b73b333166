package dev.regionless.cli;

import dev.regionless.template.HealthCheckSpec;
import dev.regionless.template.RoutingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The routing section of a deploy configuration ({@code --routing FILE}), for apps whose template declares no
 * Route 53 records. Each key means what the Route 53 property of the same name means:
 *
 * <pre>
 * routing:
 *   domain: shop.regionless.test          # the edges answer api.&lt;domain&gt; and ws.&lt;domain&gt;
 *   regions:                              # the regions the edges may choose; none: every region, by latency
 *     eu-west-2: {failover: PRIMARY, healthCheck: api}
 *     us-west-2: {failover: SECONDARY}    # or weight: 0..255; neither: latency
 *   healthChecks:
 *     api: {type: HTTP_STR_MATCH, resourcePath: /Prod/health, searchString: Ok}
 * </pre>
 */
record RoutingFile(Optional<String> domain, List<RouteRecord> records) {
    private static final Set<String> TOP = Set.of("routing");
    private static final Set<String> ROUTING = Set.of("domain", "regions", "healthChecks");
    private static final Set<String> REGION = Set.of("failover", "weight", "healthCheck", "evaluateTargetHealth");
    private static final Set<String> CHECK = Set.of(
            "type", "resourcePath", "searchString", "failureThreshold", "requestInterval", "inverted", "disabled");

    /** No routing file: the template's records, or latency routing among every region. */
    static RoutingFile none() {
        return new RoutingFile(Optional.empty(), List.of());
    }

    /**
     * Reads a routing file.
     *
     * @param defaultZone the zone when the file names none
     * @throws CliException naming the key that is wrong, its value and what was expected
     */
    static RoutingFile read(Path file, String defaultZone) {
        Object root;
        try (var reader = Files.newBufferedReader(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException | YAMLException e) {
            throw new CliException("--routing: " + file + " cannot be read ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        var top = mapping(root, file.getFileName().toString(), TOP);
        var routing = mapping(top.get("routing"), "routing", ROUTING);
        var domain = Optional.ofNullable(routing.get("domain")).map(value -> text(value, "routing.domain"));
        var zone = domain.orElse(defaultZone);
        var checks = mapping(routing.getOrDefault("healthChecks", Map.of()), "routing.healthChecks", null);
        // Every check is read, used or not, so that a mistake in one is reported at once.
        checks.forEach((name, value) -> check(name, "any", value));
        var regions = mapping(routing.getOrDefault("regions", Map.of()), "routing.regions", null);
        var records = new ArrayList<RouteRecord>();
        regions.forEach((region, value) -> records.add(record(region, value, zone, checks, file)));
        return new RoutingFile(domain, records);
    }

    private static RouteRecord record(String region, Object value, String zone, Map<String, Object> checks, Path file) {
        var path = "routing.regions." + region;
        var entry = mapping(value == null ? Map.of() : value, path, REGION);
        if (entry.containsKey("failover") && entry.containsKey("weight")) {
            throw new CliException(path + ".weight: is not allowed with failover (expected: one routing policy per"
                    + " region: failover, weight, or neither for latency)");
        }
        RoutingPolicy policy = new RoutingPolicy.Latency(region);
        if (entry.containsKey("failover")) {
            var role = text(entry.get("failover"), path + ".failover");
            if (!role.equals("PRIMARY") && !role.equals("SECONDARY")) {
                throw new CliException(path + ".failover: " + role + " (expected: PRIMARY or SECONDARY)");
            }
            policy = new RoutingPolicy.Failover(RoutingPolicy.Failover.Role.valueOf(role));
        } else if (entry.containsKey("weight")) {
            policy = new RoutingPolicy.Weighted(integer(entry.get("weight"), path + ".weight", 0, 255));
        }
        HealthCheckSpec check = null;
        if (entry.containsKey("healthCheck")) {
            var name = text(entry.get("healthCheck"), path + ".healthCheck");
            if (!checks.containsKey(name)) {
                throw new CliException(path + ".healthCheck: " + name + " (expected one of routing.healthChecks "
                        + checks.keySet() + ")");
            }
            check = check(name, region, checks.get(name));
        }
        boolean evaluate = Optional.ofNullable(entry.get("evaluateTargetHealth"))
                .map(v -> bool(v, path + ".evaluateTargetHealth"))
                .orElse(false);
        return new RouteRecord(
                path + " in " + file.getFileName(), "api." + zone, zone, region, policy, check, evaluate);
    }

    private static HealthCheckSpec check(String name, String region, Object value) {
        var path = "routing.healthChecks." + name;
        var entry = mapping(value, path, CHECK);
        var typeText = Optional.ofNullable(entry.get("type"))
                .map(v -> text(v, path + ".type"))
                .orElse("HTTP");
        HealthCheckSpec.Type type;
        try {
            type = HealthCheckSpec.Type.valueOf(typeText);
        } catch (IllegalArgumentException e) {
            throw new CliException(
                    path + ".type: " + typeText + " (expected: HTTP, HTTPS, HTTP_STR_MATCH or HTTPS_STR_MATCH)");
        }
        var search = Optional.ofNullable(entry.get("searchString")).map(v -> text(v, path + ".searchString"));
        if (type.matchesString() != search.isPresent()
                || search.map(String::length).orElse(0) > 255) {
            throw new CliException(path + ".searchString: " + search.orElse("missing")
                    + " (expected: 1 to 255 characters for HTTP_STR_MATCH and HTTPS_STR_MATCH checks, none otherwise)");
        }
        var resourcePath = Optional.ofNullable(entry.get("resourcePath"))
                .map(v -> text(v, path + ".resourcePath"))
                .map(p -> p.startsWith("/") ? p : "/" + p)
                .orElse("/");
        int interval = Optional.ofNullable(entry.get("requestInterval"))
                .map(v -> integer(v, path + ".requestInterval", 10, 30))
                .orElse(30);
        if (interval != 10 && interval != 30) {
            throw new CliException(path + ".requestInterval: " + interval + " (expected: 10 or 30)");
        }
        return new HealthCheckSpec(
                name,
                name,
                region,
                type,
                resourcePath,
                interval,
                Optional.ofNullable(entry.get("failureThreshold"))
                        .map(v -> integer(v, path + ".failureThreshold", 1, 10))
                        .orElse(3),
                search.orElse(null),
                Optional.ofNullable(entry.get("inverted"))
                        .map(v -> bool(v, path + ".inverted"))
                        .orElse(false),
                Optional.ofNullable(entry.get("disabled"))
                        .map(v -> bool(v, path + ".disabled"))
                        .orElse(false));
    }

    /** A mapping with string keys, all of them in {@code allowed} (any key when it is null). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Object value, String path, Set<String> allowed) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new CliException(path + ": " + (value == null ? "missing" : value) + " (expected: a mapping"
                    + (allowed == null
                            ? ""
                            : " of "
                                    + String.join(
                                            ", ", allowed.stream().sorted().toList())) + ")");
        }
        for (var key : map.keySet()) {
            if (!(key instanceof String name) || (allowed != null && !allowed.contains(name))) {
                throw new CliException(path + "." + key + ": is not a setting (expected one of "
                        + (allowed == null ? "names" : allowed.stream().sorted().toList()) + ")");
            }
        }
        return (Map<String, Object>) map;
    }

    private static String text(Object value, String path) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw new CliException(path + ": " + value + " (expected: a text)");
        }
        return text;
    }

    private static int integer(Object value, String path, int min, int max) {
        if (!(value instanceof Integer number) || number < min || number > max) {
            throw new CliException(path + ": " + value + " (expected: " + min + ".." + max + ")");
        }
        return number;
    }

    private static boolean bool(Object value, String path) {
        if (!(value instanceof Boolean flag)) {
            throw new CliException(path + ": " + value + " (expected: true or false)");
        }
        return flag;
    }
}
