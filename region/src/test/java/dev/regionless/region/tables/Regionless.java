package dev.regionless.region.tables;

import dev.regionless.region.RegionSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** One Regionless region, eu-west-2, on free ports of 127.0.0.1, with a data folder of its own. */
final class Regionless implements DynamoDbTarget {
    private Path dataFolder;
    private RegionSet regions;

    @Override
    public String name() {
        return "regionless";
    }

    @Override
    public String region() {
        return "eu-west-2";
    }

    @Override
    public boolean supports(Feature feature) {
        return true;
    }

    @Override
    public synchronized URI endpoint() {
        if (regions == null) {
            try {
                dataFolder = Files.createTempDirectory("regionless-conformance");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            regions = RegionSet.start(dataFolder, List.of(region()));
        }
        return regions.region(region()).endpoints().service();
    }

    @Override
    public synchronized void close() {
        if (regions != null) {
            regions.close();
            regions = null;
            deleteRecursively(dataFolder);
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
