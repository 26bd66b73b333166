package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

/** Answers the time of the typed {@code ScheduledEvent} it got, a joda {@code DateTime}, in ISO form. */
public class ScheduledEventTime implements RequestHandler<ScheduledEvent, String> {
    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        return event.getTime().toString();
    }
}
