package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.common.MutableClock;
import dev.regionless.functions.FunctionConfig;
import dev.regionless.gateway.WebSocketApiDefinition;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * WebSocket APIs of a region, end to end: a JDK WebSocket client in front, the real function runtime behind it
 * running {@code WebSocketProbe}, which answers through {@code @connections} with the AWS SDK as on AWS.
 */
class WebSocketApiIT {
    @TempDir
    static Path folder;

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
    static RegionSet regions;
    static RegionNode region;

    static final WebSocketApiDefinition CHAT = WebSocketApiDefinition.of(
            "chatapi001",
            "chat",
            Map.of(
                    "$connect", "WsProbe",
                    "$disconnect", "WsDisconnect",
                    "$default", "WsProbe",
                    "describe", "WsProbe",
                    "info", "WsProbe",
                    "kick", "WsProbe",
                    "fail", "WsProbe",
                    "slow", "WsProbe"));

    // No $connect, no $default: a message with another action goes nowhere.
    static final WebSocketApiDefinition BARE =
            WebSocketApiDefinition.of("bareapi001", "bare", Map.of("describe", "WsProbe"));

    @BeforeAll
    static void start() {
        regions = RegionSet.start(
                folder.resolve("data"), List.of("eu-west-2", "us-west-2"), config -> config.withClock(CLOCK));
        for (var node : regions.regions()) {
            var jar = TestApps.testFunctionsJar();
            var handler = "dev.regionless.testfunctions.WebSocketProbe::handleRequest";
            node.functions()
                    .deploy(List.of(
                            FunctionConfig.of("WsProbe", handler, jar).withTimeout(Duration.ofSeconds(20)),
                            FunctionConfig.of("WsDisconnect", handler, jar).withTimeout(Duration.ofSeconds(20))));
            node.deployWebSocketApis(List.of(CHAT, BARE));
        }
        region = regions.region("eu-west-2");
    }

    @AfterAll
    static void stop() {
        regions.close();
    }

    @Test
    void messageRoutedByActionReachesAHandlerThatSeesEveryFieldOfTheEvent() throws Exception {
        try (var client = connect(CHAT)) {
            var sent = "{\"action\":\"describe\",\"n\":1}";

            client.send(sent);
            var event = json(client.nextMessage());

            assertThat(event.get("routeKey").asText()).isEqualTo("describe");
            assertThat(event.get("eventType").asText()).isEqualTo("MESSAGE");
            assertThat(event.get("messageDirection").asText()).isEqualTo("IN");
            assertThat(event.get("body").asText()).isEqualTo(sent);
            assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
            assertThat(event.get("connectionId").asText()).matches("[A-Za-z0-9]{15}=");
            assertThat(event.get("messageId").asText()).matches("[A-Za-z0-9+/]{15}=");
            assertThat(event.get("requestId").asText()).isNotBlank();
            assertThat(event.get("extendedRequestId").asText())
                    .isEqualTo(event.get("requestId").asText());
            assertThat(event.get("domainName").asText())
                    .isEqualTo(region.webSocketGateway().domainName());
            assertThat(event.get("stage").asText()).isEqualTo("chat");
            assertThat(event.get("apiId").asText()).isEqualTo("chatapi001");
            assertThat(event.get("sourceIp").asText()).isEqualTo("127.0.0.1");
            assertThat(event.get("userAgent").asText()).isEqualTo("websocket-test/1.0");
            assertThat(event.get("connectedAt").asLong()).isEqualTo(CLOCK.millis());
            assertThat(event.get("requestTimeEpoch").asLong()).isEqualTo(CLOCK.millis());
            assertThat(event.get("requestTime").asText()).endsWith("+0000");
        }
    }

    @Test
    void connectFunctionAnsweringANon2xxStatusRefusesTheHandshakeWithThatStatus() {
        var status = WebSocketTestClient.refusedStatus(url(CHAT, "?status=401"));

        assertThat(status).isEqualTo(401);
    }

    @Test
    void connectFunctionThatFailsRefusesTheHandshakeWith502() {
        var status = WebSocketTestClient.refusedStatus(url(CHAT, "?fail=yes"));

        assertThat(status).isEqualTo(502);
    }

    @Test
    void unknownStageRefusesTheHandshakeWith403() {
        var status = WebSocketTestClient.refusedStatus(
                URI.create(region.webSocketGateway().uri() + "/nostage"));

        assertThat(status).isEqualTo(403);
    }

