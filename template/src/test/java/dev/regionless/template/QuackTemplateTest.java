package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference application, examples/quack/template.yaml, read exactly as written. */
class QuackTemplateTest {

    private static final Path QUACK =
            Path.of(System.getProperty("regionless.home", "..")).resolve("examples/quack/template.yaml");
    private static final TemplateContext LONDON = TemplateContext.of("eu-west-2");

    private static Application quack(TemplateContext context) {
        return TemplateReader.read(QUACK, context);
    }

    @Test
    void readsEveryFunction() {
        var app = quack(LONDON);

        assertThat(app.functions())
                .extracting(FunctionSpec::logicalId)
                .containsExactly("Health", "History", "Web", "OnConnect", "OnDisconnect", "Send", "StreamReader");
        assertThat(app.function("Send").orElseThrow().environment())
                .containsEntry("MESSAGES_TABLE", "quack-messages")
                .containsEntry("CONNECTIONS_TABLE", "quack-connections");
    }

    @Test
    void messagesTableIsGlobalWithThreeReplicasAndConnectionsTableIsRegional() {
        var app = quack(LONDON);

        var messages = app.table("MessagesTable").orElseThrow();
        assertThat(messages.tableName()).isEqualTo("quack-messages");
        assertThat(messages.global()).isTrue();
        assertThat(messages.replicaRegions()).containsExactly("eu-west-2", "us-west-2", "us-east-1");
        assertThat(messages.streamViewType()).isEqualTo(TableSpec.StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(messages.provisionedThroughput()).isNull();
        assertThat(messages.globalSecondaryIndexes())
                .extracting(IndexSpec::name)
                .containsExactly("messages_by_ts");
        assertThat(app.table("ConnectionsTable").orElseThrow().global()).isFalse();
    }

    @Test
    void webSocketApiRoutesEachKeyToTheFunctionItsIntegrationInvokes() {
        var app = quack(LONDON);

        var api = app.webSocketApi("QuackWebSocket").orElseThrow();
        assertThat(api.name()).isEqualTo("quack");
        assertThat(api.routeSelectionExpression()).isEqualTo("$request.body.action");
        assertThat(api.routeSelectionPath()).containsExactly("action");
        assertThat(api.stageName()).isEqualTo("Prod");
        assertThat(api.routes())
                .containsExactly(
                        new WebSocketRouteSpec("$connect", "OnConnect", "OnConnect"),
                        new WebSocketRouteSpec("$disconnect", "OnDisconnect", "OnDisconnect"),
                        new WebSocketRouteSpec("send", "Send", "Send"));
    }

    @Test
    void streamReaderReadsTheMessagesTablesStreamFromLatest() {
        var app = quack(LONDON);

        assertThat(app.streamEvents())
                .containsExactly(new StreamEventSpec(
                        "StreamReader",
                        "StreamReader",
                        "Messages",
                        "MessagesTable",
                        "quack-messages",
                        StreamEventSpec.StartingPosition.LATEST,
                        100,
                        0,
                        1,
                        StreamEventSpec.ErrorHandling.DEFAULTS,
                        true));
    }

    @Test
    void restRoutesAreOnTheImplicitApi() {
        var app = quack(LONDON);

        assertThat(app.api("ServerlessRestApi").orElseThrow().routes())
                .extracting(RouteSpec::routeKey)
                .containsExactly("GET /health", "GET /history", "GET /", "GET /{file}");
    }

    @Test
    void webSocketUrlIsTheRegionsWebSocketEndpointWithTheStage() {
        var context = LONDON.withWebSocketEndpoint(URI.create("ws://127.0.0.1:8090"));

        var app = quack(context);

        assertThat(app.function("Web").orElseThrow().environment())
                .containsEntry("WEBSOCKET_URL", "ws://127.0.0.1:8090/Prod");
    }

    @Test
    void webSocketUrlWithoutAnEndpointHasAwsShape() {
        var app = quack(LONDON);

        var apiId = app.webSocketApi("QuackWebSocket").orElseThrow().apiId();
        assertThat(app.function("Web").orElseThrow().environment())
                .containsEntry("WEBSOCKET_URL", "wss://" + apiId + ".execute-api.eu-west-2.amazonaws.com/Prod");
    }

    @Test
    void onlyTheLambdaPermissionsAreWarnedAbout() {
        var app = quack(LONDON);

        assertThat(app.warnings())
                .hasSize(3)
                .allMatch(warning ->
                        warning.endsWith("AWS::Lambda::Permission is ignored (Regionless does not enforce IAM)"));
    }

    @Test
    void regionWithoutAReplicaHasNoMessagesTableAndNoStreamEvent() {
        var app = quack(TemplateContext.of("ap-south-1"));

        assertThat(app.tables()).extracting(TableSpec::logicalId).containsExactly("ConnectionsTable");
        assertThat(app.streamEvents()).isEmpty();
        assertThat(app.warnings())
                .contains(
                        "template.yaml:43: Resources.MessagesTable: has no replica in ap-south-1 (Replicas: "
                                + "eu-west-2, us-west-2, us-east-1), so ap-south-1 has no table quack-messages",
                        "template.yaml:219: Resources.StreamReader.Properties.Events.Messages.Properties.Stream: "
                                + "MessagesTable has no replica in ap-south-1, so this event is left out there");
    }

    @Test
    void everyReplicaRegionReadsTheSameTables() {
        for (var region : List.of("eu-west-2", "us-west-2", "us-east-1")) {
            var app = quack(TemplateContext.of(region));

            assertThat(app.tables())
                    .extracting(TableSpec::tableName)
                    .containsExactly("quack-connections", "quack-messages");
        }
    }
}
