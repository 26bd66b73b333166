package dev.regionless.region;

import dev.regionless.region.internal.EndpointPeers;
import dev.regionless.template.Application;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Several regions in one JVM, sharing one Vert.x instance but nothing else: each has its own ports and data
 * folder ({@code <data>/<region>/}), and {@code <data>/endpoints.json} lists them all. A template is deployed to
 * every region in one step.
 */
public final class RegionSet implements AutoCloseable {
    private final Vertx vertx;
    private final Path dataRoot;
    private final Map<String, RegionNode> regions;

    private RegionSet(Vertx vertx, Path dataRoot, Map<String, RegionNode> regions) {
        this.vertx = vertx;
        this.dataRoot = dataRoot;
        this.regions = regions;
    }

    /** Starts the named regions on free ports of 127.0.0.1 with default settings. */
    public static RegionSet start(Path dataRoot, List<String> names) {
        return start(dataRoot, names, UnaryOperator.identity());
    }

    /** Starts the named regions; {@code customize} adjusts each region's defaults (ports, host, clock, limits). */
    public static RegionSet start(Path dataRoot, List<String> names, UnaryOperator<RegionConfig> customize) {
        if (names.isEmpty() || new LinkedHashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("regions: " + names + " (expected: one or more distinct names)");
        }
        var vertx = Vertx.vertx();
        var started = new java.util.concurrent.ConcurrentHashMap<String, RegionNode>();
        // Regions of this set find each other directly; others through the endpoints file they share.
        var peers = new EndpointPeers(
                region -> java.util.Optional.ofNullable(started.get(region))
                        .map(node -> node.endpoints().service()),
                dataRoot);
        var ordered = new LinkedHashMap<String, RegionNode>();
        try {
            for (var name : names) {
                var config = customize.apply(RegionConfig.defaults(name, dataRoot.resolve(name)));
                var node = RegionNode.start(vertx, config, peers);
                started.put(name, node);
                ordered.put(name, node);
            }
        } catch (RuntimeException e) {
            ordered.values().forEach(RegionNode::close);
            RegionNode.await(vertx.close());
            throw e;
        }
        var set = new RegionSet(vertx, dataRoot, ordered);
        set.publishEndpoints();
        return set;
    }

    /**
     * Deploys a template to every region. It is read for every region first, so a template error changes
     * nothing; each region then swaps to the new version only once it has loaded there.
     *
     * @return the template's warnings (properties ignored because they are harmless)
     */
    public List<String> deploy(Path template, Map<String, String> parameterOverrides) {
        var applications = new LinkedHashMap<RegionNode, Application>();
        for (var region : regions.values()) {
            applications.put(region, region.read(template, parameterOverrides));
        }
        var warnings = new ArrayList<String>();
        applications.forEach((region, application) -> {
            region.deploy(application);
            application.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
        });
        publishEndpoints();
        return warnings;
    }

    public List<RegionNode> regions() {
        return List.copyOf(regions.values());
    }

    public RegionNode region(String name) {
        var region = regions.get(name);
        if (region == null) {
            throw new IllegalArgumentException("region: " + name + " (expected one of " + regions.keySet() + ")");
        }
        return region;
    }

    public Path dataRoot() {
        return dataRoot;
    }

    public Path endpointsFile() {
        return dataRoot.resolve(EndpointsFile.NAME);
    }

    @Override
    public void close() {
        try {
            EndpointsFile.withdraw(dataRoot, regions.keySet());
        } finally {
            regions.values().forEach(RegionNode::close);
            RegionNode.await(vertx.close());
        }
    }

    private void publishEndpoints() {
        var endpoints = new LinkedHashMap<String, RegionEndpoints>();
        regions.forEach((name, node) -> endpoints.put(name, node.endpoints()));
        EndpointsFile.publish(dataRoot, endpoints);
    }
}
