package dev.regionless.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.common.Json;
import dev.regionless.common.ServiceRequest;
import dev.regionless.events.EventSources;
import dev.regionless.events.protocol.EventSourceMappingsApi;
import dev.regionless.events.topics.Topics;
import dev.regionless.events.topics.TopicsConfig;
import dev.regionless.events.topics.protocol.TopicsApi;
import dev.regionless.functions.Functions;
import dev.regionless.functions.FunctionsConfig;
import dev.regionless.functions.protocol.LambdaApi;
import dev.regionless.gateway.GatewayConfig;
import dev.regionless.gateway.WebSocketGateway;
import dev.regionless.queues.QueueStore;
import dev.regionless.queues.protocol.QueuesApi;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.protocol.DynamoDbApi;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicePortTest {
    @TempDir
    Path logs;

    private Functions functions;
    private TableStore tables;
    private QueueStore queues;
    private EventSources eventSources;
    private Topics topics;
    private dev.regionless.events.AsyncInvocations asyncInvocations;
    private Vertx vertx;
    private WebSocketGateway webSockets;

    @AfterEach
    void stop() {
        webSockets.close();
        vertx.close().await();
        eventSources.close();
        topics.close();
        asyncInvocations.close();
        functions.close();
        tables.close();
        queues.close();
    }

    @Test
    void requestForAServiceNotServedYetAnswersUnknownOperationNamingIt() throws Exception {
        var port = servicePort();
        var request = new ServiceRequest(
                "POST", "/", "", Map.of("x-amz-target", List.of("AWSStepFunctions.StartExecution")), "{}".getBytes());

        var response = port.apply(request);

        assertThat(response.status()).isEqualTo(400);
        var body = Json.mapper().readTree(response.body());
        assertThat(body.get("__type").asText()).endsWith("#UnknownOperationException");
        assertThat(body.get("message").asText()).contains("AWSStepFunctions");
    }

    @Test
    void sqsTargetIsAnsweredByTheQueuesApi() throws Exception {
        var port = servicePort();
        var request = new ServiceRequest(
                "POST", "/", "", Map.of("x-amz-target", List.of("AmazonSQS.ListQueues")), "{}".getBytes());

        var response = port.apply(request);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "application/x-amz-json-1.0");
    }

    @Test
    void sqsQueryProtocolActionIsAnsweredInXml() {
        var port = servicePort();
        var request = new ServiceRequest(
                "POST",
                "/",
                "",
                Map.of("content-type", List.of("application/x-www-form-urlencoded; charset=utf-8")),
                "Action=ListQueues&Version=2012-11-05".getBytes());

        var response = port.apply(request);

        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.body())).contains("<ListQueuesResponse");
    }

    @Test
    void dynamoDbTargetIsAnsweredByTheDynamoDbApiWithItsChecksum() throws Exception {
        var port = servicePort();
        var request = new ServiceRequest(
                "POST", "/", "", Map.of("x-amz-target", List.of("DynamoDB_20120810.ListTables")), "{}".getBytes());

        var response = port.apply(request);

        assertThat(response.status()).isEqualTo(200);
        assertThat(Json.mapper().readTree(response.body()).get("TableNames").isArray())
                .isTrue();
        var crc = new java.util.zip.CRC32();
        crc.update(response.body());
        assertThat(response.headers()).containsEntry("x-amz-crc32", Long.toString(crc.getValue()));
    }

    @Test
    void lambdaPathIsAnsweredByTheLambdaApi() throws Exception {
        var port = servicePort();

        var response = port.apply(new ServiceRequest("GET", "/2015-03-31/functions/", "", Map.of(), new byte[0]));

        assertThat(response.status()).isEqualTo(200);
        assertThat(Json.mapper().readTree(response.body()).get("Functions").isArray())
                .isTrue();
    }

    @Test
    void eventSourceMappingsPathIsAnsweredByTheEventSourceMappingsApi() throws Exception {
        var port = servicePort();

        var response =
                port.apply(new ServiceRequest("GET", "/2015-03-31/event-source-mappings/", "", Map.of(), new byte[0]));

        assertThat(response.status()).isEqualTo(200);
        assertThat(Json.mapper()
                        .readTree(response.body())
                        .get("EventSourceMappings")
                        .isArray())
                .isTrue();
    }

    @Test
    void connectionsPathIsAnsweredByTheConnectionsApi() throws Exception {
        var port = servicePort();

        var response = port.apply(new ServiceRequest("GET", "/@connections/nobody%3D", "", Map.of(), new byte[0]));

        assertThat(response.status()).isEqualTo(410);
        assertThat(response.headers()).containsEntry("x-amzn-ErrorType", "GoneException");
        assertThat(Json.mapper().readTree(response.body()).get("message").asText())
                .isEqualTo("Connection nobody= is gone");
    }

    private ServicePort servicePort() {
        var config = FunctionsConfig.defaults("eu-west-2", URI.create("http://127.0.0.1:1"), logs);
        functions = Functions.create(config);
        tables = TableStore.open(logs.resolve("tables"), "eu-west-2", "000000000000", java.time.Clock.systemUTC());
        vertx = Vertx.vertx();
        webSockets = WebSocketGateway.start(vertx, "127.0.0.1", 0, GatewayConfig.defaults("eu-west-2"), functions);
        queues = QueueStore.open(logs.resolve("queues"), "eu-west-2", "000000000000", java.time.Clock.systemUTC());
        eventSources = EventSources.create(functions, tables, java.time.Clock.systemUTC());
        topics = Topics.open(
                TopicsConfig.defaults(
                        logs.resolve("topics"),
                        "eu-west-2",
                        "000000000000",
                        URI.create("http://127.0.0.1:1"),
                        java.time.Clock.systemUTC()),
                queues,
                functions);
        var arnPrefix = "arn:aws:lambda:eu-west-2:000000000000:function:";
        asyncInvocations = dev.regionless.events.AsyncInvocations.start(
                functions,
                dev.regionless.events.AsyncTargets.of(functions, queues, null),
                logs.resolve("events"),
                java.time.Clock.systemUTC(),
                arnPrefix);
        return new ServicePort(
                new LambdaApi(functions, config),
                new EventSourceMappingsApi(eventSources, tables),
                new dev.regionless.events.protocol.EventInvokeConfigApi(
                        asyncInvocations, functions, arnPrefix, java.time.Clock.systemUTC()),
                new DynamoDbApi(tables, java.time.Clock.systemUTC()),
                webSockets.connectionsApi(),
                new QueuesApi(queues, URI.create("http://127.0.0.1:1")),
                new TopicsApi(topics));
    }
}
