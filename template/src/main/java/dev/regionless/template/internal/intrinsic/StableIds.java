package dev.regionless.template.internal.intrinsic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Identifiers that AWS would generate at random, derived instead from stable inputs, so that every read of the same
 * template gives the same ids (and a client that learned an API id keeps it across restarts).
 */
public final class StableIds {

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private StableIds() {}

    /** An API Gateway-style API id: 10 lowercase letters and digits. */
    public static String apiId(String stackName, String logicalId) {
        return encode(stackName + "/" + logicalId, 10, LOWER);
    }

    /** An id of a part of an API, such as an API Gateway route or integration: 7 lowercase letters and digits. */
    public static String partId(String stackName, String logicalId) {
        return encode(stackName + "/" + logicalId, 7, LOWER);
    }

    /** A CloudFormation-style physical name: {@code stack-LogicalId-ABCDEF123456}. */
    public static String physicalName(String stackName, String logicalId) {
        return physicalName(stackName, logicalId, Integer.MAX_VALUE);
    }

    /**
     * As {@link #physicalName(String, String)}, at most {@code maxLength} long: like CloudFormation, it shortens the
     * {@code stack-LogicalId} part and keeps the whole suffix, which is what makes the name unique.
     */
    public static String physicalName(String stackName, String logicalId, int maxLength) {
        var suffix = "-" + encode(stackName + "/" + logicalId, 12, UPPER);
        var prefix = stackName + "-" + logicalId;
        return prefix.substring(0, Math.min(prefix.length(), maxLength - suffix.length())) + suffix;
    }

    /** A UUID derived from {@code seed}. */
    public static UUID uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String seed, int length, String alphabet) {
        var digest = sha256(seed);
        var id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(Byte.toUnsignedInt(digest[i]) % alphabet.length()));
        }
        return id.toString();
    }

    private static byte[] sha256(String seed) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