    @Test
    void messageThatIsNotJsonOrMatchesNoRouteGoesToDefault() {
        try (var client = connect(CHAT)) {
            client.send("hello");
            client.send("{\"action\":\"unknown\"}");

            assertThat(client.nextMessage()).isEqualTo("$default:hello");
            assertThat(client.nextMessage()).isEqualTo("$default:{\"action\":\"unknown\"}");
        }
    }

    @Test
    void messageMatchingNoRouteOfAnApiWithoutDefaultIsAnsweredForbidden() {
        try (var client = connect(BARE)) {
            var connectionId = connectionIdOf(client);

            client.send("{\"action\":\"unknown\"}");

            assertThat(client.nextMessage())
                    .matches("\\{\"message\": \"Forbidden\", \"connectionId\":\"" + quote(connectionId)
                            + "\", \"requestId\":\"[A-Za-z0-9+/]{15}=\"}");
        }
    }

    @Test
    void failingFunctionIsAnsweredInternalServerError() {
        try (var client = connect(CHAT)) {
            client.send("{\"action\":\"fail\"}");

            assertThat(client.nextMessage())
                    .matches("\\{\"message\": \"Internal server error\", \"connectionId\":\"[^\"]+\","
                            + " \"requestId\":\"[^\"]+\"}");
        }
    }

    @Test
    void messagesOfOneConnectionAreHandledInOrder() {
        try (var client = connect(CHAT)) {
            client.send("{\"action\":\"slow\",\"millis\":700,\"n\":1}");
            client.send("{\"action\":\"slow\",\"millis\":0,\"n\":2}");

            assertThat(client.nextMessage()).contains("\"n\":1");
            assertThat(client.nextMessage()).contains("\"n\":2");
        }
    }

    @Test
    void slowFunctionOfOneConnectionDoesNotHoldUpAnother() {
        try (var slow = connect(CHAT);
                var quick = connect(CHAT)) {
            slow.send("{\"action\":\"slow\",\"millis\":6000,\"n\":1}");

            quick.send("quick");

            assertThat(quick.nextMessage()).isEqualTo("$default:quick");
            assertThat(slow.pendingMessage()).isNull();
            assertThat(slow.nextMessage()).contains("\"n\":1");
        }
    }

    @Test
    void messageSentInFramesIsJoinedUpTo128Kb() {
        try (var client = connect(CHAT)) {
            var part = "x".repeat(30_000);

            client.sendInFrames(part, part, part, part);

            assertThat(client.nextMessage()).isEqualTo("$default:" + part.repeat(4));
        }
    }

    @Test
    void messageOver128KbClosesTheConnectionWith1009() {
        var client = connect(CHAT);
        var part = "x".repeat(30_000);

        client.sendInFrames(part, part, part, part, part);

        assertThat(client.awaitClose().code()).isEqualTo(1009);
    }

    @Test
    void connectionIdleForTenMinutesIsClosedWith1001AndDisconnectRuns() {
        var client = connect(CHAT);
        var connectionId = connectionIdOf(client);

        CLOCK.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThat(client.awaitClose().code()).isEqualTo(1001);
        awaitDisconnectLogged(connectionId);
    }

    @Test
    void connectionsApiThroughTheSdkSendsDescribesAndDeletes() {
        var client = connect(CHAT);
        var connectionId = connectionIdOf(client);
        try (var connections = connectionsClient(
                URI.create("http://" + region.webSocketGateway().domainName() + "/chat"))) {

            connections.postToConnection(r -> r.connectionId(connectionId).data(SdkBytes.fromUtf8String("pushed")));
            var info = connections.getConnection(r -> r.connectionId(connectionId));
            connections.deleteConnection(r -> r.connectionId(connectionId));

            assertThat(client.nextMessage()).isEqualTo("pushed");
            assertThat(info.connectedAt()).isEqualTo(Instant.ofEpochMilli(CLOCK.millis()));
            assertThat(info.lastActiveAt()).isEqualTo(Instant.ofEpochMilli(CLOCK.millis()));
            assertThat(info.identity().sourceIp()).isEqualTo("127.0.0.1");
            assertThat(info.identity().userAgent()).isEqualTo("websocket-test/1.0");
            assertThat(client.awaitClose().code()).isEqualTo(1000);
            assertThatThrownBy(() -> connections.getConnection(r -> r.connectionId(connectionId)))
                    .isInstanceOfSatisfying(
                            GoneException.class, e -> assertThat(e.statusCode()).isEqualTo(410));
            awaitDisconnectLogged(connectionId);
        }
    }

