package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;

/** Answers what a typed DynamoDB stream event delivered: the first record's {@code pk} key and sequence number. */
public class DynamodbEventKeys implements RequestHandler<DynamodbEvent, String> {
    @Override
    public String handleRequest(DynamodbEvent event, Context context) {
        var change = event.getRecords().get(0).getDynamodb();
        var pk = change.getKeys() == null ? null : change.getKeys().get("pk");
        return (pk == null ? "no keys" : pk.getS()) + "@" + change.getSequenceNumber();
    }
}
