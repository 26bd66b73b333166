package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;

/** Answers the timestamp of the first record of the typed {@code SNSEvent} it got, a joda {@code DateTime}. */
public class SnsEventTime implements RequestHandler<SNSEvent, String> {
    @Override
    public String handleRequest(SNSEvent event, Context context) {
        return event.getRecords().get(0).getSNS().getTimestamp().toString();
    }
}
