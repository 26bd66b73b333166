package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Writes every event it gets, as the JSON text it arrived as, to the table named by {@code RECEIVED_TABLE}:
 * {@code id = "event-<n>"} for the n-th invocation, with {@code json}. For what a function receives from the
 * platform rather than from a caller: on-failure records, scheduled events.
 */
public class EventRecorder implements RequestStreamHandler {
    private static final DynamoDbClient DYNAMODB = DynamoDbClient.create();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        var table = System.getenv("RECEIVED_TABLE");
        var json = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        var counted = DYNAMODB.updateItem(r -> r.tableName(table)
                .key(Map.of("id", AttributeValue.fromS("events")))
                .updateExpression("ADD #count :one")
                .expressionAttributeNames(Map.of("#count", "count"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW));
        var n = counted.attributes().get("count").n();
        DYNAMODB.putItem(r -> r.tableName(table)
                .item(Map.of(
                        "id", AttributeValue.fromS("event-" + n),
                        "n", AttributeValue.fromN(n),
                        "json", AttributeValue.fromS(json))));
        output.write("null".getBytes(StandardCharsets.UTF_8));
    }
}
