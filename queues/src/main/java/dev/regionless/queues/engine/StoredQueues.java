package dev.regionless.queues.engine;

import dev.regionless.common.AwsException;
import dev.regionless.queues.BatchOutcome;
import dev.regionless.queues.OutgoingMessage;
import dev.regionless.queues.Queue;
import dev.regionless.queues.QueueErrors;
import dev.regionless.queues.ReceiveOptions;
import dev.regionless.queues.ReceivedMessage;
import dev.regionless.queues.SendResult;
import dev.regionless.queues.storage.QueueDatabase;
import dev.regionless.queues.storage.QueueDatabase.Family;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A region's queues over one RocksDB database: the catalog, and each queue's messages live in memory over their
 * records. Opening reads everything back, so a restart keeps every acknowledged message, receive count and hidden
 * message's visibility. The public face of this is {@link dev.regionless.queues.QueueStore}.
 */
public final class StoredQueues implements AutoCloseable {
    private static final byte[] SECRET_KEY = Keys.meta("receipt-secret");

    private final QueueDatabase db;
    private final String arnPrefix;
    private final String accountId;
    private final Clock clock;
    private final Map<String, LiveQueue> queues = new ConcurrentHashMap<>();
    private final Numbers numbers;
    private final ReceiptHandles handles;
    private final Sender sender;
    private final Receiver receiver;
    private final QueueCatalog catalog;
    private final MoveTasks moves;
    private final Thread housekeeping;
    private volatile boolean closed;

    private StoredQueues(QueueDatabase db, String region, String accountId, Clock clock) {
        this.db = db;
        this.arnPrefix = "arn:aws:sqs:" + region + ":" + accountId + ":";
        this.accountId = accountId;
        this.clock = clock;
        this.numbers = new Numbers(db);
        this.handles = new ReceiptHandles(secret(db));
        this.sender = new Sender(db, numbers, clock);
        this.receiver = new Receiver(db, handles, clock, new Selection(db, numbers, this::liveByArn), accountId);
        this.catalog = new QueueCatalog(db, queues, numbers, clock, arnPrefix);
        this.moves = new MoveTasks(db, numbers, clock, this::liveByArn);
        Recovery.load(db, queues);
        moves.resume();
        this.housekeeping = Thread.ofVirtual().name("queues-housekeeping").start(this::housekeep);
    }

    public static StoredQueues open(Path folder, String region, String accountId, Clock clock) {
        return new StoredQueues(QueueDatabase.open(folder), region, accountId, clock);
    }

    public String accountId() {
        return accountId;
    }

    public String arn(String name) {
        return arnPrefix + name;
    }

    public QueueCatalog catalog() {
        return catalog;
    }

    public MoveTasks moves() {
        return moves;
    }

    public Optional<Queue> find(String name) {
        var live = queues.get(name);
        return live == null ? Optional.empty() : Optional.of(live.queue());
    }

    /** The queue's attributes as GetQueueAttributes answers them: settings, counts, timestamps, ARN. */
    public Map<String, String> attributes(String name) {
        var live = live(name);
        var queue = live.queue();
        var result = new java.util.TreeMap<>(queue.attributes());
        var counts = live.counts(clock.millis());
        result.put("ApproximateNumberOfMessages", Long.toString(counts[0]));
        result.put("ApproximateNumberOfMessagesNotVisible", Long.toString(counts[1]));
        result.put("ApproximateNumberOfMessagesDelayed", Long.toString(counts[2]));
        result.put("CreatedTimestamp", Long.toString(queue.createdTimestamp()));
        result.put("LastModifiedTimestamp", Long.toString(queue.lastModifiedTimestamp()));
        result.put("QueueArn", queue.arn());
        return result;
    }

    /** How many receivers are long polling the queue right now. */
    public int waitingReceivers(String name) {
        return live(name).waiting();
    }

    public List<BatchOutcome<SendResult>> send(String name, List<OutgoingMessage> messages) {
        var live = live(name);
        var settings = live.settings();
        var outcomes = new ArrayList<BatchOutcome<SendResult>>();
        var accepted = new ArrayList<OutgoingMessage>();
        for (var message : messages) {
            try {
                MessageRules.check(message, settings);
                accepted.add(message);
                outcomes.add(null);
            } catch (AwsException e) {
                outcomes.add(new BatchOutcome.Failure<>(e));
            }
        }
        if (!accepted.isEmpty()) {
            var results = sender.send(live, accepted).iterator();
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i) == null) {
                    outcomes.set(i, new BatchOutcome.Success<>(results.next()));
                }
            }
        }
        return outcomes;
    }

    public List<ReceivedMessage> receive(String name, ReceiveOptions options) {
        var live = live(name);
        var settings = live.settings();
        long visibility = options.visibilityTimeout() == null
                ? settings.visibilityTimeoutSeconds() * 1000L
                : options.visibilityTimeout().toMillis();
        long wait = options.waitTime() == null
                ? settings.receiveWaitSeconds() * 1_000_000_000L
                : options.waitTime().toNanos();
        return receiver.receive(
                live,
                options.maxMessages(),
                visibility,
                wait,
                options.messageAttributeNames(),
                options.receiveRequestAttemptId());
    }

    /** Deletes the message a receipt handle names; answers whether a message was deleted. */
    public boolean deleteMessage(String name, String receiptHandle) {
        var live = live(name);
        return live.delete(receipt(live, receiptHandle), receiptHandle);
    }

    public void changeVisibility(String name, String receiptHandle, int seconds) {
        if (seconds < 0 || seconds > 43_200) {
            throw QueueErrors.invalidParameter(
                    "VisibilityTimeout", seconds, "must be between 0 and 43200 seconds, if provided.");
        }
        var live = live(name);
        live.changeVisibility(receipt(live, receiptHandle), receiptHandle, seconds * 1000L, clock.millis());
    }

    public void purge(String name) {
        live(name).purge(clock.millis());
    }

    /** The live queue named {@code name}, or {@code QueueDoesNotExist}. */
    LiveQueue live(String name) {
        var live = queues.get(name);
        if (live == null) {
            throw QueueErrors.queueDoesNotExist(name);
        }
        return live;
    }

    /** The live queue with this ARN in this region, or {@code null}. */
    LiveQueue liveByArn(String arn) {
        return arn.startsWith(arnPrefix) ? queues.get(arn.substring(arnPrefix.length())) : null;
    }

    private ReceiptHandles.Receipt receipt(LiveQueue live, String handle) {
        var receipt = handles.read(handle);
        if (receipt.queueId() != live.id) {
            throw QueueErrors.receiptHandleIsInvalid(handle);
        }
        return receipt;
    }

    private static byte[] secret(QueueDatabase db) {
        var stored = db.get(Family.META, SECRET_KEY);
        if (stored != null) {
            return stored;
        }
        var secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        var batch = db.batch();
        batch.put(Family.META, SECRET_KEY, secret);
        db.write(batch);
        return secret;
    }

    /** Deletes expired messages and deduplication ids every second, so counts stay true on idle queues. */
    private void housekeep() {
        while (!closed) {
            try {
                Thread.sleep(1000);
                long now = clock.millis();
                queues.values().forEach(live -> live.expire(now));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!closed) {
                    org.slf4j.LoggerFactory.getLogger(StoredQueues.class).warn("queue housekeeping failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        housekeeping.interrupt();
        moves.close();
        queues.values().forEach(LiveQueue::markDeleted);
        try {
            housekeeping.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        db.close();
    }
}