    @Test
    void connectionsApiIsAlsoServedOnTheServicePort() {
        try (var client = connect(CHAT);
                var connections =
                        connectionsClient(URI.create(region.endpoints().service() + "/chat"))) {
            var connectionId = connectionIdOf(client);

            connections.postToConnection(
                    r -> r.connectionId(connectionId).data(SdkBytes.fromUtf8String("via service")));

            assertThat(client.nextMessage()).isEqualTo("via service");
        }
    }

    @Test
    void functionDescribesAndDeletesItsOwnConnectionThroughTheSdk() throws Exception {
        var client = connect(CHAT);
        var connectionId = connectionIdOf(client);

        client.send("{\"action\":\"info\"}");
        var info = json(client.nextMessage());
        client.send("{\"action\":\"kick\"}");

        assertThat(info.get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(info.get("userAgent").asText()).isEqualTo("websocket-test/1.0");
        assertThat(client.awaitClose().code()).isEqualTo(1000);
        awaitDisconnectLogged(connectionId);
    }

    @Test
    void unknownConnectionIdIsGone() {
        try (var connections = connectionsClient(
                URI.create("http://" + region.webSocketGateway().domainName() + "/chat"))) {

            assertThatThrownBy(() -> connections.postToConnection(
                            r -> r.connectionId("AAAAAAAAAAAAAAA=").data(SdkBytes.fromUtf8String("x"))))
                    .isInstanceOfSatisfying(
                            GoneException.class, e -> assertThat(e.statusCode()).isEqualTo(410));
        }
    }

    @Test
    void connectionOfAnotherRegionIsUnknownHere() {
        var other = regions.region("us-west-2");
        try (var client = connect(CHAT);
                var connections = connectionsClient(
                        URI.create("http://" + other.webSocketGateway().domainName() + "/chat"))) {
            var connectionId = connectionIdOf(client);

            assertThatThrownBy(() -> connections.getConnection(r -> r.connectionId(connectionId)))
                    .isInstanceOf(GoneException.class);
        }
    }

    @Test
    void disconnectRunsOnceWhenTheClientCloses() {
        var client = connect(CHAT);
        var connectionId = connectionIdOf(client);

        client.close();

        awaitDisconnectLogged(connectionId);
        assertThat(disconnectLines(connectionId)).hasSize(1);
    }

    @Test
    void endpointsNameTheFirstWebSocketApiWithItsStage() throws Exception {
        var endpoints = region.endpoints();

        EndpointsFile.publish(folder.resolve("endpoints"), Map.of(region.name(), endpoints));

        assertThat(endpoints.websocket())
                .isEqualTo(URI.create(region.webSocketGateway().uri() + "/chat"));
        assertThat(EndpointsFile.read(folder.resolve("endpoints"))
                        .at("/regions/eu-west-2/websocket")
                        .asText())
                .isEqualTo(endpoints.websocket().toString());
    }

    private static WebSocketTestClient connect(WebSocketApiDefinition api) {
        return WebSocketTestClient.connect(url(api, ""));
    }

    private static URI url(WebSocketApiDefinition api, String query) {
        return URI.create(region.webSocketGateway().url(api) + query);
    }

    private static String connectionIdOf(WebSocketTestClient client) {
        client.send("{\"action\":\"describe\"}");
        try {
            return json(client.nextMessage()).get("connectionId").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    private static String quote(String text) {
        return java.util.regex.Pattern.quote(text);
    }

    private static void awaitDisconnectLogged(String connectionId) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !disconnectLines(connectionId).isEmpty());
    }

    private static List<String> disconnectLines(String connectionId) {
        return region.functions().logs("WsDisconnect", 0, 10_000).stream()
                .map(line -> line.message())
                .filter(message -> message.contains("DISCONNECT " + connectionId + " DISCONNECT"))
                .toList();
    }

    private static ApiGatewayManagementApiClient connectionsClient(URI endpoint) {
        return ApiGatewayManagementApiClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region.name()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
