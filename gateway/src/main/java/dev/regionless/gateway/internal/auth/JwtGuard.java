package dev.regionless.gateway.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.gateway.JwtAuthorizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An HTTP API's JWT authorizer at work, in API Gateway's order: the token is read (401 when absent), its issuer
 * checked, its RS256 signature verified with the issuer's key named by {@code kid}, then {@code exp}, {@code nbf},
 * {@code iat} on the region's clock, the audience ({@code aud}, else {@code client_id}), and finally the route's
 * scopes (403 when the token holds none of them).
 */
public final class JwtGuard implements Guard {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JwtAuthorizer definition;
    private final IdentitySource source;
    private final JwksKeys keys;
    private final Clock clock;

    private JwtGuard(JwtAuthorizer definition, IdentitySource source, JwksKeys keys, Clock clock) {
        this.definition = definition;
        this.source = source;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Compiles a JWT authorizer.
     *
     * @throws IllegalArgumentException naming the authorizer when its identity source cannot be read
     */
    public static JwtGuard of(JwtAuthorizer definition, JwksKeys keys, Clock clock) {
        try {
            return new JwtGuard(definition, IdentitySource.parse(definition.identitySource()), keys, clock);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("authorizer " + definition.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<Decision> authorize(GuardRequest request) {
        var value = source.valueIn(request.request());
        if (value.isEmpty()) {
            return CompletableFuture.completedFuture(Decision.Refuse.of(Refusal.UNAUTHORIZED));
        }
        var text = value.get().trim();
        if (text.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            text = text.substring("bearer ".length()).trim();
        }
        JwtToken token;
        try {
            token = JwtToken.parse(text);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(invalid(e.getMessage()));
        }
        if (!"RS256".equals(token.headerText("alg"))) {
            return CompletableFuture.completedFuture(invalid("signing method is not RS256"));
        }
        var kid = token.headerText("kid");
        if (kid == null) {
            return CompletableFuture.completedFuture(invalid("token has no kid"));
        }
        if (!definition.issuer().equals(token.claims().path("iss").asText(null))) {
            return CompletableFuture.completedFuture(invalid("token is not from a valid issuer"));
        }
        return keys.key(definition.issuer(), kid).thenApply(key -> {
            if (key.isEmpty()) {
                return invalid("no signing key " + kid + " found at the issuer");
            }
            if (!token.signedBy(key.get())) {
                return invalid("signature is invalid");
            }
            return checkClaims(token, request);
        });
    }

    private Decision checkClaims(JwtToken token, GuardRequest request) {
        long now = clock.instant().getEpochSecond();
        try {
            var exp = token.seconds("exp");
            if (exp == null || now >= exp) {
                return invalid("the token has expired");
            }
            var nbf = token.seconds("nbf");
            if (nbf != null && now < nbf) {
                return invalid("the token is not valid yet");
            }
            var iat = token.seconds("iat");
            if (iat != null && now < iat) {
                return invalid("the token was issued in the future");
            }
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage());
        }
        if (!audienceMatches(token.claims())) {
            return invalid("token does not have a valid audience");
        }
        var scopes = scopes(token.claims());
        if (!request.scopes().isEmpty() && request.scopes().stream().noneMatch(scopes::contains)) {
            var required = String.join(" ", request.scopes());
            return new Decision.Refuse(
                    Refusal.INSUFFICIENT_SCOPE,
                    Optional.of("Bearer scope=\"" + required + "\" error=\"insufficient_scope\" "
                            + "error_description=\"expected scopes: [" + required + "]\""));
        }
        return new Decision.Allow(backendView(token.claims(), scopes, request.backendV2()));
    }

    private boolean audienceMatches(JsonNode claims) {
        var aud = claims.get("aud");
        var audiences = new ArrayList<String>();
        if (aud != null && aud.isArray()) {
            aud.forEach(item -> audiences.add(item.asText()));
        } else if (aud != null && aud.isTextual()) {
            audiences.add(aud.asText());
        } else if (claims.path("client_id").isTextual()) {
            audiences.add(claims.get("client_id").asText());
        }
        return audiences.stream().anyMatch(definition.audience()::contains);
    }

    /** The token's scopes: {@code scope} (space-separated) or {@code scp} (a list, or space-separated). */
    private static List<String> scopes(JsonNode claims) {
        var scopes = new ArrayList<String>();
        for (var claim : List.of("scope", "scp")) {
            var node = claims.get(claim);
            if (node != null && node.isArray()) {
                node.forEach(item -> scopes.add(item.asText()));
            } else if (node != null && node.isTextual()) {
                for (var scope : node.asText().split(" ")) {
                    if (!scope.isEmpty()) {
                        scopes.add(scope);
                    }
                }
            }
        }
        return scopes;
    }

    /** Payload 2.0: {@code {jwt: {claims, scopes}}}; 1.0: {@code {claims, scopes}}. Claims become strings, as AWS. */
    private static ObjectNode backendView(JsonNode claims, List<String> scopes, boolean v2) {
        var view = NODES.objectNode();
        var claimsNode = NODES.objectNode();
        claims.properties().forEach(entry -> claimsNode.put(entry.getKey(), claimText(entry.getValue())));
        view.set("claims", claimsNode);
        if (scopes.isEmpty()) {
            view.putNull("scopes");
        } else {
            var array = view.putArray("scopes");
            scopes.forEach(array::add);
        }
        if (!v2) {
            return view;
        }
        var outer = NODES.objectNode();
        outer.set("jwt", view);
        return outer;
    }

    // Lists read as "[a b]", as API Gateway renders them; objects as their JSON.
    private static String claimText(JsonNode value) {
        if (value.isArray()) {
            var items = new ArrayList<String>();
            value.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
            return "[" + String.join(" ", items) + "]";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static Decision invalid(String description) {
        return new Decision.Refuse(
                Refusal.UNAUTHORIZED,
                Optional.of("Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + description + "\""));
    }
}
