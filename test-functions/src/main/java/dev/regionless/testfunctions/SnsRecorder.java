package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Takes Lambda's typed {@code SNSEvent} (so the event must fit the real class) and writes each record it gets to the
 * table named by {@code RECEIVED_TABLE}: {@code id = "sns-<MessageId>"} with the record's event source,
 * subscription ARN, topic ARN, subject, message, timestamp and attributes ({@code name=Type:Value}, sorted, joined
 * by {@code ;}).
 */
public class SnsRecorder implements RequestHandler<SNSEvent, Void> {
    private static final DynamoDbClient DYNAMODB = DynamoDbClient.create();

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        var table = System.getenv("RECEIVED_TABLE");
        for (var record : event.getRecords()) {
            var sns = record.getSNS();
            var attributes = new TreeMap<String, String>();
            if (sns.getMessageAttributes() != null) {
                sns.getMessageAttributes()
                        .forEach((name, value) -> attributes.put(name, value.getType() + ":" + value.getValue()));
            }
            var item = new HashMap<String, AttributeValue>();
            item.put("id", AttributeValue.fromS("sns-" + sns.getMessageId()));
            item.put("eventSource", AttributeValue.fromS(record.getEventSource()));
            item.put("subscriptionArn", AttributeValue.fromS(record.getEventSubscriptionArn()));
            item.put("topicArn", AttributeValue.fromS(sns.getTopicArn()));
            item.put("type", AttributeValue.fromS(sns.getType()));
            item.put("message", AttributeValue.fromS(sns.getMessage()));
            item.put("subject", AttributeValue.fromS(String.valueOf(sns.getSubject())));
            item.put("timestamp", AttributeValue.fromS(String.valueOf(sns.getTimestamp())));
            item.put("unsubscribeUrl", AttributeValue.fromS(String.valueOf(sns.getUnsubscribeUrl())));
            item.put("attributes", AttributeValue.fromS(join(attributes)));
            DYNAMODB.putItem(r -> r.tableName(table).item(item));
        }
        return null;
    }

    private static String join(Map<String, String> attributes) {
        var joined = new StringBuilder();
        attributes.forEach((name, value) -> {
            if (!joined.isEmpty()) {
                joined.append(';');
            }
            joined.append(name).append('=').append(value);
        });
        return joined.toString();
    }
}
