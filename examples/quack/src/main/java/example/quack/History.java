package example.quack;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code GET /history}: the newest 100 messages, newest first, read from the {@code messages_by_ts} index (every
 * message has {@code type = "message"}, so one index partition holds them all in time order).
 */
public final class History implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    static final int LIMIT = 100;

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        var result = Tables.DYNAMO.query(b -> b.tableName(Tables.messages())
                .indexName("messages_by_ts")
                .keyConditionExpression("#type = :message")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(":message", AttributeValue.fromS("message")))
                .scanIndexForward(false)
                .limit(LIMIT));
        var region = Tables.region();
        var messages = result.items().stream()
                .map(item -> ChatMessage.fromItem(item, region))
                .toList();
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json", "Access-Control-Allow-Origin", "*"))
                .withBody(Json.write(messages));
    }
}
