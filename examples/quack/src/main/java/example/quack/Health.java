package example.quack;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/**
 * {@code GET /health}: {@code 200 Ok}, which the router's health checks look for.
 *
 * <p>Regionless sets {@code REGIONLESS_REGION_HEALTH} to {@code fail} while the region's health switch is off
 * ({@code ./regionless chaos health <region> fail}), so an outage is simulated without editing code; on AWS the
 * variable is absent and the region is healthy.
 */
public final class Health implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        boolean failing = "fail".equals(System.getenv("REGIONLESS_REGION_HEALTH"));
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(failing ? 500 : 200)
                .withHeaders(Map.of("Content-Type", "text/plain", "Access-Control-Allow-Origin", "*"))
                .withBody(failing ? "Unhealthy" : "Ok");
    }
}
