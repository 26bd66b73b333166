package dev.regionless.cli;

import dev.regionless.region.RegionSet;
import dev.regionless.template.Application;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How the edges of {@code demo} and {@code up} route: from the template's Route 53 records when it declares some,
 * else from {@code --routing FILE}, else by latency among every region; with fast checks or Route 53's timings.
 */
final class EdgeOptions {
    @Option(
            names = "--routing",
            paramLabel = "FILE",
            description = "A routing file (routing: regions, healthChecks, domain) for apps whose template declares no"
                    + " Route 53 records; see the README's routing section.")
    Path routingFile;

    @Option(
            names = "--health-profile",
            paramLabel = "fast|route53",
            description = "fast (default): the edges check every 250 ms, two results in a row move a region's status;"
                    + " route53: each check's RequestInterval and FailureThreshold, no ejection, no retries.")
    String healthProfile = "fast";

    /**
     * The edges' routing for a run, read before the template is deployed so that bad routing stops the run first.
     *
     * @param defaultZone the zone when neither the template nor the routing file names one
     * @throws CliException naming the record or setting that is wrong
     */
    EdgeRouting plan(
            RegionSet set, Path template, Map<String, String> parameters, String defaultZone, PrintStream out) {
        var profile = EdgeRouting.HealthProfile.parse(healthProfile);
        var file = RoutingFile.none();
        if (routingFile != null) {
            if (!Files.isRegularFile(routingFile)) {
                throw new CliException("--routing: " + routingFile + " does not exist");
            }
            file = RoutingFile.read(routingFile, defaultZone);
        }
        var applications = new LinkedHashMap<String, Application>();
        if (template != null) {
            set.regions().forEach(node -> applications.put(node.name(), node.read(template, parameters)));
        }
        var found = TemplateRoutes.from(applications);
        found.warnings().forEach(w -> out.println("warning: " + w));
        var names = set.regions().stream().map(node -> node.name()).toList();
        var zone = file.domain().orElse(defaultZone);
        if (!found.records().isEmpty()) {
            if (!file.records().isEmpty()) {
                throw new CliException("--routing: " + routingFile + " sets regions, but the template declares Route 53"
                        + " records (" + found.records().getFirst().source() + ") (expected: one or the other)");
            }
            return RoutingPlanner.plan(found.records(), names, zone, profile, "the template's Route 53 records");
        }
        return RoutingPlanner.plan(
                file.records(), names, zone, profile, routingFile == null ? "the default" : routingFile.toString());
    }
}
