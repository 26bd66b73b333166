package example.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers with the region that ran it and how many requests this execution environment has served. The counter
 * lives in a static field: it grows while the environment stays warm and starts again at 1 after a cold start.
 */
public class Hello implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final AtomicLong SERVED = new AtomicLong();
    private static final String GREETING = System.getenv().getOrDefault("GREETING", "Hello");

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long count = SERVED.incrementAndGet();
        var region = System.getenv("AWS_REGION");
        var name = event.getQueryStringParameters() == null
                ? "world"
                : event.getQueryStringParameters().getOrDefault("name", "world");
        var body = "{\"message\":\"" + GREETING + ", " + escape(name) + "!\",\"region\":\"" + region + "\",\"count\":"
                + count + "}";
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body)
                .build();
    }

    private static String escape(String text) {
        var out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
