package example.quack;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/** Clients of the {@code @connections} API, one per WebSocket API address. */
final class Connections {
    private static final Map<String, ApiGatewayManagementApiClient> CLIENTS = new ConcurrentHashMap<>();

    private Connections() {}

    /**
     * The management API's address for a WebSocket API: {@code https://<domain>/<stage>} on AWS. A domain with an
     * explicit port is a local endpoint (Regionless), served over plain HTTP.
     */
    static String endpoint(String domainName, String stage) {
        var scheme = domainName.contains(":") ? "http" : "https";
        return scheme + "://" + domainName + "/" + stage;
    }

    static ApiGatewayManagementApiClient client(String endpoint) {
        return CLIENTS.computeIfAbsent(
                endpoint,
                address -> ApiGatewayManagementApiClient.builder()
                        .endpointOverride(URI.create(address))
                        .httpClientBuilder(UrlConnectionHttpClient.builder())
                        .build());
    }
}
