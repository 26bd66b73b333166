package dev.regionless.region.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Stable ten-character API ids, like API Gateway's, derived from the API's logical id. */
final class ApiIds {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private ApiIds() {}

    static String of(String logicalId) {
        try {
            var hash = MessageDigest.getInstance("SHA-256").digest(logicalId.getBytes(StandardCharsets.UTF_8));
            var id = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                id.append(ALPHABET.charAt((hash[i] & 0xff) % ALPHABET.length()));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
