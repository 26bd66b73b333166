package dev.regionless.testkit.authorizers;

import static dev.regionless.testkit.authorizers.TestTemplates.echoedEvent;
import static dev.regionless.testkit.authorizers.TestTemplates.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.testkit.RegionExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A REST API guarded by Lambda TOKEN and REQUEST authorizers, called over HTTP as a client would. */
class RestAuthorizerIT {
    @RegisterExtension
    static RegionExtension regions =
            RegionExtension.builder().template(TestTemplates.write("""
                    Transform: AWS::Serverless-2016-10-31
                    Globals:
                      Function: {Runtime: java21, CodeUri: ${jar}}
                    Resources:
                      Gate:
                        Type: AWS::Serverless::Function
                        Properties: {Handler: dev.regionless.testfunctions.Authorizer}
                      Shop:
                        Type: AWS::Serverless::Api
                        Properties:
                          StageName: Prod
                          Auth:
                            DefaultAuthorizer: Token
                            Authorizers:
                              Token:
                                FunctionArn: !GetAtt Gate.Arn
                                Identity: {ReauthorizeEvery: 60, ValidationExpression: "[a-z-]+(:[a-z0-9]+)?"}
                              Request:
                                FunctionArn: !GetAtt Gate.Arn
                                FunctionPayloadType: REQUEST
                                Identity: {Headers: [Authorization], QueryStrings: [tenant], ReauthorizeEvery: 0}
                      Echo:
                        Type: AWS::Serverless::Function
                        Properties:
                          Handler: dev.regionless.testfunctions.ProxyEcho
                          Events:
                            Orders: {Type: Api, Properties: {RestApiId: !Ref Shop, Path: "/orders/{id}", Method: get}}
                            Menu:
                              Type: Api
                              Properties: {RestApiId: !Ref Shop, Path: /menu, Method: get, Auth: {Authorizer: NONE}}
                            Tenants:
                              Type: Api
                              Properties:
                                RestApiId: !Ref Shop
                                Path: /tenants
                                Method: get
                                Auth: {Authorizer: Request}
                    """)).build();

    @Test
    void allowedTokenReachesTheFunctionWithTheAuthorizersContext() throws Exception {
        var response = get(regions.url("eu-west-2", "/Prod/orders/7"), "Authorization", "allow:context");

        var authorizer = echoedEvent(response).path("requestContext").path("authorizer");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(authorizer.path("principalId").asText()).isEqualTo("alice");
        assertThat(authorizer.path("user").asText()).isEqualTo("alice");
        assertThat(authorizer.path("type").asText()).isEqualTo("TOKEN");
        assertThat(authorizer.has("integrationLatency")).isTrue();
    }

    @Test
    void deniedTokenIsForbiddenWithAnExplicitDeny() throws Exception {
        var response = get(regions.url("eu-west-2", "/Prod/orders/7"), "Authorization", "deny");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body())
                .isEqualTo("{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
    }

    @Test
    void policyThatDoesNotCoverTheMethodIsAnImplicitDeny() throws Exception {
        var response = get(regions.url("eu-west-2", "/Prod/orders/7"), "Authorization", "allow-post");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"Message\":\"User is not authorized to access this resource\"}");
    }

    @Test
    void missingTokenIsUnauthorized() throws Exception {
        var response = get(regions.url("eu-west-2", "/Prod/orders/7"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void tokenFailingTheValidationExpressionIsUnauthorized() throws Exception {
        var response = get(regions.url("eu-west-2", "/Prod/orders/7"), "Authorization", "Bearer ALLOW!");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void authorizerThrowingOrReturningUnauthorizedIsUnauthorized() throws Exception {
        var thrown = get(regions.url("eu-west-2", "/Prod/orders/7"), "Authorization", "unauthorized");
        var returned = get(regions.url("eu-west-2", "/Prod/orders/7"), "Authorization", "say-unauthorized");

        for (var response : java.util.List.of(thrown, returned)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        }
    }

    @Test
    void authorizerFailingOrAnsweringWithoutPolicyIsAnAuthorizerConfigurationError() throws Exception {
        var failed = get(regions.url("eu-west-2", "/Prod/orders/7"), "Authorization", "fail");
        var garbage = get(regions.url("eu-west-2", "/Prod/orders/7"), "Authorization", "garbage");

        for (var response : java.util.List.of(failed, garbage)) {
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEqualTo("{\"message\": null}");
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AuthorizerConfigurationException");
        }
    }

    @Test
    void routeWithAuthorizerNoneIsOpen() throws Exception {
        var response = get(regions.url("eu-west-2", "/Prod/menu"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(echoedEvent(response).path("requestContext").has("authorizer"))
                .isFalse();
    }

    @Test
    void cachedPolicyIsReusedForTheSameTokenUntilTheTtlPasses() throws Exception {
        var url = regions.url("eu-west-2", "/Prod/orders/1");
        var first = calls(get(url, "Authorization", "allow:cache"));

        var cached = calls(get(url, "Authorization", "allow:cache"));
        regions.clock().advance(Duration.ofSeconds(61));
        var renewed = calls(get(url, "Authorization", "allow:cache"));

        assertThat(cached).isEqualTo(first);
        assertThat(renewed).isGreaterThan(first);
    }

    @Test
    void cachedPolicyIsEvaluatedAgainstEachRequestsMethodArn() throws Exception {
        var allowed = get(regions.url("eu-west-2", "/Prod/orders/1"), "Authorization", "allow:scoped");

        // The cached policy allows only the ARN of /orders/1, as on AWS when a policy names the exact methodArn.
        var other = get(regions.url("eu-west-2", "/Prod/orders/2"), "Authorization", "allow:scoped");

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).isEqualTo("{\"Message\":\"User is not authorized to access this resource\"}");
    }

    @Test
    void requestAuthorizerNeedsEveryIdentitySourceAndGetsTheRequest() throws Exception {
        var withoutTenant = get(regions.url("eu-west-2", "/Prod/tenants"), "Authorization", "allow");
        var complete = get(regions.url("eu-west-2", "/Prod/tenants?tenant=acme"), "Authorization", "allow");

        assertThat(withoutTenant.statusCode()).isEqualTo(401);
        assertThat(complete.statusCode()).isEqualTo(200);
        assertThat(echoedEvent(complete)
                        .path("requestContext")
                        .path("authorizer")
                        .path("type")
                        .asText())
                .isEqualTo("REQUEST");
    }

    private static int calls(java.net.http.HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        return echoedEvent(response)
                .path("requestContext")
                .path("authorizer")
                .path("calls")
                .asInt();
    }
}
