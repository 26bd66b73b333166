package dev.regionless.replication;

import java.net.URI;
import java.util.Optional;

/**
 * Finds other regions by name: where their service port answers. In one JVM the region set knows every region;
 * per process the regions publish their addresses in a shared file, which a lookup may read again.
 */
public interface Peers {
    /** The service port of the named region, if it is known now. */
    Optional<URI> serviceUri(String region);

    /**
     * Says that the region did not answer at the address last given, so the next lookup should look again (a
     * restarted process may listen on another port).
     */
    default void unreachable(String region) {}
}
