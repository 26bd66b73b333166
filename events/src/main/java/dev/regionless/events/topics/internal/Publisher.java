package dev.regionless.events.topics.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.regionless.common.AwsException;
import dev.regionless.common.Json;
import dev.regionless.events.topics.Publication;
import dev.regionless.events.topics.PublishResult;
import dev.regionless.events.topics.Subscription;
import dev.regionless.events.topics.Topic;
import dev.regionless.queues.BatchOutcome;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Accepts published messages: checks each, drops FIFO duplicates within five minutes (answering the first message's
 * id), and writes one delivery per subscriber whose filter policy matches, in one durable batch with the message
 * counter. A publish answers once that batch is durable; the deliveries then go to {@link Deliveries}.
 */
public final class Publisher {
    static final Duration DEDUPLICATION_WINDOW = Duration.ofMinutes(5);
    private static final byte[] COUNTER = "counter".getBytes(UTF_8);

    private final TopicDatabase db;
    private final TopicCatalog catalog;
    private final Deliveries deliveries;
    private final Clock clock;
    /** Guarded by {@code this}: topic name and deduplication id to what the first message answered. */
    private final Map<String, Accepted> deduplication = new HashMap<>();
    /** Guarded by {@code this}: numbers messages and deliveries alike, so both increase in publish order. */
    private long counter;

    private record Accepted(PublishResult result, Instant at) {}

    public Publisher(TopicDatabase db, TopicCatalog catalog, Deliveries deliveries, Clock clock) {
        this.db = db;
        this.catalog = catalog;
        this.deliveries = deliveries;
        this.clock = clock;
        db.scan(TopicDatabase.Family.META, (key, value) -> {
            if (java.util.Arrays.equals(key, COUNTER)) {
                counter = ByteBuffer.wrap(value).getLong();
            }
        });
        db.scan(TopicDatabase.Family.DEDUPLICATION, (key, value) -> {
            var node = TopicCatalog.read(value);
            deduplication.put(
                    new String(key, UTF_8),
                    new Accepted(
                            new PublishResult(
                                    node.get("messageId").asText(),
                                    node.path("sequenceNumber").textValue()),
                            Instant.ofEpochMilli(node.get("at").asLong())));
        });
    }

    /** Publishes each message to {@code topic}; each is accepted or refused on its own. */
    public List<BatchOutcome<PublishResult>> publish(Topic topic, List<Publication> publications) {
        var outcomes = new ArrayList<BatchOutcome<PublishResult>>();
        var created = new ArrayList<Delivery>();
        synchronized (this) {
            var batch = db.batch();
            var now = clock.instant();
            var subscriptions = catalog.subscriptionsOf(topic.arn());
            for (var publication : publications) {
                try {
                    PublicationRules.check(topic, publication);
                    outcomes.add(
                            new BatchOutcome.Success<>(accept(topic, publication, subscriptions, now, batch, created)));
                } catch (AwsException e) {
                    outcomes.add(new BatchOutcome.Failure<>(e));
                }
            }
            batch.put(
                    TopicDatabase.Family.META,
                    COUNTER,
                    ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
            db.apply(batch);
        }
        db.awaitDurable();
        deliveries.add(created);
        return outcomes;
    }

    private PublishResult accept(
            Topic topic,
            Publication publication,
            List<Subscription> subscriptions,
            Instant now,
            TopicDatabase.Batch batch,
            List<Delivery> created) {
        String deduplicationId = null;
        String dedupKey = null;
        if (topic.fifo()) {
            deduplicationId = publication.deduplicationId() != null
                    ? publication.deduplicationId()
                    : sha256(publication.message());
            dedupKey = topic.name() + "\n" + deduplicationId;
            var earlier = deduplication.get(dedupKey);
            if (earlier != null && earlier.at().plus(DEDUPLICATION_WINDOW).isAfter(now)) {
                return earlier.result();
            }
        }
        long number = ++counter;
        var result = new PublishResult(UUID.randomUUID().toString(), topic.fifo() ? "%020d".formatted(number) : null);
        for (var subscription : subscriptions) {
            if (!passes(subscription, publication)) {
                continue;
            }
            var notice = new Notice(
                    result.messageId(),
                    topic.arn(),
                    now,
                    publication.subject(),
                    PublicationRules.messageFor(publication, subscription.protocol()),
                    publication.attributes(),
                    topic.fifo() ? publication.groupId() : null,
                    deduplicationId,
                    result.sequenceNumber());
            var delivery = new Delivery(++counter, subscription.arn(), notice, 0, now);
            batch.put(TopicDatabase.Family.DELIVERIES, delivery.key(), delivery.toBytes());
            created.add(delivery);
        }
        if (dedupKey != null) {
            var expired = deduplication.entrySet().iterator();
            while (expired.hasNext()) {
                var entry = expired.next();
                if (!entry.getValue().at().plus(DEDUPLICATION_WINDOW).isAfter(now)) {
                    batch.delete(
                            TopicDatabase.Family.DEDUPLICATION, entry.getKey().getBytes(UTF_8));
                    expired.remove();
                }
            }
            deduplication.put(dedupKey, new Accepted(result, now));
            var node = Json.mapper().createObjectNode();
            node.put("messageId", result.messageId());
            node.put("sequenceNumber", result.sequenceNumber());
            node.put("at", now.toEpochMilli());
            batch.put(
                    TopicDatabase.Family.DEDUPLICATION,
                    dedupKey.getBytes(UTF_8),
                    node.toString().getBytes(UTF_8));
        }
        return result;
    }

    private static boolean passes(Subscription subscription, Publication publication) {
        var policy = subscription.attributes().getOrDefault("FilterPolicy", "");
        if (policy.isEmpty()) {
            return true;
        }
        var filter = FilterPolicy.parse(policy);
        return "MessageBody".equals(subscription.attributes().get("FilterPolicyScope"))
                ? filter.matchesBody(publication.message())
                : filter.matchesAttributes(publication.attributes());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
