package dev.regionless.testkit.authorizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.regionless.common.Json;
import dev.regionless.testkit.RegionExtension;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A WebSocket API whose $connect route is guarded by a REQUEST authorizer reading the query's token. */
class WebSocketAuthorizerIT {
    @RegisterExtension
    static RegionExtension regions =
            RegionExtension.builder().template(TestTemplates.write("""
                    Transform: AWS::Serverless-2016-10-31
                    Globals:
                      Function: {Runtime: java21, CodeUri: ${jar}, Timeout: 10}
                    Resources:
                      Gate:
                        Type: AWS::Serverless::Function
                        Properties: {Handler: dev.regionless.testfunctions.Authorizer}
                      Probe:
                        Type: AWS::Serverless::Function
                        Properties: {Handler: dev.regionless.testfunctions.WebSocketProbe}
                      Chat:
                        Type: AWS::ApiGatewayV2::Api
                        Properties:
                          Name: chat
                          ProtocolType: WEBSOCKET
                          RouteSelectionExpression: $request.body.action
                      Token:
                        Type: AWS::ApiGatewayV2::Authorizer
                        Properties:
                          ApiId: !Ref Chat
                          Name: token
                          AuthorizerType: REQUEST
                          AuthorizerUri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Gate.Arn}/invocations"
                          IdentitySource: [route.request.querystring.token]
                      ProbeIntegration:
                        Type: AWS::ApiGatewayV2::Integration
                        Properties:
                          ApiId: !Ref Chat
                          IntegrationType: AWS_PROXY
                          IntegrationUri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Probe.Arn}/invocations"
                      ConnectRoute:
                        Type: AWS::ApiGatewayV2::Route
                        Properties:
                          ApiId: !Ref Chat
                          RouteKey: $connect
                          AuthorizationType: CUSTOM
                          AuthorizerId: !Ref Token
                          Target: !Sub "integrations/${ProbeIntegration}"
                      DescribeRoute:
                        Type: AWS::ApiGatewayV2::Route
                        Properties:
                          ApiId: !Ref Chat
                          RouteKey: describe
                          Target: !Sub "integrations/${ProbeIntegration}"
                      Live:
                        Type: AWS::ApiGatewayV2::Stage
                        Properties: {ApiId: !Ref Chat, StageName: live}
                    """)).build();

    @Test
    void deniedConnectionFailsTheHandshakeWith403() {
        var error = connectError("?token=deny");

        assertThat(error).isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) error).getResponse().statusCode())
                .isEqualTo(403);
    }

    @Test
    void connectionWithoutTheIdentitySourceFailsWith401() {
        var error = connectError("");

        assertThat(((WebSocketHandshakeException) error).getResponse().statusCode())
                .isEqualTo(401);
    }

    @Test
    void failingAuthorizerFailsTheHandshakeWith500() {
        var error = connectError("?token=fail");

        assertThat(((WebSocketHandshakeException) error).getResponse().statusCode())
                .isEqualTo(500);
    }

    @Test
    void allowedConnectionOpensAndItsEventsCarryTheAuthorizerContext() throws Exception {
        var listener = new Replies();
        // $connect refuses with 418 unless its own event carries the authorizer's user.
        var socket = client().buildAsync(url("?token=allow&expectUser=alice"), listener)
                .get(10, TimeUnit.SECONDS);

        socket.sendText("{\"action\":\"describe\"}", true).get(10, TimeUnit.SECONDS);
        var described = Json.mapper().readTree(listener.next.get(10, TimeUnit.SECONDS));

        assertThat(described.path("routeKey").asText()).isEqualTo("describe");
        assertThat(described.path("authorizerUser").asText()).isEqualTo("alice");
        assertThat(described.path("principalId").asText()).isEqualTo("alice");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
    }

    private static Throwable connectError(String query) {
        var thrown = catchThrowable(
                () -> client().buildAsync(url(query), new Replies()).get(10, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        return thrown.getCause();
    }

    private static WebSocket.Builder client() {
        return java.net.http.HttpClient.newHttpClient().newWebSocketBuilder();
    }

    private static URI url(String query) {
        return URI.create(regions.region("eu-west-2").endpoints().websocket() + query);
    }

    /** Collects the first text message. */
    private static final class Replies implements WebSocket.Listener {
        final CompletableFuture<String> next = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                next.complete(text.toString());
            }
            webSocket.request(1);
            return null;
        }
    }
}
