package dev.regionless.events.topics.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import dev.regionless.events.topics.Subscription;
import dev.regionless.events.topics.Topic;
import dev.regionless.events.topics.TopicErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The region's topics and subscriptions, held in memory and written through to the database; every change is durable
 * when its method returns. Names and ARNs are checked here; attribute values by {@link TopicRules} and
 * {@link SubscriptionRules}.
 */
public final class TopicCatalog {
    private final TopicDatabase db;
    private final String arnPrefix;
    private final TreeMap<String, Topic> topics = new TreeMap<>();
    private final TreeMap<String, Subscription> subscriptions = new TreeMap<>();

    /** @param arnPrefix {@code arn:aws:sns:REGION:ACCOUNT:} */
    public TopicCatalog(TopicDatabase db, String arnPrefix) {
        this.db = db;
        this.arnPrefix = arnPrefix;
        db.scan(TopicDatabase.Family.TOPICS, (key, value) -> {
            var topic = decodeTopic(value);
            topics.put(topic.name(), topic);
        });
        db.scan(TopicDatabase.Family.SUBSCRIPTIONS, (key, value) -> {
            var subscription = decodeSubscription(value);
            subscriptions.put(subscription.arn(), subscription);
        });
    }

    public String arn(String name) {
        return arnPrefix + name;
    }

    /** The topic an ARN names, if it exists. */
    public synchronized Optional<Topic> topic(String arn) {
        if (arn == null || !arn.startsWith(arnPrefix)) {
            return Optional.empty();
        }
        return Optional.ofNullable(topics.get(arn.substring(arnPrefix.length())));
    }

    public Topic requireTopic(String arn) {
        return topic(arn).orElseThrow(() -> TopicErrors.topicNotFound(arn));
    }

    public synchronized List<Topic> topics() {
        return List.copyOf(topics.values());
    }

    /** Creates a topic, or answers the one that exists with the same attributes. */
    public synchronized Topic create(String name, Map<String, String> attributes, Map<String, String> tags) {
        var checked = TopicRules.forCreate(name, attributes);
        var existing = topics.get(name);
        if (existing != null) {
            // As SNS: the attributes given must match the topic's; those not given are not compared.
            var differs = existing.fifo() != TopicRules.isFifo(checked)
                    || checked.entrySet().stream()
                            .anyMatch(e ->
                                    !e.getValue().equals(existing.attributes().get(e.getKey())));
            if (differs) {
                throw TopicErrors.invalidParameterReason(
                        "Attributes", "Topic already exists with different attributes: " + name);
            }
            return existing;
        }
        var topic = new Topic(name, arn(name), TopicRules.isFifo(checked), checked, tags);
        save(topic);
        return topic;
    }

    public synchronized void save(Topic topic) {
        db.write(db.batch().put(TopicDatabase.Family.TOPICS, topic.name().getBytes(UTF_8), encode(topic)));
        topics.put(topic.name(), topic);
    }

    /** Deletes a topic and its subscriptions; deleting a topic that does not exist succeeds, as in SNS. */
    public synchronized void delete(String arn) {
        var topic = topic(arn);
        if (topic.isEmpty()) {
            return;
        }
        var batch = db.batch()
                .delete(TopicDatabase.Family.TOPICS, topic.get().name().getBytes(UTF_8));
        var gone = subscriptionsOf(arn);
        gone.forEach(
                s -> batch.delete(TopicDatabase.Family.SUBSCRIPTIONS, s.arn().getBytes(UTF_8)));
        db.write(batch);
        topics.remove(topic.get().name());
        gone.forEach(s -> subscriptions.remove(s.arn()));
    }

    public synchronized Optional<Subscription> subscription(String arn) {
        return Optional.ofNullable(arn == null ? null : subscriptions.get(arn));
    }

    public synchronized List<Subscription> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    public synchronized List<Subscription> subscriptionsOf(String topicArn) {
        var result = new ArrayList<Subscription>();
        subscriptions.values().forEach(s -> {
            if (s.topicArn().equals(topicArn)) {
                result.add(s);
            }
        });
        return result;
    }

    /** Subscribes an endpoint, or answers its subscription if it has one with the same attributes. */
    public synchronized Subscription subscribe(
            String topicArn, String protocol, String endpoint, Map<String, String> attributes) {
        var topic = requireTopic(topicArn);
        SubscriptionRules.checkEndpoint(topic, protocol, endpoint);
        SubscriptionRules.checkAll(protocol, attributes);
        for (var existing : subscriptionsOf(topicArn)) {
            if (existing.protocol().equals(protocol) && existing.endpoint().equals(endpoint)) {
                if (!attributes.isEmpty() && !existing.attributes().equals(attributes)) {
                    throw TopicErrors.invalidParameterReason(
                            "Attributes", "Subscription already exists with different attributes: " + existing.arn());
                }
                return existing;
            }
        }
        var subscription =
                new Subscription(topicArn + ":" + UUID.randomUUID(), topicArn, protocol, endpoint, attributes);
        saveSubscription(subscription);
        return subscription;
    }

    public synchronized void saveSubscription(Subscription subscription) {
        db.write(db.batch()
                .put(TopicDatabase.Family.SUBSCRIPTIONS, subscription.arn().getBytes(UTF_8), encode(subscription)));
        subscriptions.put(subscription.arn(), subscription);
    }

    /** Removes a subscription; one that does not exist is {@code NotFound}. */
    public synchronized void unsubscribe(String arn) {
        if (!subscriptions.containsKey(arn)) {
            throw TopicErrors.subscriptionNotFound(arn);
        }
        db.write(db.batch().delete(TopicDatabase.Family.SUBSCRIPTIONS, arn.getBytes(UTF_8)));
        subscriptions.remove(arn);
    }

    private static byte[] encode(Topic topic) {
        var node = Json.mapper().createObjectNode();
        node.put("name", topic.name());
        node.put("arn", topic.arn());
        node.put("fifo", topic.fifo());
        node.set("attributes", Json.mapper().valueToTree(topic.attributes()));
        node.set("tags", Json.mapper().valueToTree(topic.tags()));
        return node.toString().getBytes(UTF_8);
    }

    private static byte[] encode(Subscription subscription) {
        var node = Json.mapper().createObjectNode();
        node.put("arn", subscription.arn());
        node.put("topicArn", subscription.topicArn());
        node.put("protocol", subscription.protocol());
        node.put("endpoint", subscription.endpoint());
        node.set("attributes", Json.mapper().valueToTree(subscription.attributes()));
        return node.toString().getBytes(UTF_8);
    }

    private static Topic decodeTopic(byte[] bytes) {
        var node = read(bytes);
        return new Topic(
                node.get("name").asText(),
                node.get("arn").asText(),
                node.get("fifo").asBoolean(),
                strings(node.get("attributes")),
                strings(node.get("tags")));
    }

    private static Subscription decodeSubscription(byte[] bytes) {
        var node = read(bytes);
        return new Subscription(
                node.get("arn").asText(),
                node.get("topicArn").asText(),
                node.get("protocol").asText(),
                node.get("endpoint").asText(),
                strings(node.get("attributes")));
    }

    static Map<String, String> strings(JsonNode node) {
        var result = new LinkedHashMap<String, String>();
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> result.put(e.getKey(), e.getValue().asText()));
        }
        return result;
    }

    static JsonNode read(byte[] bytes) {
        try {
            return Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored topic record is not JSON", e);
        }
    }
}
