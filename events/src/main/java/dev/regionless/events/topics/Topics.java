package dev.regionless.events.topics;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.topics.internal.Deliveries;
import dev.regionless.events.topics.internal.Notifications;
import dev.regionless.events.topics.internal.Publisher;
import dev.regionless.events.topics.internal.Subscribers;
import dev.regionless.events.topics.internal.SubscriptionRules;
import dev.regionless.events.topics.internal.TopicCatalog;
import dev.regionless.events.topics.internal.TopicDatabase;
import dev.regionless.events.topics.internal.TopicRules;
import dev.regionless.functions.Functions;
import dev.regionless.queues.BatchOutcome;
import dev.regionless.queues.QueueStore;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A region's fan-out topics, as SNS has them, stored durably in their own RocksDB database: topics, their
 * subscriptions (queues and functions of the region) and the deliveries owed. Errors are
 * {@link dev.regionless.common.AwsException}s with SNS's codes ({@link TopicErrors}).
 *
 * <p>A publish answers once its message is durably accepted for delivery; each subscriber whose filter policy
 * matches then receives it on its own, retried with SNS's policy while it is unavailable (a queue or function that
 * does not exist yet), without holding up the others. A restart carries on with the
 * deliveries still owed.
 */
public final class Topics implements AutoCloseable {
    private final TopicsConfig config;
    private final TopicDatabase db;
    private final TopicCatalog catalog;
    private final Deliveries deliveries;
    private final Publisher publisher;

    private Topics(TopicsConfig config, QueueStore queues, Functions functions) {
        this.config = config;
        this.db = TopicDatabase.open(config.folder());
        this.catalog = new TopicCatalog(db, "arn:aws:sns:" + config.region() + ":" + config.accountId() + ":");
        var subscribers = new Subscribers(catalog, queues, functions, new Notifications(config.serviceEndpoint()));
        this.deliveries = new Deliveries(db, subscribers, config.clock(), config.tick());
        this.publisher = new Publisher(db, catalog, deliveries, config.clock());
    }

    /**
     * Opens the topics stored in the config's folder, creating an empty store if there is none, and resumes the
     * deliveries still owed.
     *
     * @param queues the region's queues, which {@code sqs} subscriptions name
     * @param functions the region's functions, which {@code lambda} subscriptions name
     */
    public static Topics open(TopicsConfig config, QueueStore queues, Functions functions) {
        requireNonNull(config, "config");
        return new Topics(config, requireNonNull(queues, "queues"), requireNonNull(functions, "functions"));
    }

    public String region() {
        return config.region();
    }

    public String accountId() {
        return config.accountId();
    }

    /** {@code arn:aws:sns:REGION:ACCOUNT:NAME}, whether or not the topic exists. */
    public String arn(String name) {
        return catalog.arn(name);
    }

    // ---- topics ----

    /**
     * Creates a topic ({@code FifoTopic=true} and a name ending {@code .fifo} for a FIFO topic); creating one that
     * exists with the same attributes answers it.
     */
    public Topic createTopic(String name, Map<String, String> attributes, Map<String, String> tags) {
        requireNonNull(name, "name");
        return catalog.create(name, attributes, tags);
    }

    public Optional<Topic> topic(String arn) {
        return catalog.topic(arn);
    }

    /** The topic, or {@code NotFound}. */
    public Topic requireTopic(String arn) {
        return catalog.requireTopic(arn);
    }

    /** Every topic, by name. */
    public List<Topic> topics() {
        return catalog.topics();
    }

    /** Deletes a topic and its subscriptions; deliveries still owed to them are dropped. */
    public void deleteTopic(String arn) {
        catalog.delete(arn);
    }

    /** The attributes set with SNS's defaults and the computed ones ({@code SubscriptionsConfirmed}, ...). */
    public Map<String, String> topicAttributes(String arn) {
        var topic = catalog.requireTopic(arn);
        return TopicRules.describe(
                topic, config.accountId(), catalog.subscriptionsOf(arn).size());
    }

