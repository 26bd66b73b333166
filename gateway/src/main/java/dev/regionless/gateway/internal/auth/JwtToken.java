package dev.regionless.gateway.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * A compact JSON Web Token taken apart: its header, its claims, and what its signature covers.
 *
 * @param header the decoded header ({@code alg}, {@code kid})
 * @param claims the decoded payload
 * @param signingInput the bytes the signature covers: {@code base64url(header) "." base64url(payload)}
 * @param signature the decoded signature
 */
record JwtToken(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {

    /**
     * Splits and decodes a token.
     *
     * @throws IllegalArgumentException with the description sent back in {@code www-authenticate}
     */
    static JwtToken parse(String token) {
        var parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("token contains an invalid number of segments");
        }
        var decoder = Base64.getUrlDecoder();
        try {
            var header = object(decoder.decode(parts[0]));
            var claims = object(decoder.decode(parts[1]));
            var signature = decoder.decode(parts[2]);
            var signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            return new JwtToken(header, claims, signingInput, signature);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("token is malformed");
        }
    }

    /** The header's string field, or null. */
    String headerText(String field) {
        var node = header.get(field);
        return node == null || !node.isTextual() ? null : node.asText();
    }

    /** A claim as a number of seconds, or null when absent. */
    Long seconds(String claim) {
        var node = claims.get(claim);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new IllegalArgumentException(claim + " claim is not a number");
        }
        return node.asLong();
    }

    /** Whether the RS256 signature is {@code key}'s. */
    boolean signedBy(PublicKey key) {
        try {
            var verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static JsonNode object(byte[] json) {
        try {
            var node = Json.mapper().readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }
}
