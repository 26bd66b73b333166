package dev.regionless.queues.engine;

import dev.regionless.queues.Queue;
import dev.regionless.queues.QueueAttributes;
import dev.regionless.queues.QueueErrors;
import dev.regionless.queues.storage.QueueDatabase;
import dev.regionless.queues.storage.QueueDatabase.Family;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Creates, changes and deletes queues, durably, checking what SQS checks: names, attribute ranges, and that a
 * redrive policy names an existing dead-letter queue of the same type that allows this source.
 */
public final class QueueCatalog {
    private static final Pattern STANDARD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern FIFO_NAME = Pattern.compile("[A-Za-z0-9_-]{1,75}\\.fifo");
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}");
    private static final int MAX_TAGS = 50;
    /** After DeleteQueue, SQS refuses a new queue of the same name for 60 seconds. */
    static final long REUSE_DELAY_MILLIS = 60_000;

    private final QueueDatabase db;
    private final Map<String, LiveQueue> queues;
    private final Numbers numbers;
    private final Clock clock;
    private final String arnPrefix;
    /**
     * When each recently deleted name was deleted, by the clock. In memory: a restart forgets it, which only lets a
     * name be reused sooner.
     */
    private final Map<String, Long> deletedAt = new java.util.HashMap<>();

    QueueCatalog(QueueDatabase db, Map<String, LiveQueue> queues, Numbers numbers, Clock clock, String arnPrefix) {
        this.db = db;
        this.queues = queues;
        this.numbers = numbers;
        this.clock = clock;
        this.arnPrefix = arnPrefix;
    }

    /**
     * Creates a queue, or answers the existing one if every attribute given has the same value; a different value
     * is {@code QueueNameExists}.
     */
    public synchronized Queue create(String name, Map<String, String> attributes, Map<String, String> tags) {
        boolean fifo = "true".equals(attributes.get(QueueAttributes.FIFO_QUEUE));
        checkName(name, fifo);
        var checked = QueueAttributes.forNewQueue(attributes, fifo);
        var existing = queues.get(name);
        if (existing != null) {
            var current = existing.queue().attributes();
            for (var given : attributes.keySet()) {
                if (!java.util.Objects.equals(checked.get(given), current.get(given))) {
                    throw QueueErrors.queueNameExists(name, given);
                }
            }
            return existing.queue();
        }
        checkNotDeletedRecently(name);
        checkTags(tags);
        long now = clock.millis() / 1000;
        var queue = new Queue(name, arnPrefix + name, checked, tags, now, now);
        checkRedrive(queue);
        long id = numbers.next();
        var batch = db.batch();
        batch.put(Family.QUEUES, Keys.queue(name), Catalog.encode(id, queue));
        db.write(batch);
        queues.put(name, new LiveQueue(id, queue, db));
        return queue;
    }

    public synchronized void delete(String name) {
        var live = queues.get(name);
        if (live == null) {
            throw QueueErrors.queueDoesNotExist(name);
        }
        var batch = db.batch();
        batch.delete(Family.QUEUES, Keys.queue(name));
        for (var family : List.of(Family.MESSAGES, Family.STATES, Family.DEDUPLICATION)) {
            batch.deleteRange(family, Keys.queuePrefix(live.id), Keys.queueEnd(live.id));
        }
        db.write(batch);
        queues.remove(name);
        live.markDeleted();
        deletedAt.put(name, clock.millis());
    }

    private void checkNotDeletedRecently(String name) {
        long now = clock.millis();
        deletedAt.values().removeIf(at -> now - at >= REUSE_DELAY_MILLIS);
        var at = deletedAt.get(name);
        if (at != null) {
            throw QueueErrors.queueDeletedRecently(name, (at + REUSE_DELAY_MILLIS - now + 999) / 1000);
        }
    }

    public synchronized Queue setAttributes(String name, Map<String, String> given) {
        var live = live(name);
        var current = live.queue();
        var attributes = QueueAttributes.changed(current.attributes(), given, current.isFifo());
        var updated = new Queue(
                name, current.arn(), attributes, current.tags(), current.createdTimestamp(), clock.millis() / 1000);
        if (given.containsKey(QueueAttributes.REDRIVE_POLICY)) {
            checkRedrive(updated);
        }
        return save(live, updated);
    }

    public synchronized Queue tag(String name, Map<String, String> tags) {
        var live = live(name);
        var current = live.queue();
        var merged = new TreeMap<>(current.tags());
        merged.putAll(tags);
        checkTags(merged);
        return save(live, withTags(current, merged));
    }

    public synchronized Queue untag(String name, Collection<String> keys) {
        var live = live(name);
        var current = live.queue();
        var remaining = new TreeMap<>(current.tags());
        keys.forEach(remaining::remove);
        return save(live, withTags(current, remaining));
    }

    /** The names of every queue, in order. */
    public List<String> names() {
        return new ArrayList<>(new java.util.TreeSet<>(queues.keySet()));
    }

    /** The names of the queues whose redrive policy sends their dead letters to {@code name}, in order. */
    public List<String> deadLetterSources(String name) {
        var arn = live(name).queue().arn();
        var sources = new ArrayList<String>();
        for (var source : names()) {
            var live = queues.get(source);
            if (live != null
                    && live.queue()
                            .settings()
                            .redrivePolicy()
                            .filter(policy -> policy.deadLetterTargetArn().equals(arn))
                            .isPresent()) {
                sources.add(source);
            }
        }
        return sources;
    }

    private LiveQueue live(String name) {
        var live = queues.get(name);
        if (live == null) {
            throw QueueErrors.queueDoesNotExist(name);
        }
        return live;
    }

    private Queue save(LiveQueue live, Queue updated) {
        var batch = db.batch();
        batch.put(Family.QUEUES, Keys.queue(updated.name()), Catalog.encode(live.id, updated));
        db.write(batch);
        live.replace(updated);
        return updated;
    }

    private static Queue withTags(Queue queue, Map<String, String> tags) {
        return new Queue(
                queue.name(),
                queue.arn(),
                queue.attributes(),
                tags,
                queue.createdTimestamp(),
                queue.lastModifiedTimestamp());
    }

    private void checkRedrive(Queue source) {
        var policy = source.settings().redrivePolicy();
        if (policy.isEmpty()) {
            return;
        }
        var targetArn = policy.get().deadLetterTargetArn();
        var target = targetArn.startsWith(arnPrefix) ? queues.get(targetArn.substring(arnPrefix.length())) : null;
        if (target == null) {
            throw QueueErrors.invalidParameter(
                    QueueAttributes.REDRIVE_POLICY,
                    policy.get().toJson(),
                    "Dead-letter target does not exist: " + targetArn + " (expected: a queue of this region)");
        }
        if (target.fifo() != source.isFifo()) {
            throw QueueErrors.invalidParameter(
                    QueueAttributes.REDRIVE_POLICY,
                    policy.get().toJson(),
                    "Dead-letter queue must be same type of queue as the source (expected: "
                            + (source.isFifo() ? "a FIFO" : "a standard") + " queue)");
        }
        var allow = target.queue().settings().redriveAllowPolicy();
        if (allow.isPresent() && !allow.get().allows(source.arn())) {
            throw QueueErrors.invalidParameter(
                    QueueAttributes.REDRIVE_POLICY,
                    policy.get().toJson(),
                    "Queue " + source.arn() + " is not allowed as a source by the dead-letter queue's "
                            + "RedriveAllowPolicy " + allow.get().toJson());
        }
    }

    private static void checkName(String name, boolean fifo) {
        var valid = fifo
                ? FIFO_NAME.matcher(name).matches()
                : STANDARD_NAME.matcher(name).matches();
        if (!valid) {
            throw QueueErrors.invalidParameter(
                    "QueueName",
                    name,
                    fifo
                            ? "The name of a FIFO queue can only include alphanumeric characters, hyphens, or "
                                    + "underscores, must end with .fifo suffix and be 1 to 80 in length."
                            : "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length "
                                    + "(a name ending .fifo needs FifoQueue true).");
        }
    }

    private static void checkTags(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw QueueErrors.invalidParameterMessage(
                    "Too many tags: " + tags.size() + " (expected: at most " + MAX_TAGS + " per queue)");
        }
        tags.forEach((key, value) -> {
            if (!TAG_KEY.matcher(key).matches() || key.startsWith("aws:")) {
                throw QueueErrors.invalidParameter(
                        "Tags", key, "a tag key has 1 to 128 characters and does not start with aws:");
            }
            if (value == null || value.length() > 256) {
                throw QueueErrors.invalidParameter("Tags", value, "a tag value has at most 256 characters");
            }
        });
    }
}
