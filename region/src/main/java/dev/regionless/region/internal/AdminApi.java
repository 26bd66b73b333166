package dev.regionless.region.internal;

import dev.regionless.common.AwsException;
import dev.regionless.common.ErrorRendering;
import dev.regionless.common.Json;
import dev.regionless.common.ServiceRequest;
import dev.regionless.common.ServiceResponse;
import dev.regionless.functions.Functions;
import dev.regionless.replication.Replication;
import dev.regionless.template.TemplateException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The region's admin port, for the CLI and for scripts: health, deployed functions, usage and logs, the chaos
 * switches (health, region state, replication links and their delays), and {@code /admin/status}, all of the
 * region's state in one answer. It stays on its own port so that it keeps answering when faults are injected into
 * the region's public ports.
 */
public final class AdminApi implements Function<ServiceRequest, ServiceResponse> {
    private final String region;
    private final Functions functions;
    private final TemplateDeployer deployer;
    private final RegionPower power;
    private final Replication replication;
    private final LinkAdmin links;
    /** The region's health switch: "pass", or "fail" to make health checks fail without changing code. */
    private volatile String healthSwitch = "pass";

    /** Deploys a template in this region and answers its warnings. */
    @FunctionalInterface
    public interface TemplateDeployer {
        List<String> deploy(Path template, Map<String, String> parameterOverrides);
    }

    /** Takes the region down and brings it back (chaos): its public ports, WebSockets and replication links. */
    public interface RegionPower {
        void down();

        void up();

        boolean isDown();

        /** True while a restarted region has not got its app back yet (see {@code AppPresence}). */
        default boolean awaitsApp() {
            return false;
        }
    }

    /** @param replication the region's replication, for {@code /admin/replication} and {@code /admin/links} */
    public AdminApi(String region, Functions functions, TemplateDeployer deployer, Replication replication) {
        this(region, functions, deployer, replication, null);
    }

    public AdminApi(
            String region, Functions functions, TemplateDeployer deployer, Replication replication, RegionPower power) {
        this.region = region;
        this.functions = functions;
        this.deployer = deployer;
        this.replication = replication;
        this.links = new LinkAdmin(region, replication);
        this.power = power;
    }

    @Override
    public ServiceResponse apply(ServiceRequest request) {
        try {
            return route(request);
        } catch (AwsException e) {
            return ErrorRendering.restJson(e);
        }
    }

    private ServiceResponse route(ServiceRequest request) {
        var path = request.path();
        if (path.equals("/admin/deploy") && request.method().equals("POST")) {
            return deploy(request);
        }
        if (path.equals("/admin/health-switch") && request.method().equals("PUT")) {
            return setHealthSwitch(request);
        }
        if (path.equals("/admin/region-state") && request.method().equals("PUT") && power != null) {
            return setRegionState(request);
        }
        if (path.equals("/admin/region-state") && request.method().equals("GET") && power != null) {
            return ServiceResponse.json(200, Map.of("region", region, "state", power.isDown() ? "down" : "up"));
        }
        if (path.startsWith("/admin/links/")
                && path.endsWith("/delay")
                && request.method().equals("PUT")) {
            var peer = path.substring("/admin/links/".length(), path.length() - "/delay".length());
            return ServiceResponse.json(200, links.setDelay(decode(peer), request.body()));
        }
        if (path.startsWith("/admin/links/") && request.method().equals("PUT")) {
            var peer = path.substring("/admin/links/".length());
            return ServiceResponse.json(200, links.setState(decode(peer), request.body()));
        }
        if (!request.method().equals("GET")) {
            throw new AwsException("MethodNotAllowed", 405, request.method() + " " + path + " is not an admin action");
        }
        if (path.equals("/admin/health")) {
            return ServiceResponse.json(200, Map.of("region", region, "status", "ok"));
        }
        if (path.equals("/admin/region-health")) {
            return regionHealth();
        }
        if (path.equals("/admin/health-switch")) {
            return ServiceResponse.json(200, Map.of("region", region, "status", healthSwitch));
        }
        if (path.equals("/admin/replication")) {
            // {"region", "links": [{table, source, destination, cursor, pending, oldestPendingAgeMillis,
            // lagP50Millis, lagP99Millis, shipped, resyncs, cut, lastError}],
            // "backfills": [{table, destination, kind (backfill|resync), itemsTotal, itemsRead, itemsShipped,
            // tombstonesShipped}], "tombstones": [{table, tombstones, horizon, collected, rounds, lastOutcome}]}
            return ServiceResponse.json(200, replication.status());
        }
        if (path.equals("/admin/links")) {
            return ServiceResponse.json(200, links.view());
        }
        if (path.equals("/admin/status")) {
            return ServiceResponse.json(200, status());
        }
        if (path.equals("/admin/usage")) {
            return ServiceResponse.json(200, Map.of("region", region, "functions", functions.usage()));
        }
        if (path.equals("/admin/functions")) {
            var names = functions.functions().stream()
                    .map(info -> info.config().name())
                    .toList();
            return ServiceResponse.json(200, Map.of("region", region, "functions", names));
        }
        if (path.startsWith("/admin/functions/") && path.endsWith("/logs")) {
            var name = URLDecoder.decode(
                    path.substring("/admin/functions/".length(), path.length() - "/logs".length()),
                    StandardCharsets.UTF_8);
            return logs(request, name);
        }
        throw new AwsException("NotFound", 404, "no admin resource at " + path);
    }

