package dev.regionless.functions.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A function's code as read from its {@code CodeUri}: a jar, a Lambda-style zip (classes at the root, libraries
 * in {@code lib/}), or a folder of classes and jars.
 *
 * <p>One bundle serves every execution environment of the function. It reads and rewrites each class once and
 * keeps the result, so that a cold start only defines classes: that is what keeps cold starts cheap.
 */
public final class CodeBundle implements AutoCloseable {
    private final Path location;
    private final List<URL> classpath;
    private final CodeFingerprint fingerprint;
    private final URLClassLoader resources;
    private final ProtectionDomain protectionDomain;
    private final Map<String, Optional<byte[]>> classBytes = new ConcurrentHashMap<>();

    private CodeBundle(Path location, List<URL> classpath, CodeFingerprint fingerprint) {
        this.location = location;
        this.classpath = List.copyOf(classpath);
        this.fingerprint = fingerprint;
        // Reads resources only; it never defines a class, so it is safe to share between environments.
        this.resources = new URLClassLoader(classpath.toArray(URL[]::new), null);
        this.protectionDomain = new ProtectionDomain(new CodeSource(classpath.get(0), (Certificate[]) null), null);
    }

    /**
     * Opens the code at {@code codeUri}; nested jars of a zip are extracted under {@code extractionRoot}.
     *
     * @throws CodeLoadingException when the path does not exist or cannot be read as code
     */
    public static CodeBundle open(Path codeUri, Path extractionRoot) {
        var path = codeUri.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new CodeLoadingException("CodeUri: " + path + " does not exist");
        }
        try {
            var fingerprint = CodeFingerprint.of(path);
            var classpath = Files.isDirectory(path)
                    ? folderClasspath(path)
                    : archiveClasspath(path, extractionRoot.resolve(fingerprint.hexPrefix()));
            return new CodeBundle(path, classpath, fingerprint);
        } catch (IOException | UncheckedIOException e) {
            throw new CodeLoadingException("CodeUri: " + path + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    public Path location() {
        return location;
    }

    public List<URL> classpath() {
        return classpath;
    }

    /** Base64 SHA-256 of the code, as Lambda's {@code CodeSha256}. */
    public String sha256() {
        return fingerprint.sha256Base64();
    }

    public long size() {
        return fingerprint.size();
    }

    /** The class's bytes, already rewritten for the sandbox, or empty when the bundle does not hold it. */
    Optional<byte[]> classBytes(String className) {
        return classBytes.computeIfAbsent(className, this::readAndRewrite);
    }

    ProtectionDomain protectionDomain() {
        return protectionDomain;
    }

    URL resource(String name) {
        return resources.findResource(name);
    }

    Enumeration<URL> resources(String name) throws IOException {
        return resources.findResources(name);
    }

    private Optional<byte[]> readAndRewrite(String className) {
        var url = resources.findResource(className.replace('.', '/') + ".class");
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(SandboxRewriter.rewrite(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    private static List<URL> folderClasspath(Path folder) throws IOException {
        var urls = new ArrayList<URL>();
        urls.add(toUrl(folder));
        urls.addAll(jarsIn(folder));
        urls.addAll(jarsIn(folder.resolve("lib")));
        return urls;
    }

    private static List<URL> archiveClasspath(Path archive, Path extractTo) throws IOException {
        var urls = new ArrayList<URL>();
        urls.add(toUrl(archive));
        for (var nested : NestedJars.extract(archive, extractTo)) {
            urls.add(toUrl(nested));
        }
        return urls;
    }

    private static List<URL> jarsIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .map(CodeBundle::toUrl)
                    .toList();
        }
    }

    private static URL toUrl(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("a file path is always a valid URL: " + path, e);
        }
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
