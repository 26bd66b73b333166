package dev.regionless.testkit.authorizers;

import static dev.regionless.testkit.authorizers.TestTemplates.echoedEvent;
import static dev.regionless.testkit.authorizers.TestTemplates.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.testkit.RegionExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An HTTP API guarded by Lambda authorizers (payload 2.0 with simple responses, 1.0 with policies) and by a JWT
 * authorizer whose issuer is a small OpenID provider started by the test on a loopback port.
 */
class HttpAuthorizerIT {
    static final JwtIssuer ISSUER = JwtIssuer.start();

    @RegisterExtension
    static RegionExtension regions = RegionExtension.builder()
            .template(TestTemplates.write("""
                    Transform: AWS::Serverless-2016-10-31
                    Parameters:
                      Issuer: {Type: String}
                    Globals:
                      Function: {Runtime: java21, CodeUri: ${jar}}
                    Resources:
                      Gate:
                        Type: AWS::Serverless::Function
                        Properties: {Handler: dev.regionless.testfunctions.Authorizer}
                      Shop:
                        Type: AWS::Serverless::HttpApi
                        Properties:
                          Auth:
                            Authorizers:
                              Jwt:
                                JwtConfiguration: {issuer: !Ref Issuer, audience: [shop]}
                                IdentitySource: $request.header.Authorization
                              Simple:
                                FunctionArn: !GetAtt Gate.Arn
                                AuthorizerPayloadFormatVersion: "2.0"
                                EnableSimpleResponses: true
                                Identity: {Headers: [Authorization]}
                              Policy:
                                FunctionArn: !GetAtt Gate.Arn
                                AuthorizerPayloadFormatVersion: "1.0"
                                Identity: {Headers: [Authorization]}
                      Echo:
                        Type: AWS::Serverless::Function
                        Properties:
                          Handler: dev.regionless.testfunctions.ProxyEcho
                          Events:
                            Orders:
                              Type: HttpApi
                              Properties:
                                ApiId: !Ref Shop
                                Path: /orders
                                Method: get
                                Auth: {Authorizer: Jwt, AuthorizationScopes: [orders.read]}
                            Simple:
                              Type: HttpApi
                              Properties: {ApiId: !Ref Shop, Path: /simple, Method: get, Auth: {Authorizer: Simple}}
                            Policy:
                              Type: HttpApi
                              Properties: {ApiId: !Ref Shop, Path: /policy, Method: get, Auth: {Authorizer: Policy}}
                    """))
            .parameter("Issuer", ISSUER.url())
            .build();

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void simpleResponseYesPassesTheContextToTheFunction() throws Exception {
        var response = get(regions.url("eu-west-2", "/simple"), "Authorization", "yes");

        var authorizer = echoedEvent(response).path("requestContext").path("authorizer");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(authorizer.path("lambda").path("user").asText()).isEqualTo("alice");
        assertThat(authorizer.path("lambda").path("version").asText()).isEqualTo("2.0");
    }

    @Test
    void simpleResponseNoIsForbidden() throws Exception {
        var response = get(regions.url("eu-west-2", "/simple"), "Authorization", "no");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void missingIdentitySourceIsUnauthorizedWithoutAskingTheAuthorizer() throws Exception {
        var response = get(regions.url("eu-west-2", "/simple"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void payloadOnePolicyAllowsAndDenies() throws Exception {
        var allowed = get(regions.url("eu-west-2", "/policy"), "Authorization", "allow");
        var denied = get(regions.url("eu-west-2", "/policy"), "Authorization", "deny");
        var failed = get(regions.url("eu-west-2", "/policy"), "Authorization", "fail");

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(echoedEvent(allowed)
                        .path("requestContext")
                        .path("authorizer")
                        .path("lambda")
                        .path("version")
                        .asText())
                .isEqualTo("1.0");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void validJwtWithTheRouteScopeReachesTheFunctionWithItsClaims() throws Exception {
        var token = ISSUER.token(claims(Map.of("scope", "orders.read profile")));

        var response = get(regions.url("eu-west-2", "/orders"), "Authorization", "Bearer " + token);

        var jwt =
                echoedEvent(response).path("requestContext").path("authorizer").path("jwt");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jwt.path("claims").path("sub").asText()).isEqualTo("alice");
        assertThat(jwt.path("claims").path("aud").asText()).isEqualTo("shop");
        assertThat(jwt.path("scopes").toString()).isEqualTo("[\"orders.read\",\"profile\"]");
    }

    @Test
    void expiredJwtIsUnauthorizedWithAnInvalidTokenChallenge() throws Exception {
        var now = regions.clock().instant().getEpochSecond();
        var token = ISSUER.token(claims(Map.of("scope", "orders.read", "iat", now - 600, "exp", now - 60)));

        var response = get(regions.url("eu-west-2", "/orders"), "Authorization", token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(response.headers().firstValue("www-authenticate"))
                .hasValue("Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token has expired\"");
    }

    @Test
    void jwtForAnotherAudienceIsUnauthorized() throws Exception {
        var token = ISSUER.token(claims(Map.of("scope", "orders.read", "aud", "billing")));

        var response = get(regions.url("eu-west-2", "/orders"), "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("www-authenticate").orElseThrow())
                .contains("token does not have a valid audience");
    }

    @Test
    void jwtWithoutTheRouteScopeIsForbidden() throws Exception {
        var token = ISSUER.token(claims(Map.of("scope", "profile")));

        var response = get(regions.url("eu-west-2", "/orders"), "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(response.headers().firstValue("www-authenticate").orElseThrow())
                .contains("error=\"insufficient_scope\"");
    }

    @Test
    void tokenThatIsNotAJwtIsUnauthorized() throws Exception {
        var response = get(regions.url("eu-west-2", "/orders"), "Authorization", "Bearer not-a-jwt");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("www-authenticate").orElseThrow())
                .contains("error=\"invalid_token\"");
    }

    @Test
    void jwtSignedByAnotherKeyIsUnauthorized() throws Exception {
        var stranger = JwtIssuer.start();
        try {
            var claims = new HashMap<>(claims(Map.of("scope", "orders.read")));
            var token = stranger.token(claims);

            var response = get(regions.url("eu-west-2", "/orders"), "Authorization", "Bearer " + token);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("www-authenticate").orElseThrow())
                    .contains("signature is invalid");
        } finally {
            stranger.close();
        }
    }

    /** Claims of a token for {@code alice} in audience {@code shop}, valid for an hour on the region's clock. */
    private static Map<String, Object> claims(Map<String, Object> overrides) {
        var now = regions.clock().instant().getEpochSecond();
        var claims = new HashMap<String, Object>();
        claims.put("iss", ISSUER.url());
        claims.put("sub", "alice");
        claims.put("aud", "shop");
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        claims.putAll(overrides);
        return claims;
    }
}
