package dev.regionless.events.topics.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.topics.Subscription;
import dev.regionless.functions.Functions;
import dev.regionless.queues.OutgoingMessage;
import dev.regionless.queues.QueueStore;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a delivery to its subscriber: a queue of the region receives the envelope (or, with raw message delivery,
 * the message and its attributes); a function is invoked asynchronously with an {@code SNSEvent}. A subscriber that
 * cannot take it (a queue or a function that does not exist) makes {@link #deliver} throw, and the delivery is tried
 * again later.
 */
public final class Subscribers {
    private static final Logger LOG = LoggerFactory.getLogger(Subscribers.class);

    private final TopicCatalog catalog;
    private final QueueStore queues;
    private final Functions functions;
    private final Notifications notifications;

    public Subscribers(TopicCatalog catalog, QueueStore queues, Functions functions, Notifications notifications) {
        this.catalog = requireNonNull(catalog, "catalog");
        this.queues = requireNonNull(queues, "queues");
        this.functions = requireNonNull(functions, "functions");
        this.notifications = requireNonNull(notifications, "notifications");
    }

    /** Delivers, or throws to be retried. A subscription removed since the publish is owed nothing. */
    void deliver(Delivery delivery) {
        var subscription = catalog.subscription(delivery.subscriptionArn());
        if (subscription.isEmpty()) {
            return;
        }
        switch (subscription.get().protocol()) {
            case "sqs" -> toQueue(subscription.get().endpoint(), queueMessage(subscription.get(), delivery.notice()));
            case "lambda" -> toFunction(subscription.get(), delivery.notice());
            default ->
                throw new IllegalStateException(
                        "no delivery over " + subscription.get().protocol());
        }
    }

    /**
     * The delivery's retries are exhausted: its subscription's dead-letter queue gets what the subscriber would have,
     * if it has one; otherwise it is dropped, as SNS drops it.
     */
    void exhausted(Delivery delivery, RuntimeException lastError) {
        var subscription = catalog.subscription(delivery.subscriptionArn());
        var target = subscription
                .map(s -> SubscriptionRules.deadLetterTarget(s.attributes().getOrDefault("RedrivePolicy", "")))
                .orElse("");
        if (target.isEmpty()) {
            LOG.warn(
                    "message {} to {} dropped after {} attempts: {}",
                    delivery.notice().messageId(),
                    delivery.subscriptionArn(),
                    delivery.failures(),
                    lastError.getMessage());
            return;
        }
        var sub = subscription.get();
        var body =
                sub.rawMessageDelivery() ? delivery.notice().message() : notifications.envelope(delivery.notice(), sub);
        try {
            toQueue(target, OutgoingMessage.of(body));
        } catch (RuntimeException e) {
            LOG.warn(
                    "message {} to {} dropped: its dead-letter queue {} refused it: {}",
                    delivery.notice().messageId(),
                    sub.arn(),
                    target,
                    e.getMessage());
        }
    }

    private OutgoingMessage queueMessage(Subscription subscription, Notice notice) {
        var message = subscription.rawMessageDelivery()
                ? new OutgoingMessage(notice.message(), notice.attributes(), null, null, null, null)
                : new OutgoingMessage(notifications.envelope(notice, subscription), Map.of(), null, null, null, null);
        return message.inGroup(notice.groupId(), notice.deduplicationId());
    }

    /** Sends to a queue of the region; the message group and deduplication id reach FIFO queues only. */
    private void toQueue(String queueArn, OutgoingMessage message) {
        var name = queues.nameOf(queueArn)
                .orElseThrow(
                        () -> new IllegalStateException("queue " + queueArn + " is not a queue of " + queues.region()));
        var queue = queues.requireQueue(name);
        queues.send(name, queue.isFifo() ? message : message.inGroup(null, null));
    }

    /**
     * The one place topics invoke functions: Lambda's asynchronous invocation ({@code Functions.invokeAsync}), which
     * owns the event once it has accepted it (its retries, destinations and dead-letter queue), as on AWS. A delivery
     * is done when the invocation is accepted, not when the function succeeds; a function that is not deployed
     * (yet) is not accepted, and the delivery is retried.
     */
    private void toFunction(Subscription subscription, Notice notice) {
        var matcher = SubscriptionRules.FUNCTION_ARN.matcher(subscription.endpoint());
        if (!matcher.matches()) {
            throw new IllegalStateException("not a function ARN: " + subscription.endpoint());
        }
        var name = matcher.group(3);
        if (functions.function(name).isEmpty()) {
            throw new IllegalStateException("function " + name + " is not deployed");
        }
        functions.invokeAsync(name, notifications.lambdaEvent(notice, subscription));
    }
}
