package dev.regionless.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.region.WebSocketTestClient;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** One edge ("london") in front of three real regions, used as clients use it: HTTP, WebSocket, DNS, admin. */
class EdgeProxyIT {
    @TempDir
    static Path folder;

    static EdgeFixture fixture;
    static Edge edge;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        fixture = new EdgeFixture(folder, Clock.systemUTC());
        edge = fixture.start(fixture.config("london"));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static URI url(String path) {
        return URI.create(edge.endpoints().http() + fixture.stage() + path);
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    /** The event the echo function saw: it answers it base64-encoded, which a REST API passes on as it is. */
    static JsonNode echoed(String body) throws Exception {
        return json(new String(java.util.Base64.getDecoder().decode(body), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aRequestIsServedByTheNearestRegionAndKeepsItsHeader() throws Exception {
        var response = get("/echo");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Regionless-Region")).hasValue("eu-west-2");
        assertThat(response.headers().firstValue("X-Regionless-Edge")).hasValue("london");
    }

    @Test
    void theRegionSeesWhoAskedThroughForwardedHeaders() throws Exception {
        var event = echoed(get("/echo?q=1").body());

        var headers = event.get("headers");
        assertThat(headers.get("X-Forwarded-For").asText()).startsWith("127.0.0.1");
        assertThat(headers.get("X-Forwarded-Proto").asText()).isEqualTo("http");
        assertThat(headers.get("X-Forwarded-Host").asText())
                .isEqualTo(edge.endpoints().http().getAuthority());
        assertThat(event.get("queryStringParameters").get("q").asText()).isEqualTo("1");
    }

    @Test
    void aPostBodyReachesTheRegionUnchanged() throws Exception {
        var request = HttpRequest.newBuilder(url("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"n\":42}"))
                .header("Content-Type", "application/json")
                .build();

        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(echoed(response.body()).get("body").asText()).isEqualTo("{\"n\":42}");
        assertThat(echoed(response.body()).get("httpMethod").asText()).isEqualTo("POST");
    }

    @Test
    void theAppsOwnNameIsServed() {
        var response = RawHttp.send(
                edge.endpoints().http(),
                "GET " + fixture.stage() + "/health HTTP/1.1\r\nHost: api.probe.regionless.test");

        assertThat(RawHttp.status(response)).isEqualTo(200);
        assertThat(RawHttp.body(response)).isEqualTo("Ok");
    }

    @Test
    void anUnknownHostIsNotFoundAsJson() throws Exception {
        var response = RawHttp.send(edge.endpoints().http(), "GET /Prod/echo HTTP/1.1\r\nHost: evil.example.com");

        assertThat(RawHttp.status(response)).isEqualTo(404);
        assertThat(json(RawHttp.body(response)).get("message").asText())
                .isEqualTo("Not Found: this edge serves no application at host evil.example.com");
        assertThat(response).containsIgnoringCase("x-amzn-ErrorType: NotFoundException");
    }

    @Test
    void oversizedHeadersAreRefusedWith431AndTheEdgeKeepsServing() throws Exception {
        var response = RawHttp.send(
                edge.endpoints().http(), "GET /Prod/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "x".repeat(11_000));

        assertThat(RawHttp.status(response)).isEqualTo(431);
        assertThat(json(RawHttp.body(response)).get("message").asText()).contains("Header Fields Too Large");
        assertThat(get("/echo").statusCode()).isEqualTo(200);
    }

    @Test
    void aWebSocketThroughTheEdgeReachesTheRegionAndBack() throws Exception {
        try (var client =
                WebSocketTestClient.connect(URI.create(edge.endpoints().webSocket() + "/ws"))) {
            client.send("{\"action\":\"describe\"}");

            var event = json(client.nextMessage());

            assertThat(event.get("routeKey").asText()).isEqualTo("describe");
            assertThat(event.get("domainName").asText()).startsWith("127.0.0.2:");
        }
        await().untilAsserted(
                        () -> assertThat(status("eu-west-2").openWebSockets()).isZero());
    }

    @Test
    void theRegionsChoiceOfSubprotocolReachesTheClientThroughTheEdge() {
        // The region's $connect function chooses the last protocol offered, so the first (what a proxy choosing on
        // its own would answer) is not the answer.
        var listener = new java.net.http.WebSocket.Listener() {};
        var direct = HTTP.newWebSocketBuilder()
                .subprotocols("chat.v1", "chat.v2")
                .buildAsync(
                        URI.create(
                                fixture.region("eu-west-2").webSocketGateway().uri() + "/ws"),
                        listener)
                .join();
        var throughEdge = HTTP.newWebSocketBuilder()
                .subprotocols("chat.v1", "chat.v2")
                .buildAsync(URI.create(edge.endpoints().webSocket() + "/ws"), listener)
                .join();

        try {
            assertThat(direct.getSubprotocol()).isEqualTo("chat.v2");
            assertThat(throughEdge.getSubprotocol()).isEqualTo("chat.v2");
        } finally {
            direct.abort();
            throughEdge.abort();
        }
    }

    @Test
    void aRegionChoosingNoneOfTheOfferedSubprotocolsLetsTheClientInWithoutOneAndIsNotEjected() {
        var listener = new java.net.http.WebSocket.Listener() {};

        var socket = HTTP.newWebSocketBuilder()
                .subprotocols("chat.v1")
                .buildAsync(URI.create(edge.endpoints().webSocket() + "/ws?noProtocol=1"), listener)
                .join();

        try {
            assertThat(socket.getSubprotocol()).isEmpty();
            assertThat(status("eu-west-2").ejectedUntil()).isNull();
            assertThat(status("eu-west-2").trafficFailuresInRow()).isZero();
        } finally {
            socket.abort();
        }
    }

    @Test
    void aHandshakeTheRegionRefusesIsRefusedWithItsStatus() {
        var status =
                WebSocketTestClient.refusedStatus(URI.create(edge.endpoints().webSocket() + "/ws?status=403"));

        assertThat(status).isEqualTo(403);
    }

    @Test
    void dnsAnswersTheNearestRegionsAddressOverUdpAndTcp() throws Exception {
        var udp = resolver(false).send(query("api.probe.regionless.test."));
        var tcp = resolver(true).send(query("ws.probe.regionless.test."));

        assertThat(addressOf(udp)).isEqualTo("127.0.0.2");
        assertThat(addressOf(tcp)).isEqualTo("127.0.0.2");
        assertThat(udp.getSection(Section.ANSWER).getFirst().getTTL()).isEqualTo(1);
    }

    @Test
    void dnsAnswersNxdomainInsideTheZoneAndRefusesOutsideIt() throws Exception {
        var unknown = resolver(false).send(query("nope.probe.regionless.test."));
        var outside = resolver(true).send(query("example.com."));

        assertThat(unknown.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(outside.getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void aMalformedDnsPacketGetsFormerrAndTheServerKeepsAnswering() throws Exception {
        var dns = edge.endpoints().dns();
        byte[] answer = new byte[512];
        try (var socket = new DatagramSocket()) {
            socket.setSoTimeout(5000);
            var garbage = new byte[] {0x0a, 0x0b, 0x01, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0x3f, 'x'};
            socket.send(new DatagramPacket(garbage, garbage.length, dns.getAddress(), dns.getPort()));
            var packet = new DatagramPacket(answer, answer.length);
            socket.receive(packet);

            var response = new Message(java.util.Arrays.copyOf(answer, packet.getLength()));

            assertThat(response.getRcode()).isEqualTo(Rcode.FORMERR);
            assertThat(response.getHeader().getID()).isEqualTo(0x0a0b);
        }
        assertThat(addressOf(resolver(false).send(query("api.probe.regionless.test."))))
                .isEqualTo("127.0.0.2");
    }

    @Test
    void theAdminPortShowsTheEdgesViewOfEveryRegion() throws Exception {
        await().untilAsserted(() -> assertThat(status("us-west-2").checks()).isPositive());

        var body = json(HTTP.send(
                        HttpRequest.newBuilder(URI.create(edge.endpoints().admin() + "/admin/edge"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());

        assertThat(body.get("edge").asText()).isEqualTo("london");
        assertThat(body.get("policy").asText()).isEqualTo("latency");
        assertThat(body.get("choice").asText()).isEqualTo("eu-west-2");
        assertThat(body.get("regions")).hasSize(3);
        var oregon = body.get("regions").get(1);
        assertThat(oregon.get("region").asText()).isEqualTo("us-west-2");
        assertThat(oregon.get("health").asText()).isEqualTo("healthy");
        assertThat(oregon.get("delayMillis").asLong()).isEqualTo(140);
        assertThat(oregon.get("lastRttMillis").asDouble()).isPositive();
        assertThat(oregon.get("lastCheck").asText()).startsWith("200 in ");
    }

    static HttpResponse<String> putDelay(String region, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(edge.endpoints().admin() + "/admin/edge/delays/" + region))
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDelayChangedOnTheAdminPortMovesTraffic() throws Exception {
        try {
            var changed = putDelay("eu-west-2", "{\"delayMillis\": 500}");

            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(get("/echo").headers().firstValue("X-Regionless-Region")).hasValue("us-east-1");
            assertThat(status("eu-west-2").delayMillis()).isEqualTo(500);
        } finally {
            putDelay("eu-west-2", "{\"delayMillis\": 4}");
        }
        assertThat(get("/echo").headers().firstValue("X-Regionless-Region")).hasValue("eu-west-2");
    }

    @Test
    void theProxiedTrafficWaitsTheRoundTripToItsRegionAndSaysHowLong() throws Exception {
        var response = get("/echo");

        assertThat(response.headers().firstValue("X-Regionless-Region")).hasValue("eu-west-2");
        assertThat(response.headers().firstValue("X-Regionless-Edge-Delay-Ms")).hasValue("4");
    }

    @Test
    void aDelaySetOnTheAdminPortSlowsTheTrafficToThatRegion() throws Exception {
        var pinned = fixture.start(fixture.config("pinned").policy(RoutingPolicy.failover("eu-west-2", "us-west-2")));
        var url = URI.create(pinned.endpoints().http() + fixture.stage() + "/echo");

        var changed = HTTP.send(
                HttpRequest.newBuilder(URI.create(pinned.endpoints().admin() + "/admin/edge/delays/eu-west-2"))
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"delayMillis\": 300}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var response = HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Regionless-Region")).hasValue("eu-west-2");
        assertThat(response.headers().firstValue("X-Regionless-Edge-Delay-Ms")).hasValue("300");
    }

    @Test
    void delayedWebSocketFramesKeepTheirOrder() throws Exception {
        try (var client =
                WebSocketTestClient.connect(URI.create(edge.endpoints().webSocket() + "/ws"))) {
            for (int i = 0; i < 20; i++) {
                client.send("m" + i);
            }

            var received = new java.util.ArrayList<String>();
            for (int i = 0; i < 20; i++) {
                received.add(client.nextMessage());
            }

            assertThat(received)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20)
                            .mapToObj(i -> "$default:m" + i)
                            .toList());
        }
    }

    @Test
    void aBadDelayIsRefusedAndAnUnknownRegionIsNamed() throws Exception {
        var unknown = HTTP.send(
                HttpRequest.newBuilder(URI.create(edge.endpoints().admin() + "/admin/edge/delays/ap-south-1"))
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"delayMillis\": 5}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var bad = HTTP.send(
                HttpRequest.newBuilder(URI.create(edge.endpoints().admin() + "/admin/edge/delays/eu-west-2"))
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"delayMillis\": \"soon\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown.body()).get("message").asText())
                .isEqualTo("region: ap-south-1 (expected one of [eu-west-2, us-west-2, us-east-1])");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad.body()).get("message").asText()).startsWith("delayMillis: \"soon\" (expected");
    }

    static EdgeStatus.RegionStatus status(String region) {
        return edge.status().regions().stream()
                .filter(r -> r.region().equals(region))
                .findFirst()
                .orElseThrow();
    }

    static SimpleResolver resolver(boolean tcp) throws Exception {
        var dns = edge.endpoints().dns();
        var resolver = new SimpleResolver(dns);
        resolver.setTCP(tcp);
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver;
    }

    static Message query(String name) throws Exception {
        return Message.newQuery(Record.newRecord(Name.fromString(name), Type.A, DClass.IN));
    }

    static String addressOf(Message response) {
        var answers = response.getSection(Section.ANSWER);
        assertThat(answers).as(response.toString()).hasSize(1);
        InetAddress address = ((ARecord) answers.getFirst()).getAddress();
        return address.getHostAddress();
    }
}
