package example.quack;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code $connect}: remembers the connection, with the address of the API that holds it, so that the stream
 * reader (which has no request context) knows where to post.
 */
public final class OnConnect implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        var request = event.getRequestContext();
        Tables.DYNAMO.putItem(b -> b.tableName(Tables.connections())
                .item(Map.of(
                        "id", AttributeValue.fromS(request.getConnectionId()),
                        "endpoint",
                                AttributeValue.fromS(
                                        Connections.endpoint(request.getDomainName(), request.getStage())))));
        var response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(200);
        return response;
    }
}
