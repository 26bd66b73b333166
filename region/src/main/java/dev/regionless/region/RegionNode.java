package dev.regionless.region;

import dev.regionless.events.AsyncInvocations;
import dev.regionless.events.AsyncTargets;
import dev.regionless.events.EventSourceMapping;
import dev.regionless.events.EventSources;
import dev.regionless.events.EventSourcesConfig;
import dev.regionless.events.FailureDestinations;
import dev.regionless.events.Schedules;
import dev.regionless.events.protocol.EventInvokeConfigApi;
import dev.regionless.events.protocol.EventSourceMappingsApi;
import dev.regionless.events.topics.Topics;
import dev.regionless.events.topics.TopicsConfig;
import dev.regionless.events.topics.protocol.TopicsApi;
import dev.regionless.functions.Functions;
import dev.regionless.functions.FunctionsConfig;
import dev.regionless.functions.protocol.LambdaApi;
import dev.regionless.gateway.GatewayConfig;
import dev.regionless.gateway.HttpGateway;
import dev.regionless.gateway.WebSocketApiDefinition;
import dev.regionless.gateway.WebSocketGateway;
import dev.regionless.queues.QueueStore;
import dev.regionless.queues.protocol.QueuesApi;
import dev.regionless.region.internal.AdminApi;
import dev.regionless.region.internal.AppPresence;
import dev.regionless.region.internal.ApplicationMapping;
import dev.regionless.region.internal.BlockingHttpHandler;
import dev.regionless.region.internal.EndpointPeers;
import dev.regionless.region.internal.QueueDeployer;
import dev.regionless.region.internal.RememberedPorts;
import dev.regionless.region.internal.ServicePort;
import dev.regionless.region.internal.TableDeployer;
import dev.regionless.region.internal.TableHousekeeping;
import dev.regionless.region.internal.TopicDeployer;
import dev.regionless.replication.Peers;
import dev.regionless.replication.Replication;
import dev.regionless.replication.ReplicationConfig;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.protocol.DynamoDbApi;
import dev.regionless.template.Application;
import dev.regionless.template.TemplateContext;
import dev.regionless.template.TemplateReader;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * One running region: a service port (the AWS-compatible APIs), an app port (the application's HTTP APIs), a
 * WebSocket port (the application's WebSocket APIs and their {@code @connections}), an admin port, and a data
 * folder. Regions never call each other in memory; whatever they share goes over the
 * network, so several regions in one JVM behave as on several hosts.
 */
public final class RegionNode implements AutoCloseable {
    private static final long SERVICE_BODY_LIMIT = 16L * 1024 * 1024;

    private final RegionConfig config;
    private final Functions functions;
    private final HttpGateway gateway;
    private final WebSocketGateway webSocketGateway;
    private final TableStore tables;
    private final TableDeployer tableDeployer;
    private final QueueStore queues;
    private final QueueDeployer queueDeployer;
    private final Topics topics;
    private final TopicDeployer topicDeployer;
    private final EventSources eventSources;
    private final AsyncInvocations asyncInvocations;
    private final Schedules schedules;
    private final TableHousekeeping housekeeping;
    private final AppPresence appPresence;
    private Replication replication;
    private final List<HttpServer> servers = new ArrayList<>();
    /** The public servers (service and app ports) and how to open each again after {@link #goDark()}. */
    private final java.util.Map<HttpServer, java.util.function.Supplier<HttpServer>> publicServers =
            new java.util.LinkedHashMap<>();

    private boolean dark;
    private URI serviceUri;
    private URI appUri;
    private URI adminUri;

    private RegionNode(
            RegionConfig config,
            Functions functions,
            HttpGateway gateway,
            WebSocketGateway webSocketGateway,
            TableStore tables,
            QueueStore queues,
            Topics topics) {
        this.config = config;
        this.functions = functions;
        this.gateway = gateway;
        this.webSocketGateway = webSocketGateway;
        this.tables = tables;
        this.tableDeployer = new TableDeployer(tables);
        this.queues = queues;
        this.queueDeployer = new QueueDeployer(queues);
        this.topics = topics;
        this.topicDeployer = new TopicDeployer(topics);
        this.appPresence = new AppPresence(config.dataDirectory());
        this.eventSources = EventSources.create(
                functions,
                tables,
                queues,
                EventSourcesConfig.defaults(config.clock())
                        .withMappingsFile(
                                config.dataDirectory().resolve("events").resolve("event-source-mappings.json")),
                FailureDestinations.functionsQueuesAndTopics(functions, queues, topics));
        // Every asynchronous source (Invoke with Event, schedules, topics) reaches this queue via invokeAsync.
        this.asyncInvocations = AsyncInvocations.start(
                functions,
                AsyncTargets.of(functions, queues, AsyncTargets.topics(topics)),
                config.dataDirectory().resolve("events"),
                config.clock(),
                functionArnPrefix(config.name()));
        functions.setAsyncInvoker(asyncInvocations);
        this.schedules = Schedules.start(functions, tables, config.clock());
        this.housekeeping = TableHousekeeping.start(
                tables,
                config.name(),
                config.retention().streamRetention(),
                config.retention().trimInterval());
    }

    /**
     * Starts a region on its own: its peers are whatever regions {@code endpoints.json} in the parent of its data
     * folder lists (regions sharing that folder as separate processes).
     */
    public static RegionNode start(Vertx vertx, RegionConfig config) {
        var dataRoot = config.dataDirectory().toAbsolutePath().getParent();
        return start(vertx, config, new EndpointPeers(region -> java.util.Optional.empty(), dataRoot));
    }

    /**
     * Starts a region's ports on {@code vertx}. The service port is bound first because the function runtime hands
     * its address to every function as {@code AWS_ENDPOINT_URL}.
     *
     * @param peers finds the other regions, for replication
     */
    public static RegionNode start(Vertx vertx, RegionConfig config, Peers peers) {
        var ports = RememberedPorts.in(config.dataDirectory());
        var servicePort = new DeferredHandler();
        var serviceServer =
                ports.bind("service", config.servicePort(), port -> listen(vertx, config.host(), port, servicePort));
        int boundServicePort = serviceServer.actualPort();
        var serviceUri = URI.create("http://" + config.host() + ":" + serviceServer.actualPort());
        var functionsConfig = new FunctionsConfig(
                config.name(),
                FunctionsConfig.DEFAULT_ACCOUNT_ID,
                serviceUri,
                config.dataDirectory().resolve("logs"),
                config.concurrencyLimit(),
                config.keepAlive(),
                java.time.Duration.ofSeconds(10),
                config.clock());
        var functions = Functions.create(functionsConfig);
        var gatewayConfig = GatewayConfig.defaults(config.name())
                .withClock(config.clock())
                .withWebSocketLimits(config.webSocketLimits());
        var gateway = new HttpGateway(gatewayConfig, functions);
        var webSocketGateway = ports.bind(
                "websocket",
                config.webSocketPort(),
                port -> WebSocketGateway.start(vertx, config.host(), port, gatewayConfig, functions));
        var tables = TableStore.open(
                config.dataDirectory().resolve("tables"),
                config.name(),
                FunctionsConfig.DEFAULT_ACCOUNT_ID,
                config.clock());
        var queues = QueueStore.open(
                config.dataDirectory().resolve("queues"),
                config.name(),
                FunctionsConfig.DEFAULT_ACCOUNT_ID,
                config.clock());
        var topics = Topics.open(
                TopicsConfig.defaults(
                        config.dataDirectory().resolve("topics"),
                        config.name(),
                        FunctionsConfig.DEFAULT_ACCOUNT_ID,
                        serviceUri,
                        config.clock()),
                queues,
                functions);
        var node = new RegionNode(config, functions, gateway, webSocketGateway, tables, queues, topics);
        node.servers.add(serviceServer);
        node.publicServers.put(serviceServer, () -> listen(vertx, config.host(), boundServicePort, servicePort));
        node.serviceUri = serviceUri;
        node.replication = Replication.start(
                ReplicationConfig.defaults(config.name(), config.dataDirectory().resolve("replication"))
                        .withClock(config.clock())
                        .withDelays(config.linkDelays())
                        .withTombstones(
                                config.retention().tombstoneGrace(),
                                config.retention().tombstoneInterval()),
                tables,
                peers,
                vertx);
        servicePort.delegate = new BlockingHttpHandler(
                vertx,
                config.name(),
                SERVICE_BODY_LIMIT,
                new ServicePort(
                        new LambdaApi(functions, functionsConfig),
                        new EventSourceMappingsApi(node.eventSources, tables),
                        new EventInvokeConfigApi(
                                node.asyncInvocations, functions, functionArnPrefix(config.name()), config.clock()),
                        new DynamoDbApi(tables, config.clock(), node.replication.replicaControl()),
                        webSocketGateway.connectionsApi(),
                        new QueuesApi(queues, serviceUri),
                        new TopicsApi(topics),
                        node.replication));
        // API Gateway refuses request lines and headers over 10,240 bytes; Vert.x answers 414/431 past these sizes.
        java.util.function.IntFunction<HttpServer> appListener = port -> listen(
                vertx,
                new HttpServerOptions()
                        .setHost(config.host())
                        .setPort(port)
                        .setMaxInitialLineLength(10_240)
                        .setMaxHeaderSize(10_240),
                gateway);
        var appServer = ports.bind("api", config.apiPort(), appListener);
        int boundAppPort = appServer.actualPort();
        node.servers.add(appServer);
        node.publicServers.put(appServer, () -> appListener.apply(boundAppPort));
        node.appUri = URI.create("http://" + config.host() + ":" + appServer.actualPort());
        var admin = new BlockingHttpHandler(
                vertx,
                config.name(),
                1024 * 1024,
                new AdminApi(config.name(), functions, node::deploy, node.replication, new AdminApi.RegionPower() {
                    @Override
                    public void down() {
                        node.goDark();
                    }

                    @Override
                    public void up() {
                        node.comeBack();
                    }

                    @Override
                    public boolean isDown() {
                        return node.isDark();
                    }

                    @Override
                    public boolean awaitsApp() {
                        return node.appPresence.awaited();
                    }
                }));
        var adminServer = ports.bind("admin", config.adminPort(), port -> listen(vertx, config.host(), port, admin));
        node.servers.add(adminServer);
        node.adminUri = URI.create("http://" + config.host() + ":" + adminServer.actualPort());
        ports.save(Map.of(
                "service", serviceServer.actualPort(),
                "api", appServer.actualPort(),
                "websocket", webSocketGateway.uri().getPort(),
                "admin", adminServer.actualPort()));
        return node;
    }

    /**
     * Deploys an application (already resolved for this region): tables, queues and topics first, since functions
     * may use them as they start, then functions, then the APIs and event sources that call them. If a function fails to load, the previous version keeps
     * serving; tables created by then stay, empty. Existing tables keep their items.
     *
     * @throws dev.regionless.common.AwsException naming the resource that cannot be deployed
     */
    public void deploy(Application application) {
        tableDeployer.deploy(ApplicationMapping.tables(application));
        queueDeployer.deploy(ApplicationMapping.queues(application));
        // Topics after the queues their subscriptions name; before functions, which may publish as they start.
        topicDeployer.deploy(application.topics(), application.subscriptions());
        functions.deploy(ApplicationMapping.functions(application));
        gateway.deploy(ApplicationMapping.apis(application));
        webSocketGateway.deploy(ApplicationMapping.webSocketApis(application));
        eventSources.deploy(ApplicationMapping.eventSources(application));
        asyncInvocations.deploy(ApplicationMapping.eventInvokeConfigs(
                application, config.clock().instant()));
        schedules.deploy(ApplicationMapping.schedules(application, config.name(), FunctionsConfig.DEFAULT_ACCOUNT_ID));
        appPresence.deployed();
    }

    /**
     * Deploys WebSocket APIs on the WebSocket port, replacing those deployed before; their functions must be
     * deployed already. Open connections stay open.
     *
     * @throws IllegalArgumentException when two APIs share an id or a stage; nothing changes then
     */
    public void deployWebSocketApis(List<WebSocketApiDefinition> apis) {
        webSocketGateway.deploy(apis);
    }

    /**
     * Replaces the region's event source mappings (streams and queues feeding functions). Deploy the functions first: a
     * mapping to a function that is not deployed is refused. A mapping deployed again with the same uuid and
     * source, also after a restart, continues from where it stopped.
     */
    public void deployEventSources(List<EventSourceMapping> mappings) {
        eventSources.deploy(mappings);
    }

    /** Reads a template for this region; throws {@link dev.regionless.template.TemplateException} when it cannot. */
    public Application read(Path template, Map<String, String> parameterOverrides) {
        var context = new TemplateContext(
                        config.name(), FunctionsConfig.DEFAULT_ACCOUNT_ID, stackName(template), parameterOverrides)
                .withWebSocketEndpoint(webSocketGateway.uri())
                .withServiceEndpoint(serviceUri);
        return TemplateReader.read(template.toAbsolutePath(), context);
    }

    /** Reads and deploys a template in this region; answers the template's warnings. */
    public List<String> deploy(Path template, Map<String, String> parameterOverrides) {
        var application = read(template, parameterOverrides);
        deploy(application);
        return application.warnings();
    }

    /** The stack name a template deploys as: its folder's name, so every region and process agrees on it. */
    public static String stackName(Path template) {
        var folder = template.toAbsolutePath().getParent();
        var name = folder == null || folder.getFileName() == null
                ? "regionless"
                : folder.getFileName().toString();
        var cleaned = name.replaceAll("[^A-Za-z0-9-]", "-");
        return cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0)) ? "regionless" : cleaned;
    }

    public String name() {
        return config.name();
    }

    public RegionConfig config() {
        return config;
    }

    public Functions functions() {
        return functions;
    }

    public HttpGateway gateway() {
        return gateway;
    }

    /** The region's WebSocket APIs and their connections. */
    public WebSocketGateway webSocketGateway() {
        return webSocketGateway;
    }

    /** The region's tables, for services in this region that read or write them directly. */
    public TableStore tables() {
        return tables;
    }

    /** The region's queues, for services in this region that send to or receive from them directly. */
    public QueueStore queues() {
        return queues;
    }

    /** The region's fan-out topics. */
    public Topics topics() {
        return topics;
    }

    /** The region's event source mappings. */
    public EventSources eventSources() {
        return eventSources;
    }

    /** The region's asynchronous invocations: their queue, retries and destinations. */
    public AsyncInvocations asyncInvocations() {
        return asyncInvocations;
    }

    /** The region's schedules (template {@code Schedule} and {@code ScheduleV2} events). */
    public Schedules schedules() {
        return schedules;
    }

    /** The region's replication of its global tables. */
    public Replication replication() {
        return replication;
    }

    /**
     * The region's URLs; {@code api} is the first deployed HTTP API's URL including its stage, {@code websocket}
     * the first WebSocket API's.
     */
    public RegionEndpoints endpoints() {
        var apis = gateway.apis();
        URI api = apis.isEmpty() ? null : URI.create(appUri + gateway.stagePath(apis.get(0)));
        var webSocketApis = webSocketGateway.apis();
        URI websocket = webSocketApis.isEmpty() ? null : webSocketGateway.url(webSocketApis.get(0));
        return new RegionEndpoints(serviceUri, api, websocket, adminUri);
    }

    /** The root of the app port, where every deployed API is served under its stage. */
    public URI appUri() {
        return appUri;
    }

    /**
     * Takes the region down as if its data centre went dark: its service, app and WebSocket ports stop answering
     * (connections refused, open WebSockets dropped) and its replication links to every peer are cut. The admin
     * port keeps answering, so the region can be brought back with {@link #comeBack()}, data intact.
     */
    public synchronized void goDark() {
        if (dark) {
            return;
        }
        dark = true;
        webSocketGateway.suspend();
        for (var server : publicServers.keySet()) {
            await(server.close());
        }
        // Isolation, not link cuts: links a partition experiment cut stay cut when the region comes back.
        replication.isolate();
    }

    /**
     * Brings a region taken down by {@link #goDark()} back on the same ports, and restores its links, except those
     * cut on purpose ({@code /admin/links}), which stay cut.
     */
    public synchronized void comeBack() {
        if (!dark) {
            return;
        }
        var reopened = new java.util.LinkedHashMap<HttpServer, java.util.function.Supplier<HttpServer>>();
        publicServers.forEach((old, reopen) -> {
            var server = reopen.get();
            servers.set(servers.indexOf(old), server);
            reopened.put(server, reopen);
        });
        publicServers.clear();
        publicServers.putAll(reopened);
        webSocketGateway.resume();
        replication.rejoin();
        dark = false;
    }

    /** Whether the region is down ({@link #goDark()}). */
    public synchronized boolean isDark() {
        return dark;
    }

    @Override
    public void close() {
        webSocketGateway.close();
        for (var server : servers) {
            await(server.close());
        }
        housekeeping.close();
        // Pollers and schedules invoke functions and read tables: they stop first, letting a batch in flight finish.
        schedules.close();
        eventSources.close();
        // Deliveries under way hand their messages to queues and functions: they stop before either does.
        topics.close();
        // Topics hand events to the asynchronous queue, which invokes functions: it stops after them, before those.
        asyncInvocations.close();
        functions.close();
        // Replication reads the tables until it stops, and writes its cursors as it does.
        replication.close();
        tables.close();
        queues.close();
    }

    private static String functionArnPrefix(String region) {
        return "arn:aws:lambda:" + region + ":" + FunctionsConfig.DEFAULT_ACCOUNT_ID + ":function:";
    }

    private static HttpServer listen(Vertx vertx, String host, int port, Handler<HttpServerRequest> handler) {
        return listen(vertx, new HttpServerOptions().setHost(host).setPort(port), handler);
    }

    private static HttpServer listen(Vertx vertx, HttpServerOptions options, Handler<HttpServerRequest> handler) {
        return await(vertx.createHttpServer(options.setReuseAddress(true))
                .requestHandler(handler)
                .listen());
    }

    static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting or stopping a region", e);
        } catch (ExecutionException e) {
            throw new RegionStartException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Lets the service port listen before the services it dispatches to exist. */
    private static final class DeferredHandler implements Handler<HttpServerRequest> {
        private volatile Handler<HttpServerRequest> delegate;

        @Override
        public void handle(HttpServerRequest request) {
            var target = delegate;
            if (target == null) {
                request.response().setStatusCode(503).end();
            } else {
                target.handle(request);
            }
        }
    }
}
