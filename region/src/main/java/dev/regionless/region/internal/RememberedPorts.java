package dev.regionless.region.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The ports a region last listened on, kept in its data folder, so that a region restarted without fixed ports
 * comes back at the same addresses when they are free — as an AWS region's endpoints outlive an outage. Clients,
 * peers and connections stored by apps (Quack keeps each connection's {@code @connections} address) keep working.
 */
public final class RememberedPorts {
    private static final String FILE = "ports.json";

    private final Path folder;
    private final JsonNode remembered;

    private RememberedPorts(Path folder, JsonNode remembered) {
        this.folder = folder;
        this.remembered = remembered;
    }

    public static RememberedPorts in(Path regionFolder) {
        var file = regionFolder.resolve(FILE);
        JsonNode remembered = Json.mapper().createObjectNode();
        if (Files.isRegularFile(file)) {
            try {
                remembered = Json.mapper().readTree(file.toFile());
            } catch (IOException e) {
                // An unreadable file only costs the old addresses: free ports are taken instead.
            }
        }
        return new RememberedPorts(regionFolder, remembered);
    }

    /** The port last used for {@code name}, or 0. */
    public int last(String name) {
        return remembered.path(name).asInt(0);
    }

    /**
     * Binds with {@code bind}: on the configured port if one is set, else on the remembered one, falling back to a
     * free port when it is taken.
     */
    public <T> T bind(String name, int configuredPort, IntFunction<T> bind) {
        if (configuredPort != 0 || last(name) == 0) {
            return bind.apply(configuredPort);
        }
        try {
            return bind.apply(last(name));
        } catch (RuntimeException taken) {
            return bind.apply(0);
        }
    }

    /** Remembers the ports now in use. */
    public void save(Map<String, Integer> ports) {
        try {
            Files.createDirectories(folder);
            var temporary = folder.resolve(FILE + ".tmp");
            Json.mapper().writeValue(temporary.toFile(), ports);
            Files.move(
                    temporary,
                    folder.resolve(FILE),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Not remembering them only means a restart may pick other ports.
        }
    }
}
