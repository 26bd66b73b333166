package example.quack;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code send} route: {@code {"action":"send","message":"text"}} becomes a stored message. The sender sees it
 * only when the stream reader broadcasts it, like everyone else. An empty message is an error, as in the original.
 */
public final class Send implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        var message = messageOf(event.getBody());
        var request = event.getRequestContext();
        Tables.DYNAMO.putItem(b -> b.tableName(Tables.messages())
                .item(Map.of(
                        "id", AttributeValue.fromS(request.getMessageId()),
                        "ts", AttributeValue.fromN(Long.toString(System.currentTimeMillis())),
                        "type", AttributeValue.fromS("message"),
                        "message", AttributeValue.fromS(message),
                        "source", AttributeValue.fromS(request.getConnectionId()),
                        "origin", AttributeValue.fromS(Tables.region()))));
        var response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(200);
        return response;
    }

    static String messageOf(String body) {
        try {
            var node = Json.MAPPER.readTree(body == null ? "" : body);
            var message = node == null ? null : node.get("message");
            if (message == null || !message.isTextual() || message.asText().isBlank()) {
                throw new IllegalArgumentException("a message must not be empty");
            }
            return message.asText();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON", e);
        }
    }
}
