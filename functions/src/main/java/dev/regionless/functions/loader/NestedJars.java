package dev.regionless.functions.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/** Extracts the {@code lib/*.jar} entries of a Lambda deployment package, which a class loader cannot read in place. */
final class NestedJars {
    private NestedJars() {}

    static List<Path> extract(Path archive, Path targetFolder) throws IOException {
        var extracted = new ArrayList<Path>();
        try (var zip = new ZipFile(archive.toFile())) {
            var entries = zip.stream()
                    .filter(e -> !e.isDirectory())
                    .filter(e -> e.getName().startsWith("lib/") && e.getName().endsWith(".jar"))
                    .filter(e -> e.getName().indexOf('/', 4) < 0)
                    .sorted(java.util.Comparator.comparing(java.util.zip.ZipEntry::getName))
                    .toList();
            for (var entry : entries) {
                var target = targetFolder.resolve(entry.getName().substring(4));
                if (!Files.exists(target)) {
                    Files.createDirectories(targetFolder);
                    var partial = Files.createTempFile(targetFolder, "partial", ".jar");
                    try (var in = zip.getInputStream(entry)) {
                        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                extracted.add(target);
            }
        } catch (java.util.zip.ZipException e) {
            throw new CodeLoadingException(
                    "CodeUri: " + archive + " is not a jar or zip file (" + e.getMessage() + ")", e);
        }
        return extracted;
    }
}
