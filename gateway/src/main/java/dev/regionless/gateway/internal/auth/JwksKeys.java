package dev.regionless.gateway.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issuers' RSA signing keys, by {@code kid}: fetched from {@code {issuer}/.well-known/openid-configuration}, then
 * its {@code jwks_uri}, each within API Gateway's 1,500 ms, and kept. An unknown {@code kid} fetches the set again,
 * at most once a minute per issuer, so a key rotation is picked up without letting bad tokens hammer the issuer.
 */
public final class JwksKeys {
    /** API Gateway's timeout for the discovery document and for the key set. */
    public static final Duration FETCH_TIMEOUT = Duration.ofMillis(1_500);

    private static final Logger LOG = LoggerFactory.getLogger(JwksKeys.class);
    private static final Duration REFETCH_AFTER = Duration.ofMinutes(1);

    private final Clock clock;
    private final ConcurrentHashMap<String, Fetch> fetches = new ConcurrentHashMap<>();
    private volatile HttpClient client;

    public JwksKeys(Clock clock) {
        this.clock = clock;
    }

    /** The issuer's key with this id, if it has one; never completes exceptionally. */
    CompletableFuture<Optional<PublicKey>> key(String issuer, String kid) {
        var fetch = fetches.get(issuer);
        if (fetch != null && (!fetch.keys().isDone() || has(fetch, kid) || !stale(fetch))) {
            return fetch.keys().thenApply(keys -> Optional.ofNullable(keys.get(kid)));
        }
        var fresh = new Fetch(clock.instant(), load(issuer));
        fetches.put(issuer, fresh);
        return fresh.keys().thenApply(keys -> Optional.ofNullable(keys.get(kid)));
    }

    private boolean has(Fetch fetch, String kid) {
        return fetch.keys().getNow(Map.of()).containsKey(kid);
    }

    private boolean stale(Fetch fetch) {
        return !clock.instant().isBefore(fetch.at().plus(REFETCH_AFTER));
    }

    private CompletableFuture<Map<String, PublicKey>> load(String issuer) {
        var base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return get(URI.create(base + "/.well-known/openid-configuration"))
                .thenCompose(discovery -> {
                    var jwksUri = discovery.path("jwks_uri").asText("");
                    if (jwksUri.isEmpty()) {
                        throw new IllegalStateException("the discovery document has no jwks_uri");
                    }
                    return get(URI.create(jwksUri));
                })
                .thenApply(JwksKeys::rsaKeys)
                .exceptionally(error -> {
                    LOG.warn("Keys of JWT issuer {} could not be fetched: {}", issuer, error.toString());
                    return Map.of();
                });
    }

    private CompletableFuture<JsonNode> get(URI uri) {
        var request = HttpRequest.newBuilder(uri).timeout(FETCH_TIMEOUT).GET().build();
        return client().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(uri + " answered " + response.statusCode());
                    }
                    try {
                        return Json.mapper().readTree(response.body());
                    } catch (IOException e) {
                        throw new IllegalStateException(uri + " did not answer JSON", e);
                    }
                });
    }

    private static Map<String, PublicKey> rsaKeys(JsonNode jwks) {
        var keys = new HashMap<String, PublicKey>();
        for (var key : jwks.path("keys")) {
            if (!"RSA".equals(key.path("kty").asText()) || !key.hasNonNull("kid")) {
                continue;
            }
            try {
                var decoder = Base64.getUrlDecoder();
                var modulus = new BigInteger(1, decoder.decode(key.path("n").asText()));
                var exponent = new BigInteger(1, decoder.decode(key.path("e").asText()));
                keys.put(
                        key.get("kid").asText(),
                        KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent)));
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                LOG.warn(
                        "JWKS key {} is not a usable RSA key: {}",
                        key.get("kid").asText(),
                        e.toString());
            }
        }
        return Map.copyOf(keys);
    }

    private HttpClient client() {
        var current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .connectTimeout(FETCH_TIMEOUT)
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .build();
                }
                current = client;
            }
        }
        return current;
    }

    private record Fetch(Instant at, CompletableFuture<Map<String, PublicKey>> keys) {}
}
