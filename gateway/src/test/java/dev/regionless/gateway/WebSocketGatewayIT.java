package dev.regionless.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionless.gateway.testing.FakeFunctions;
import dev.regionless.gateway.testing.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket port in front of a scripted function runtime, seen through a frame-level Vert.x client: limits,
 * timeouts and the {@code @connections} API on the port itself.
 */
class WebSocketGatewayIT {
    private static final FakeFunctions FUNCTIONS = new FakeFunctions();
    private static final MutableClock CLOCK = MutableClock.atExampleTime();
    private static Vertx vertx;
    private static WebSocketGateway gateway;
    private static WebSocketClient client;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final WebSocketApiDefinition API = WebSocketApiDefinition.of(
            "api1", "Prod", Map.of("$connect", "Connect", "$disconnect", "Disconnect", "$default", "Default"));
    private static final WebSocketApiDefinition OPEN =
            WebSocketApiDefinition.of("api2", "open", Map.of("$default", "Default"));

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        var config = GatewayConfig.defaults("eu-west-2")
                .withClock(CLOCK)
                .withIntegrationTimeout(Duration.ofMillis(500))
                .withWebSocketLimits(new WebSocketLimits(Duration.ofHours(1), Duration.ofHours(2)));
        gateway = WebSocketGateway.start(vertx, "127.0.0.1", 0, config, FUNCTIONS);
        gateway.deploy(List.of(API, OPEN));
        client = vertx.createWebSocketClient();
        FUNCTIONS.returning("Connect", "null");
        FUNCTIONS.returning("Disconnect", "{}");
        FUNCTIONS.define("Default", event -> {
            var body = FakeFunctions.jsonField(event, "body");
            if (body.equals("slow")) {
                sleep(2000);
            }
            return FUNCTIONS.completed("{\"statusCode\":200}");
        });
    }

    @AfterAll
    static void stop() {
        gateway.close();
        vertx.close().await();
    }

    @Test
    void connectFunctionAnsweringNullAcceptsTheConnection() {
        var socket = connect(API);

        assertThat(socket.socket.isClosed()).isFalse();
        assertThat(FUNCTIONS.invocations().stream().map(FakeFunctions.Invocation::functionName))
                .contains("Connect");
    }

    @Test
    void apiWithoutConnectRouteAcceptsEveryone() {
        var socket = connect(OPEN);

        assertThat(socket.socket.isClosed()).isFalse();
    }

    @Test
    void frameOf32KbIsAcceptedAndOneByteMoreClosesWith1009() {
        var socket = connect(OPEN);

        socket.socket
                .writeFrame(WebSocketFrame.textFrame("x".repeat(32 * 1024), true))
                .await();
        await().until(() -> lastDefaultBodyLength() == 32 * 1024);
        socket.socket.writeFrame(WebSocketFrame.textFrame("x".repeat(32 * 1024 + 1), true));

        assertThat(socket.closeCode()).isEqualTo((short) 1009);
    }

    @Test
    void binaryFrameClosesWith1003() {
        var socket = connect(OPEN);

        socket.socket.writeFrame(WebSocketFrame.binaryFrame(Buffer.buffer(new byte[] {1, 2, 3}), true));

        assertThat(socket.closeCode()).isEqualTo((short) 1003);
    }

    @Test
    void connectionOpenForItsMaximumDurationIsClosedWith1001EvenWhenActive() {
        var socket = connect(OPEN);

        CLOCK.advance(Duration.ofMinutes(59));
        socket.socket.writeTextMessage("still here");
        await().until(() -> "still here".equals(lastDefaultBody()));
        CLOCK.advance(Duration.ofMinutes(61));

        assertThat(socket.closeCode()).isEqualTo((short) 1001);
    }

    @Test
    void functionSlowerThanTheIntegrationTimeoutIsAnsweredEndpointRequestTimedOut() {
        var socket = connect(OPEN);

        socket.socket.writeTextMessage("slow");

        assertThat(socket.nextMessage()).startsWith("{\"message\": \"Endpoint request timed out\", \"connectionId\":");
    }

    @Test
    void clientCloseRunsDisconnectWithTheClientsCode() {
        var socket = connect(API);

        socket.socket.close((short) 4000, "bye");

        await().untilAsserted(() -> {
            var disconnect = FUNCTIONS.invocations().stream()
                    .filter(i -> i.functionName().equals("Disconnect"))
                    .filter(i ->
                            i.json().at("/requestContext/disconnectStatusCode").asInt() == 4000)
                    .toList();
            assertThat(disconnect).hasSize(1);
            assertThat(disconnect.get(0).json().at("/requestContext/eventType").asText())
                    .isEqualTo("DISCONNECT");
        });
    }

    @Test
    void connectionsApiOnTheWebSocketPortSendsDataThatIsNotUtf8AsABinaryMessage() throws Exception {
        var socket = connect(OPEN);
        var id = connectionIdOf(socket);

        var response = post("/open/@connections/" + id.replace("=", "%3D"), new byte[] {(byte) 0xff, 0x00});

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(socket.binary.poll(10, TimeUnit.SECONDS)).isEqualTo(new byte[] {(byte) 0xff, 0x00});
    }

    @Test
    void connectionsApiRefusesDataOver128KbWithPayloadTooLarge() {
        var id = connectionIdOf(connect(OPEN));

        var response = post("/open/@connections/" + id, new byte[128 * 1024 + 1]);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("PayloadTooLargeException");
    }

    @Test
    void connectionsApiUnderAStageNoApiHasIsForbidden() {
        var response = post("/nostage/@connections/abc%3D", new byte[] {1});

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ForbiddenException");
    }

    private static TestSocket connect(WebSocketApiDefinition api) {
        var uri = gateway.url(api);
        var options = new WebSocketConnectOptions()
                .setHost(uri.getHost())
                .setPort(uri.getPort())
                .setURI(uri.getPath());
        var socket = new TestSocket();
        try {
            socket.socket = client.connect(options)
                    .onSuccess(ws -> {
                        ws.textMessageHandler(socket.text::add);
                        ws.binaryMessageHandler(data -> socket.binary.add(data.getBytes()));
                        ws.closeHandler(ignored -> socket.closed.complete(ws.closeStatusCode()));
                    })
                    .await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no handshake within 10 s", e);
        }
        return socket;
    }

    // The id the gateway gave the connection, as its function sees it.
    private static String connectionIdOf(TestSocket socket) {
        var marker = "whoami-" + java.util.UUID.randomUUID();
        socket.socket.writeTextMessage(marker);
        await().until(() -> marker.equals(lastDefaultBody()));
        return FUNCTIONS.invocations().stream()
                .filter(i -> marker.equals(i.json().path("body").asText()))
                .findFirst()
                .orElseThrow()
                .json()
                .at("/requestContext/connectionId")
                .asText();
    }

    private static HttpResponse<String> post(String path, byte[] body) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://" + gateway.domainName() + path))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String lastDefaultBody() {
        return FUNCTIONS.invocations().stream()
                .filter(i -> i.functionName().equals("Default"))
                .reduce((first, second) -> second)
                .map(i -> i.json().path("body").asText())
                .orElse("");
    }

    private static int lastDefaultBodyLength() {
        return lastDefaultBody().length();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One client connection and what it received. */
    private static final class TestSocket {
        WebSocket socket;
        final BlockingQueue<String> text = new LinkedBlockingQueue<>();
        final BlockingQueue<byte[]> binary = new LinkedBlockingQueue<>();
        final CompletableFuture<Short> closed = new CompletableFuture<>();

        String nextMessage() {
            try {
                var message = text.poll(10, TimeUnit.SECONDS);
                assertThat(message).as("a message within 10 s").isNotNull();
                return message;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        Short closeCode() {
            return closed.orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