    /** Sets one attribute; an empty value removes it. */
    public Topic setTopicAttribute(String arn, String name, String value) {
        synchronized (catalog) {
            var topic = catalog.requireTopic(arn);
            var attributes = new LinkedHashMap<>(topic.attributes());
            TopicRules.check(topic, name, value == null ? "" : value);
            if (value == null || value.isEmpty()) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
            var changed = topic.withAttributes(attributes);
            catalog.save(changed);
            return changed;
        }
    }

    public Topic tagTopic(String arn, Map<String, String> tags) {
        synchronized (catalog) {
            var topic = catalog.requireTopic(arn);
            var merged = new LinkedHashMap<>(topic.tags());
            merged.putAll(tags);
            if (merged.size() > 50) {
                throw TopicErrors.invalidParameter("Tags", merged.size() + " tags", "at most 50 tags on a topic");
            }
            var changed = topic.withTags(merged);
            catalog.save(changed);
            return changed;
        }
    }

    public Topic untagTopic(String arn, Collection<String> keys) {
        synchronized (catalog) {
            var topic = catalog.requireTopic(arn);
            var remaining = new LinkedHashMap<>(topic.tags());
            keys.forEach(remaining::remove);
            var changed = topic.withTags(remaining);
            catalog.save(changed);
            return changed;
        }
    }

    // ---- subscriptions ----

    /**
     * Subscribes a queue ({@code sqs}, its ARN) or a function ({@code lambda}, its ARN) to a topic. The endpoint
     * need not exist yet: deliveries to it are retried until it does. Subscribing the same endpoint again answers
     * its subscription.
     */
    public Subscription subscribe(String topicArn, String protocol, String endpoint, Map<String, String> attributes) {
        return catalog.subscribe(topicArn, protocol, endpoint, attributes);
    }

    /** Removes a subscription; deliveries still owed to it are dropped. */
    public void unsubscribe(String subscriptionArn) {
        catalog.unsubscribe(subscriptionArn);
    }

    public Optional<Subscription> subscription(String arn) {
        return catalog.subscription(arn);
    }

    public List<Subscription> subscriptions() {
        return catalog.subscriptions();
    }

    /** The topic's subscriptions, or {@code NotFound} for a topic that does not exist. */
    public List<Subscription> subscriptionsOf(String topicArn) {
        catalog.requireTopic(topicArn);
        return catalog.subscriptionsOf(topicArn);
    }

    public Map<String, String> subscriptionAttributes(String arn) {
        var subscription = catalog.subscription(arn).orElseThrow(() -> TopicErrors.subscriptionNotFound(arn));
        return SubscriptionRules.describe(subscription, config.accountId());
    }

    /** Sets one attribute ({@code RawMessageDelivery}, {@code FilterPolicy}, ...); an empty value removes it. */
    public Subscription setSubscriptionAttribute(String arn, String name, String value) {
        synchronized (catalog) {
            var subscription = catalog.subscription(arn).orElseThrow(() -> TopicErrors.subscriptionNotFound(arn));
            var text = value == null ? "" : value;
            SubscriptionRules.check(subscription.protocol(), name, text);
            var attributes = new LinkedHashMap<>(subscription.attributes());
            if (text.isEmpty()) {
                attributes.remove(name);
            } else {
                attributes.put(name, text);
            }
            var changed = subscription.withAttributes(attributes);
            catalog.saveSubscription(changed);
            return changed;
        }
    }

    // ---- messages ----

    /** Publishes one message; answers once it is durably accepted, or throws SNS's error. */
    public PublishResult publish(String topicArn, Publication publication) {
        return switch (publishBatch(topicArn, List.of(publication)).get(0)) {
            case BatchOutcome.Success<PublishResult> success -> success.value();
            case BatchOutcome.Failure<PublishResult> failure -> throw failure.error();
        };
    }

    /** Publishes several messages in one durable write; each is accepted or refused on its own. */
    public List<BatchOutcome<PublishResult>> publishBatch(String topicArn, List<Publication> publications) {
        var topic = catalog.requireTopic(topicArn);
        return publisher.publish(topic, publications);
    }

    /** How many deliveries are still owed to subscribers: for monitoring and tests. */
    public int pendingDeliveries() {
        return deliveries.pending();
    }

    @Override
    public void close() {
        deliveries.close();
        db.close();
    }
}
