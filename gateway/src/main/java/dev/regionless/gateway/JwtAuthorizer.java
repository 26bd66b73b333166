package dev.regionless.gateway;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An HTTP API's JWT authorizer: the token (from {@code identitySource}, {@code Bearer } prefix optional) must be an
 * RS256 JSON Web Token signed by a key of {@code issuer}'s JWKS (found through
 * {@code {issuer}/.well-known/openid-configuration}), with that {@code iss}, an {@code aud} (or {@code client_id}) in
 * {@code audience}, and valid {@code exp}, {@code nbf} and {@code iat}. A route may also require scopes.
 *
 * @param name the authorizer's name in its API
 * @param identitySource where the token is read, such as {@code $request.header.Authorization}
 * @param issuer the {@code iss} expected, an https (or, for local issuers, http) URL
 * @param audience the accepted audiences; at least one
 */
public record JwtAuthorizer(String name, String identitySource, String issuer, List<String> audience)
        implements Authorizer {

    public JwtAuthorizer {
        requireNonNull(name, "name");
        requireNonNull(identitySource, "identitySource");
        requireNonNull(issuer, "issuer");
        audience = List.copyOf(requireNonNull(audience, "audience"));
        if (audience.isEmpty()) {
            throw new IllegalArgumentException("audience of JWT authorizer " + name + ": [] (expected: one or more)");
        }
    }
}
