package example.quack;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Serves the browser front end: {@code /} (the page), {@code /app.js}, {@code /style.css}, and {@code /config.js}
 * telling the page where the WebSocket API is ({@code WEBSOCKET_URL}, set by the template). On AWS a bucket
 * behind a CDN would do this; a function keeps the app one template.
 */
public final class Web implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final Map<String, String> FILES =
            Map.of("/", "index.html", "/index.html", "index.html", "/app.js", "app.js", "/style.css", "style.css");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        var path = request.getPath() == null ? "/" : request.getPath();
        if (path.endsWith("/config.js")) {
            var config =
                    Map.of("websocketUrl", String.valueOf(System.getenv("WEBSOCKET_URL")), "region", Tables.region());
            return ok("js", "window.QUACK_CONFIG = " + Json.write(config) + ";\n");
        }
        var file = FILES.entrySet().stream()
                .filter(entry ->
                        path.equals(entry.getKey()) || (!entry.getKey().equals("/") && path.endsWith(entry.getKey())))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(path.endsWith("/") ? "index.html" : null);
        if (file == null) {
            return new APIGatewayProxyResponseEvent().withStatusCode(404).withBody("Not found");
        }
        return ok(file.substring(file.lastIndexOf('.') + 1), read(file));
    }

    private static APIGatewayProxyResponseEvent ok(String type, String body) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", TYPES.get(type), "Cache-Control", "no-cache"))
                .withBody(body);
    }

    private static String read(String file) {
        try (var in = Web.class.getResourceAsStream("/web/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing web resource " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