    /**
     * Body: {@code {"status": "fail"}} or {@code {"status": "pass"}}. Functions see it as
     * {@code REGIONLESS_REGION_HEALTH} (absent while passing, as on AWS), so an app's health endpoint can follow it.
     */
    private ServiceResponse setHealthSwitch(ServiceRequest request) {
        var status = textField(request.body(), "status");
        if (!"pass".equals(status) && !"fail".equals(status)) {
            throw new AwsException(
                    "BadRequest", 400, "the body must be {\"status\": \"pass\"} or {\"status\": \"fail\"}");
        }
        healthSwitch = status;
        functions.setPlatformVariable("REGIONLESS_REGION_HEALTH", status.equals("fail") ? "fail" : null);
        return ServiceResponse.json(200, Map.of("region", region, "status", status));
    }

    /**
     * Body: {@code {"state": "down"}} or {@code {"state": "up"}}: the region stops answering on its public ports and
     * cuts its replication links, as if its data centre went dark, or comes back with its data.
     */
    private ServiceResponse setRegionState(ServiceRequest request) {
        var state = textField(request.body(), "state");
        if (!"down".equals(state) && !"up".equals(state)) {
            throw new AwsException("BadRequest", 400, "the body must be {\"state\": \"down\"} or {\"state\": \"up\"}");
        }
        if (state.equals("down")) {
            power.down();
        } else {
            power.up();
        }
        return ServiceResponse.json(200, Map.of("region", region, "state", state));
    }

    /**
     * What a router's health check asks: unlike {@code /admin/health} (the admin port is alive, which it stays while
     * the region is dark so that it can be brought back), this fails with 503 when the region is down or its health
     * switch fails, so an edge checking it takes the region out whichever way it was broken.
     */
    private ServiceResponse regionHealth() {
        if (isDown()) {
            return ServiceResponse.json(503, Map.of("region", region, "status", "down"));
        }
        if (healthSwitch.equals("fail")) {
            return ServiceResponse.json(503, Map.of("region", region, "status", "failing"));
        }
        if (power != null && power.awaitsApp()) {
            return ServiceResponse.json(503, Map.of("region", region, "status", "deploying"));
        }
        return ServiceResponse.json(200, Map.of("region", region, "status", "ok"));
    }

    /**
     * Everything {@code regionless status} shows about this region in one answer: {@code {"region", "health":
     * "ok", "healthSwitch": "pass"|"fail", "state": "up"|"down", "links": {see /admin/links}, "replication": {see
     * /admin/replication}}}.
     */
    private Map<String, Object> status() {
        var status = new LinkedHashMap<String, Object>();
        status.put("region", region);
        status.put("health", "ok");
        status.put("healthSwitch", healthSwitch);
        status.put("state", isDown() ? "down" : "up");
        status.put("links", links.view());
        status.put("replication", replication.status());
        return status;
    }

    /** Whether the region was taken down with {@code chaos region R down} (a region without a power switch never is). */
    private boolean isDown() {
        return power != null && power.isDown();
    }

    private static String decode(String pathPart) {
        return URLDecoder.decode(pathPart, StandardCharsets.UTF_8);
    }

    private static String textField(byte[] body, String field) {
        try {
            var tree = Json.mapper().readTree(body);
            return tree == null || tree.get(field) == null
                    ? null
                    : tree.get(field).asText();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Body: {@code {"template": "/abs/template.yaml", "parameters": {"Key": "Value"}}}. */
    private ServiceResponse deploy(ServiceRequest request) {
        DeployRequest body;
        try {
            body = Json.mapper().readValue(request.body(), DeployRequest.class);
        } catch (java.io.IOException e) {
            throw new AwsException(
                    "ValidationException",
                    400,
                    "deploy: the body is not a deploy request ("
                            + e.getMessage().lines().findFirst().orElse("unreadable") + ")");
        }
        if (body.template() == null || body.template().isBlank()) {
            throw new AwsException("ValidationException", 400, "deploy: template is required");
        }
        try {
            var warnings =
                    deployer.deploy(Path.of(body.template()), body.parameters() == null ? Map.of() : body.parameters());
            return ServiceResponse.json(200, Map.of("region", region, "warnings", warnings));
        } catch (TemplateException e) {
            throw new AwsException("ValidationException", 400, e.getMessage());
        }
    }

    record DeployRequest(String template, Map<String, String> parameters) {}

    private ServiceResponse logs(ServiceRequest request, String functionName) {
        long after = parseLong(request.queryParameter("after"), 0, "after");
        int limit = (int) parseLong(request.queryParameter("limit"), 1000, "limit");
        var body = new LinkedHashMap<String, Object>();
        body.put("region", region);
        body.put("function", functionName);
        body.put("lines", functions.logs(functionName, after, Math.max(1, Math.min(limit, 10_000))));
        return ServiceResponse.json(200, body);
    }

    private static long parseLong(String value, long fallback, String name) {
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new AwsException("ValidationException", 400, name + ": " + value + " (expected: a number)");
        }
    }
}
