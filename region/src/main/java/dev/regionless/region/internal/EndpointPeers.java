package dev.regionless.region.internal;

import dev.regionless.replication.Peers;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds peer regions: first among the regions of this process, then in the {@code endpoints.json} of the shared
 * data folder, where regions running as their own processes publish their addresses. An address from the file is
 * kept until a call to it fails, then the file is read again, since a restarted region may listen elsewhere.
 */
public final class EndpointPeers implements Peers {
    private final Function<String, Optional<URI>> local;
    private final Path dataRoot;
    private final Map<String, URI> fromFile = new ConcurrentHashMap<>();

    /**
     * @param local the service port of a region running in this process, if it is one
     * @param dataRoot the folder holding {@code endpoints.json}
     */
    public EndpointPeers(Function<String, Optional<URI>> local, Path dataRoot) {
        this.local = local;
        this.dataRoot = dataRoot;
    }

    @Override
    public Optional<URI> serviceUri(String region) {
        var here = local.apply(region);
        if (here.isPresent()) {
            return here;
        }
        var known = fromFile.get(region);
        if (known != null) {
            return Optional.of(known);
        }
        var entry = dev.regionless.region.EndpointsFile.read(dataRoot)
                .path("regions")
                .path(region);
        var service = entry.path("service");
        if (!service.isTextual()) {
            return Optional.empty();
        }
        var uri = URI.create(service.asText());
        fromFile.put(region, uri);
        return Optional.of(uri);
    }

    @Override
    public void unreachable(String region) {
        fromFile.remove(region);
    }
}
