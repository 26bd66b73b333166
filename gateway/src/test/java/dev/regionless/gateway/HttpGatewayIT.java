package dev.regionless.gateway;

import static dev.regionless.gateway.testing.Apis.http;
import static dev.regionless.gateway.testing.Apis.rest;
import static dev.regionless.gateway.testing.Apis.throttled;
import static dev.regionless.gateway.testing.Apis.v1;
import static dev.regionless.gateway.testing.Apis.v2;
import static dev.regionless.gateway.testing.Apis.withCors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.gateway.testing.FakeFunctions;
import dev.regionless.gateway.testing.GatewayServer;
import dev.regionless.gateway.testing.MutableClock;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway behind a real Vert.x server, called over HTTP, with functions scripted per test. */
class HttpGatewayIT {
    private static final String OK_V1 = "{\"statusCode\":200,\"body\":\"ok\"}";
    private static final MutableClock CLOCK = MutableClock.atExampleTime();
    private static final FakeFunctions FUNCTIONS = new FakeFunctions();
    private static final HttpGateway GATEWAY =
            new HttpGateway(GatewayConfig.defaults("eu-west-2").withClock(CLOCK), FUNCTIONS);
    private static GatewayServer server;

    @BeforeAll
    static void startServer() {
        server = GatewayServer.start(GATEWAY);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void deployNothing() {
        GATEWAY.deploy(List.of());
    }

    @Test
    void restApiIsServedUnderItsStagePrefix() {
        GATEWAY.deploy(List.of(rest("Prod", v1("GET /hello", "hello"))));
        FUNCTIONS.returning("hello", "{\"statusCode\":200,\"body\":\"Hello, Prod\"}");

        var response = server.get("/Prod/hello");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Hello, Prod");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    }

    @Test
    void pathWithoutAKnownStageFindsNoApi() {
        GATEWAY.deploy(List.of(rest("Prod", v1("GET /hello", "hello"))));

        var response = server.get("/hello");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void pathParametersReachTheFunctionDecoded() {
        GATEWAY.deploy(List.of(rest("Prod", v1("GET /users/{name}", "user"))));
        FUNCTIONS.returning("user", OK_V1);

        server.get("/Prod/users/J%C3%BCrgen%20M");

        assertThat(FUNCTIONS.lastEvent().get("pathParameters").get("name").asText())
                .isEqualTo("Jürgen M");
    }

    @Test
    void greedyProxyCapturesTheRestOfThePath() {
        GATEWAY.deploy(List.of(http(v2("ANY /files/{proxy+}", "files"))));
        FUNCTIONS.returning("files", "{}");

        server.send(server.request("/files/a/b/c.txt").DELETE());

        var event = FUNCTIONS.lastEvent();
        assertThat(event.get("pathParameters").get("proxy").asText()).isEqualTo("a/b/c.txt");
        assertThat(event.get("requestContext").get("http").get("method").asText())
                .isEqualTo("DELETE");
    }

    @Test
    void queryStringReachesThePayload1FunctionSingleAndMultiValued() {
        GATEWAY.deploy(List.of(rest("Prod", v1("GET /search", "search"))));
        FUNCTIONS.returning("search", OK_V1);

        server.get("/Prod/search?q=red+shoes&size=9&size=10");

        var event = FUNCTIONS.lastEvent();
        assertThat(event.get("queryStringParameters").get("q").asText()).isEqualTo("red shoes");
        assertThat(event.get("multiValueQueryStringParameters").get("size").toString())
                .isEqualTo("[\"9\",\"10\"]");
    }

    @Test
    void queryStringReachesThePayload2FunctionCommaJoined() {
        GATEWAY.deploy(List.of(http(v2("GET /search", "search"))));
        FUNCTIONS.returning("search", "{}");

        server.get("/search?size=9&size=10");

        var event = FUNCTIONS.lastEvent();
        assertThat(event.get("rawQueryString").asText()).isEqualTo("size=9&size=10");
        assertThat(event.get("queryStringParameters").get("size").asText()).isEqualTo("9,10");
    }

    @Test
    void functionSeesTheCallersAddressAndHeaders() {
        GATEWAY.deploy(List.of(http(v2("GET /me", "me"))));
        FUNCTIONS.returning("me", "{}");

        server.send(server.request("/me").header("X-Custom", "v1").GET());

        var event = FUNCTIONS.lastEvent();
        assertThat(event.get("requestContext").get("http").get("sourceIp").asText())
                .isEqualTo("127.0.0.1");
        assertThat(event.get("headers").get("x-custom").asText()).isEqualTo("v1");
    }

    @Test
    void unknownRestRouteAnswers403MissingAuthenticationToken() {
        GATEWAY.deploy(List.of(rest("Prod", v1("GET /hello", "hello"))));

        var response = server.get("/Prod/nowhere");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
    }

    @Test
    void unknownHttpRouteAnswers404NotFound() {
        GATEWAY.deploy(List.of(http(v2("GET /hello", "hello"))));

        var response = server.get("/nowhere");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void functionErrorOnRestApiAnswers502() {
        GATEWAY.deploy(List.of(rest("Prod", v1("GET /hello", "broken"))));
        FUNCTIONS.failing("broken");

        var response = server.get("/Prod/hello");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("{\"message\": \"Internal server error\"}");
    }

    @Test
    void functionErrorOnHttpApiAnswers500() {
        GATEWAY.deploy(List.of(http(v2("GET /hello", "broken"))));
        FUNCTIONS.failing("broken");

        var response = server.get("/hello");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void routeOverItsThrottleAnswers429() {
        GATEWAY.deploy(List.of(http(throttled(v2("GET /limited", "limited"), new Throttle(1, 1)))));
        FUNCTIONS.returning("limited", "{}");
        server.get("/limited");

        var response = server.get("/limited");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    }

    @Test
    void corsPreflightIsAnsweredByTheHttpApi() {
        var cors = new Cors(
                List.of("https://app.example.com"),
                List.of("GET", "POST"),
                List.of("content-type"),
                List.of(),
                600,
                false);
        GATEWAY.deploy(List.of(withCors(http(v2("POST /items", "items")), cors)));

        var response = server.send(server.request("/items")
                .method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "POST"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.example.com");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .contains("GET,POST");
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).contains("600");
    }

    @Test
    void binaryBodyRoundTripsThroughBase64() {
        var image = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xfe, (byte) 0xff, 10, 13};
        GATEWAY.deploy(List.of(http(v2("POST /echo", "echo"))));
        FUNCTIONS.define(
                "echo",
                event -> FUNCTIONS.completed("{\"statusCode\":200,"
                        + "\"headers\":{\"content-type\":\"image/png\"},\"isBase64Encoded\":true,\"body\":\""
                        + FakeFunctions.jsonField(event, "body") + "\"}"));

        var response = server.sendForBytes(
                server.request("/echo").header("Content-Type", "image/png").POST(BodyPublishers.ofByteArray(image)));

        assertThat(FUNCTIONS.lastEvent().get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(FUNCTIONS.lastEvent().get("body").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(image));
        assertThat(response.body()).isEqualTo(image);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
    }

    @Test
    void cookiesAndHeadersFromTheFunctionReachTheClient() {
        GATEWAY.deploy(List.of(http(v2("GET /login", "login"))));
        FUNCTIONS.returning(
                "login",
                "{\"statusCode\":302,\"headers\":{\"Location\":\"/home\"},"
                        + "\"cookies\":[\"session=abc; HttpOnly\",\"theme=dark\"]}");

        var response = server.get("/login");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).contains("/home");
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly("session=abc; HttpOnly", "theme=dark");
    }

    @Test
    void everyResponseCarriesTheRegionHeader() {
        var response = server.get("/whatever");

        assertThat(response.headers().firstValue("X-Regionless-Region")).contains("eu-west-2");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void bodyOverTenMegabytesAnswers413() {
        GATEWAY.deploy(List.of(http(v2("POST /upload", "upload"))));
        FUNCTIONS.returning("upload", "{}");

        var response = server.send(server.request("/upload")
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(new byte[HttpGateway.MAX_BODY_BYTES + 1])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");
        assertThat(FUNCTIONS.invocations()).noneMatch(i -> i.functionName().equals("upload"));
    }

    @Test
    void throttleOfOneRouteDoesNotLimitAnother() {
        GATEWAY.deploy(List.of(http(throttled(v2("GET /a", "a"), new Throttle(1, 1)), v2("GET /b", "b"))));
        FUNCTIONS.returning("a", "{}").returning("b", "{}");
        server.get("/a");

        var response = server.get("/b");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void requestInFlightFinishesOnTheApisItStartedWith() throws Exception {
        var release = new CountDownLatch(1);
        GATEWAY.deploy(List.of(http(v2("GET /version", "old"))));
        FUNCTIONS.define("old", event -> {
            await(release);
            return FUNCTIONS.completed("\"old\"");
        });
        FUNCTIONS.returning("new", "\"new\"");
        var inFlight = server.sendAsync(server.request("/version").GET());
        Awaitility.await()
                .until(() -> FUNCTIONS.invocations().stream()
                        .anyMatch(i -> i.functionName().equals("old")));

        GATEWAY.deploy(List.of(http(v2("GET /version", "new"))));
        release.countDown();

        assertThat(inFlight.get(10, TimeUnit.SECONDS).body()).isEqualTo("old");
        assertThat(server.get("/version").body()).isEqualTo("new");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
