package dev.regionless.functions.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** The SHA-256 and size of a jar, zip or folder of code; a folder hashes its files' paths and contents in order. */
record CodeFingerprint(byte[] sha256, long size) {

    static CodeFingerprint of(Path path) throws IOException {
        var digest = newDigest();
        if (!Files.isDirectory(path)) {
            var bytes = Files.readAllBytes(path);
            return new CodeFingerprint(digest.digest(bytes), bytes.length);
        }
        long size = 0;
        try (var files = Files.walk(path)) {
            for (var file : files.filter(Files::isRegularFile).sorted().toList()) {
                var bytes = readUnchecked(file);
                digest.update(path.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(bytes);
                size += bytes.length;
            }
        }
        return new CodeFingerprint(digest.digest(), size);
    }

    String sha256Base64() {
        return Base64.getEncoder().encodeToString(sha256);
    }

    String hexPrefix() {
        return HexFormat.of().formatHex(sha256, 0, 8);
    }

    private static byte[] readUnchecked(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
