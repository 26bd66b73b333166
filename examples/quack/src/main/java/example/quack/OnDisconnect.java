package example.quack;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code $disconnect}: forgets the connection. */
public final class OnDisconnect implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        var id = event.getRequestContext().getConnectionId();
        Tables.DYNAMO.deleteItem(b -> b.tableName(Tables.connections()).key(Map.of("id", AttributeValue.fromS(id))));
        var response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(200);
        return response;
    }
}
