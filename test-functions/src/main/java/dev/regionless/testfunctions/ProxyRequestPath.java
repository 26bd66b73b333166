package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;

/** Answers the path of the typed REST proxy event it got. */
public class ProxyRequestPath implements RequestHandler<APIGatewayProxyRequestEvent, String> {
    @Override
    public String handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return event.getPath();
    }
}
