package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizersTest {

    /** Functions Auth and Hello; {@code api} is the properties of API {@code Shop} (line 16 on); Hello's events. */
    private static String template(String apiType, String api, String events) {
        return """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function: {Runtime: java21, CodeUri: hello, Handler: example.Hello}
                Resources:
                  Auth:
                    Type: AWS::Serverless::Function
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                """ + events.stripIndent().indent(8) + """
                  Shop:
                    Type: %s
                    Properties:
                """.formatted(apiType)
                + api.stripIndent().indent(6);
    }

    private static final String REST_EVENTS = """
            Closed: {Type: Api, Properties: {RestApiId: !Ref Shop, Path: /orders, Method: get}}
            Open: {Type: Api, Properties: {RestApiId: !Ref Shop, Path: /menu, Method: get, Auth: {Authorizer: NONE}}}
            """;

    @Test
    void restTokenAuthorizerGuardsEveryRouteButThoseSetToNone() {
        var app = Templates.read(template("AWS::Serverless::Api", """
                StageName: Prod
                Auth:
                  DefaultAuthorizer: Token
                  Authorizers:
                    Token:
                      FunctionArn: !GetAtt Auth.Arn
                      Identity: {Header: X-Token, ValidationExpression: "Bearer .+", ReauthorizeEvery: 60}
                """, REST_EVENTS));

        var api = app.api("Shop").orElseThrow();
        assertThat(api.authorizers())
                .containsExactly(AuthorizerSpec.lambda(
                        "Token",
                        AuthorizerSpec.Kind.LAMBDA_TOKEN,
                        app.function("Auth").orElseThrow(),
                        List.of("method.request.header.X-Token"),
                        "Bearer .+",
                        60,
                        "1.0",
                        false));
        assertThat(api.routes())
                .extracting(RouteSpec::path, RouteSpec::authorizer)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/orders", "Token"),
                        org.assertj.core.groups.Tuple.tuple("/menu", null));
    }

    @Test
    void restRequestAuthorizerReadsHeadersAndQueryStringsWithTheDefaultTtl() {
        var app = Templates.read(template("AWS::Serverless::Api", """
                StageName: Prod
                Auth:
                  DefaultAuthorizer: Request
                  Authorizers:
                    Request:
                      FunctionArn: !GetAtt Auth.Arn
                      FunctionPayloadType: REQUEST
                      Identity: {Headers: [X-User], QueryStrings: [tenant]}
                """, REST_EVENTS));

        var authorizer = app.api("Shop").orElseThrow().authorizers().get(0);
        assertThat(authorizer.kind()).isEqualTo(AuthorizerSpec.Kind.LAMBDA_REQUEST);
        assertThat(authorizer.identitySources())
                .containsExactly("method.request.header.X-User", "method.request.querystring.tenant");
        assertThat(authorizer.ttlSeconds()).isEqualTo(300);
    }

    @Test
    void authorizerWhoseFunctionIsNotInTheTemplateIsRejected() {
        var yaml = template("AWS::Serverless::Api", """
                StageName: Prod
                Auth:
                  Authorizers:
                    Token:
                      FunctionArn: arn:aws:lambda:eu-west-2:123456789012:function:elsewhere
                """, REST_EVENTS);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:20: Resources.Shop.Properties.Auth.Authorizers.Token.FunctionArn: function "
                        + "elsewhere of authorizer Token is not a function of this template in eu-west-2 (expected: "
                        + "the ARN of an AWS::Serverless::Function, such as !GetAtt Fn.Arn)");
    }

    @Test
    void cognitoAuthorizersAreRejected() {
        var yaml = template("AWS::Serverless::Api", """
                StageName: Prod
                Auth:
                  Authorizers:
                    Pool: {UserPoolArn: arn:aws:cognito-idp:eu-west-2:123456789012:userpool/x}
                """, REST_EVENTS);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Auth.Authorizers.Pool.UserPoolArn: is not supported by Regionless");
    }

    @Test
    void httpApiJwtAuthorizerGivesRoutesItsScopesUnlessTheEventSetsItsOwn() {
        var app = Templates.read(template("AWS::Serverless::HttpApi", """
                Auth:
                  DefaultAuthorizer: Jwt
                  Authorizers:
                    Jwt:
                      JwtConfiguration: {issuer: "https://issuer.example", audience: [shop]}
                      AuthorizationScopes: [orders.read]
                """, """
                Read: {Type: HttpApi, Properties: {ApiId: !Ref Shop, Path: /orders, Method: get}}
                Write:
                  Type: HttpApi
                  Properties: {ApiId: !Ref Shop, Path: /orders, Method: post, Auth: {AuthorizationScopes: [orders.write]}}
                """));

        var api = app.api("Shop").orElseThrow();
        assertThat(api.authorizers())
                .containsExactly(AuthorizerSpec.jwt(
                        "Jwt",
                        "$request.header.Authorization",
                        "https://issuer.example",
                        List.of("shop"),
                        List.of("orders.read")));
        assertThat(api.routes())
                .extracting(RouteSpec::authorizationScopes)
                .containsExactly(List.of("orders.read"), List.of("orders.write"));
    }

    @Test
    void jwtAuthorizerWithoutIssuerIsRejectedNamingTheAuthorizer() {
        var yaml = template(
                "AWS::Serverless::HttpApi",
                """
                Auth:
                  Authorizers:
                    Jwt:
                      JwtConfiguration: {audience: [shop]}
                """,
                "Read: {Type: HttpApi, Properties: {ApiId: !Ref Shop, Path: /orders, Method: get}}");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Resources.Shop.Properties.Auth.Authorizers.Jwt.JwtConfiguration.issuer: is "
                        + "missing from JWT authorizer Jwt");
    }

    @Test
    void httpLambdaAuthorizerNeedsItsPayloadFormatVersion() {
        var yaml = template(
                "AWS::Serverless::HttpApi",
                """
                Auth:
                  Authorizers:
                    Lambda: {FunctionArn: !GetAtt Auth.Arn}
                """,
                "Read: {Type: HttpApi, Properties: {ApiId: !Ref Shop, Path: /orders, Method: get}}");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Auth.Authorizers.Lambda.AuthorizerPayloadFormatVersion: is missing");
    }

    @Test
    void httpLambdaAuthorizerWithSimpleResponsesIsRead() {
        var app = Templates.read(template("AWS::Serverless::HttpApi", """
                Auth:
                  Authorizers:
                    Lambda:
                      FunctionArn: !GetAtt Auth.Arn
                      AuthorizerPayloadFormatVersion: 2.0
                      EnableSimpleResponses: true
                      Identity: {Headers: [Authorization], ReauthorizeEvery: 30}
                """, """
                Read:
                  Type: HttpApi
                  Properties: {ApiId: !Ref Shop, Path: /orders, Method: get, Auth: {Authorizer: Lambda}}
                """));

        var authorizer = app.api("Shop").orElseThrow().authorizers().get(0);
        assertThat(authorizer.payloadFormatVersion()).isEqualTo("2.0");
        assertThat(authorizer.simpleResponses()).isTrue();
        assertThat(authorizer.identitySources()).containsExactly("$request.header.Authorization");
        assertThat(authorizer.ttlSeconds()).isEqualTo(30);
        assertThat(app.api("Shop").orElseThrow().routes().get(0).authorizer()).isEqualTo("Lambda");
    }

    @Test
    void scopesOnARouteGuardedByALambdaAuthorizerAreRejected() {
        var yaml = template("AWS::Serverless::HttpApi", """
                Auth:
                  Authorizers:
                    Lambda: {FunctionArn: !GetAtt Auth.Arn, AuthorizerPayloadFormatVersion: "2.0"}
                """, """
                Read:
                  Type: HttpApi
                  Properties:
                    ApiId: !Ref Shop
                    Path: /orders
                    Method: get
                    Auth: {Authorizer: Lambda, AuthorizationScopes: [orders.read]}
                """);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Auth.Authorizer: AuthorizationScopes with Lambda, a Lambda authorizer");
    }
}
