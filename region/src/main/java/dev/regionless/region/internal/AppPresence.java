package dev.regionless.region.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a region restarted on its data folder still awaits the app it served before. Its ports answer as soon as
 * it starts, but until its template is deployed again its routes answer 404: a router must not send clients there.
 * A marker file in the data folder remembers that an app was deployed; a region that never had one is not held back.
 */
public final class AppPresence {
    private static final String MARKER = "app-deployed";

    private final Path marker;
    private volatile boolean awaited;

    public AppPresence(Path dataDirectory) {
        this.marker = dataDirectory.resolve(MARKER);
        this.awaited = Files.exists(marker);
    }

    /** True from a restart of a region that had an app until the app is deployed again. */
    public boolean awaited() {
        return awaited;
    }

    /** Called once an app is deployed in full. */
    public void deployed() {
        if (!Files.exists(marker)) {
            try {
                Files.createDirectories(marker.getParent());
                Files.writeString(marker, "an app was deployed in this region\n");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + marker, e);
            }
        }
        awaited = false;
    }
}
