package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WebSocketApiTest {

    /**
     * Function Hello, a WebSocket API {@code Chat} with {@code apiProperties}, a $connect route to Hello through
     * integration {@code Connect}, and a stage {@code live}; then {@code extra} resources. {@code Chat}'s properties
     * start on line 12.
     */
    private static String template(String apiProperties, String extra) {
        return Templates.hello("") + """
                  Chat:
                    Type: AWS::ApiGatewayV2::Api
                    Properties:
                """ + apiProperties.stripIndent().indent(6) + """
                  ConnectRoute:
                    Type: AWS::ApiGatewayV2::Route
                    Properties:
                      ApiId: !Ref Chat
                      RouteKey: $connect
                      Target: !Sub "integrations/${Connect}"
                  Connect:
                    Type: AWS::ApiGatewayV2::Integration
                    Properties:
                      ApiId: !Ref Chat
                      IntegrationType: AWS_PROXY
                      IntegrationUri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Hello.Arn}/invocations"
                  Live:
                    Type: AWS::ApiGatewayV2::Stage
                    Properties:
                      ApiId: !Ref Chat
                      StageName: live
                """
                + extra.stripIndent().indent(2);
    }

    private static final String CHAT = """
            Name: chat
            ProtocolType: WEBSOCKET
            RouteSelectionExpression: $request.body.action
            """;

    private static String template(String extra) {
        return template(CHAT, extra);
    }

    private static void assertRejected(String yaml, String message) {
        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage(message);
    }

    @Test
    void routeInvokesTheFunctionNamedInItsIntegrationsUri() {
        var api = Templates.read(template("")).webSocketApi("Chat").orElseThrow();

        assertThat(api.name()).isEqualTo("chat");
        assertThat(api.stageName()).isEqualTo("live");
        assertThat(api.routes()).containsExactly(new WebSocketRouteSpec("$connect", "Hello", "Hello"));
        assertThat(api.route("$connect")).isPresent();
        assertThat(api.route("$default")).isEmpty();
    }

    @Test
    void targetWrittenWithJoinAndUriAsAPlainFunctionArnAreAccepted() {
        var yaml = template("""
                SendRoute:
                  Type: AWS::ApiGatewayV2::Route
                  Properties:
                    ApiId: !Ref Chat
                    RouteKey: send
                    Target: !Join ["/", [integrations, !Ref Send]]
                Send:
                  Type: AWS::ApiGatewayV2::Integration
                  Properties:
                    ApiId: !Ref Chat
                    IntegrationType: AWS_PROXY
                    IntegrationUri: !GetAtt Hello.Arn
                """);

        var api = Templates.read(yaml).webSocketApi("Chat").orElseThrow();

        assertThat(api.route("send")).contains(new WebSocketRouteSpec("send", "Hello", "Hello"));
    }

    @Test
    void routeSelectionPathIsTheJsonPathAfterRequestBody() {
        var yaml = template(CHAT.replace("$request.body.action", "$request.body.meta.type"), "");

        var api = Templates.read(yaml).webSocketApi("Chat").orElseThrow();

        assertThat(api.routeSelectionPath()).containsExactly("meta", "type");
    }

    @Test
    void refAndApiIdGiveTheApiIdAndApiEndpointHasAwsShapeWithoutAnEndpoint() {
        var yaml = template("").replace("CodeUri: hello\n", """
                CodeUri: hello
                      Environment:
                        Variables:
                          ID: !Ref Chat
                          API_ID: !GetAtt Chat.ApiId
                          URL: !GetAtt Chat.ApiEndpoint
                """);

        var app = Templates.read(yaml);

        var id = app.webSocketApi("Chat").orElseThrow().apiId();
        assertThat(id).matches("[a-z0-9]{10}");
        assertThat(app.function("Hello").orElseThrow().environment())
                .containsEntry("ID", id)
                .containsEntry("API_ID", id)
                .containsEntry("URL", "wss://" + id + ".execute-api.eu-west-2.amazonaws.com");
    }

    @Test
    void apiEndpointIsTheContextsWebSocketEndpoint() {
        var yaml = template("").replace("CodeUri: hello\n", """
                CodeUri: hello
                      Environment: {Variables: {URL: !GetAtt Chat.ApiEndpoint}}
                """);
        var context = TemplateContext.of("eu-west-2").withWebSocketEndpoint(URI.create("ws://127.0.0.1:9000/"));

        var app = Templates.read(yaml, context);

        assertThat(app.function("Hello").orElseThrow().environment()).containsEntry("URL", "ws://127.0.0.1:9000");
    }

    @Test
    void stageThrottlesAreRead() {
        var yaml = template("").replace("      StageName: live\n", """
                      StageName: live
                      DefaultRouteSettings: {ThrottlingRateLimit: 50, ThrottlingBurstLimit: 10}
                      RouteSettings:
                        $connect: {ThrottlingRateLimit: 5}
                """);

        var api = Templates.read(yaml).webSocketApi("Chat").orElseThrow();

        assertThat(api.defaultThrottle()).isEqualTo(new ThrottleSpec(50, 10));
        assertThat(api.routeThrottles()).containsEntry("$connect", new ThrottleSpec(5, 10));
    }

    @Test
    void deploymentAndLambdaPermissionAreAccepted() {
        var yaml = template("""
                Deployment:
                  Type: AWS::ApiGatewayV2::Deployment
                  DependsOn: ConnectRoute
                  Properties: {ApiId: !Ref Chat}
                Permission:
                  Type: AWS::Lambda::Permission
                  Properties: {Action: lambda:InvokeFunction, FunctionName: !Ref Hello, Principal: apigateway.amazonaws.com}
                """)
                .replace("      StageName: live\n", "      StageName: live\n      DeploymentId: !Ref Deployment\n");

        var app = Templates.read(yaml);

        assertThat(app.webSocketApis()).hasSize(1);
        assertThat(app.warnings())
                .containsExactly("template.yaml:38: Resources.Permission.Type: AWS::Lambda::Permission is ignored "
                        + "(Regionless does not enforce IAM)");
    }

    @Test
    void harmlessPropertiesAreWarnedAbout() {
        var yaml = template(CHAT + "ApiKeySelectionExpression: $request.header.x-api-key\n", "")
                .replace(
                        "      RouteKey: $connect\n",
                        "      RouteKey: $connect\n      RouteResponseSelectionExpression: $default\n");

        var app = Templates.read(yaml);

        assertThat(app.warnings())
                .containsExactly(
                        "template.yaml:15: Resources.Chat.Properties.ApiKeySelectionExpression: is ignored (API keys "
                                + "are not checked)",
                        "template.yaml:21: Resources.ConnectRoute.Properties.RouteResponseSelectionExpression: is "
                                + "ignored (route responses are not supported: the function's result is not sent "
                                + "back to the client; reply through the @connections API)");
    }

    @Test
    void httpProtocolIsRejectedBecauseHttpApisComeFromSam() {
        assertRejected(
                template(CHAT.replace("WEBSOCKET", "HTTP"), ""),
                "template.yaml:13: Resources.Chat.Properties.ProtocolType: HTTP is not supported on "
                        + "AWS::ApiGatewayV2::Api (expected: WEBSOCKET; declare HTTP APIs as AWS::Serverless::HttpApi)");
    }

    @Test
    void routeSelectionExpressionOutsideTheBodyIsRejected() {
        assertRejected(
                template(CHAT.replace("$request.body.action", "$request.header.action"), ""),
                "template.yaml:14: Resources.Chat.Properties.RouteSelectionExpression: $request.header.action "
                        + "(expected: $request.body. followed by a JSON path, such as $request.body.action)");
    }

    @Test
    void routeTargetingNoIntegrationIsRejected() {
        assertRejected(
                template("").replace("integrations/${Connect}", "integrations/${Hello}"),
                "template.yaml:20: Resources.ConnectRoute.Properties.Target: integrations/Hello is not an integration "
                        + "of this template (expected: integrations/ followed by the Ref of an "
                        + "AWS::ApiGatewayV2::Integration)");
    }

    @Test
    void integrationNamingAFunctionOutsideTheTemplateIsRejected() {
        assertRejected(
                template("").replace("${Hello.Arn}", "arn:aws:lambda:eu-west-2:123456789012:function:Elsewhere"),
                "template.yaml:26: Resources.Connect.Properties.IntegrationUri: function Elsewhere is not a function "
                        + "of this template in eu-west-2 (expected: the ARN of an AWS::Serverless::Function, such as "
                        + "${Function.Arn})");
    }

    @Test
    void integrationTypeOtherThanAwsProxyIsRejected() {
        assertRejected(
                template("").replace("IntegrationType: AWS_PROXY", "IntegrationType: MOCK"),
                "template.yaml:25: Resources.Connect.Properties.IntegrationType: MOCK is not supported by Regionless "
                        + "(expected: AWS_PROXY, a Lambda proxy integration)");
    }

    @Test
    void authorizationTypeOtherThanNoneIsRejected() {
        assertRejected(
                template("")
                        .replace(
                                "      RouteKey: $connect\n",
                                "      RouteKey: $connect\n      AuthorizationType: AWS_IAM\n"),
                "template.yaml:20: Resources.ConnectRoute.Properties.AuthorizationType: AWS_IAM (expected: NONE or "
                        + "CUSTOM; IAM authorization is not enforced)");
    }

    @Test
    void twoRoutesWithOneKeyAreRejected() {
        assertRejected(
                template("""
                        AgainRoute:
                          Type: AWS::ApiGatewayV2::Route
                          Properties: {ApiId: !Ref Chat, RouteKey: $connect, Target: !Sub "integrations/${Connect}"}
                        """),
                "template.yaml:34: Resources.AgainRoute.Properties.RouteKey: route $connect of Chat is already "
                        + "declared at line 19 (expected: one route per route key)");
    }

    @Test
    void secondStageOfAnApiIsRejected() {
        assertRejected(
                template("""
                        Test:
                          Type: AWS::ApiGatewayV2::Stage
                          Properties: {ApiId: !Ref Chat, StageName: test}
                        """),
                "template.yaml:34: Resources.Test.Properties.ApiId: Chat already has stage live (expected: one "
                        + "AWS::ApiGatewayV2::Stage per WebSocket API)");
    }

    @Test
    void apiWithoutStageIsRejected() {
        var yaml = template("").replace("""
                  Live:
                    Type: AWS::ApiGatewayV2::Stage
                    Properties:
                      ApiId: !Ref Chat
                      StageName: live
                """, "");

        assertRejected(
                yaml,
                "template.yaml:9: Resources.Chat: has no AWS::ApiGatewayV2::Stage (expected: one stage with ApiId: "
                        + "!Ref Chat; clients connect to it)");
    }

    @Test
    void routeOfAnApiThatIsNotDeclaredIsRejected() {
        assertRejected(
                template("")
                        .replace(
                                "  ConnectRoute:\n    Type: AWS::ApiGatewayV2::Route\n    Properties:\n      ApiId: !Ref Chat",
                                "  ConnectRoute:\n    Type: AWS::ApiGatewayV2::Route\n    Properties:\n      ApiId: !Ref Hello"),
                "template.yaml:18: Resources.ConnectRoute.Properties.ApiId: Hello is not an AWS::ApiGatewayV2::Api "
                        + "(expected: !Ref to an AWS::ApiGatewayV2::Api of this template)");
    }

    private static final String AUTHORIZER = """
            Gate:
              Type: AWS::ApiGatewayV2::Authorizer
              Properties:
                ApiId: !Ref Chat
                Name: gate
                AuthorizerType: REQUEST
                AuthorizerUri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Hello.Arn}/invocations"
                IdentitySource: [route.request.querystring.token]
            """;

    @Test
    void connectRouteWithCustomAuthorizationUsesTheApisAuthorizer() {
        var yaml = template(AUTHORIZER)
                .replace(
                        "      RouteKey: $connect\n",
                        "      RouteKey: $connect\n      AuthorizationType: CUSTOM\n      AuthorizerId: !Ref Gate\n");

        var api = Templates.read(yaml).webSocketApi("Chat").orElseThrow();

        assertThat(api.connectAuthorizer().name()).isEqualTo("gate");
        assertThat(api.connectAuthorizer().functionName()).isEqualTo("Hello");
        assertThat(api.connectAuthorizer().identitySources()).containsExactly("route.request.querystring.token");
    }

    @Test
    void customAuthorizationOnAnotherRouteThanConnectIsRejected() {
        var yaml = template(AUTHORIZER + """
                SendRoute:
                  Type: AWS::ApiGatewayV2::Route
                  Properties:
                    ApiId: !Ref Chat
                    RouteKey: send
                    AuthorizationType: CUSTOM
                    AuthorizerId: !Ref Gate
                    Target: !Sub "integrations/${Connect}"
                """);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("SendRoute.Properties.AuthorizationType: CUSTOM on route send (expected: "
                        + "authorizers only on the $connect route, as on AWS)");
    }
}
