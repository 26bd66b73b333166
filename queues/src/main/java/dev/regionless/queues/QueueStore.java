package dev.regionless.queues;

import static java.util.Objects.requireNonNull;

import dev.regionless.queues.engine.StoredQueues;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A region's queues, stored durably in one RocksDB database: the queue service's public Java API, which the SQS
 * wire protocols, the template deployer and the event sources use. Queues are named as in SQS; errors are
 * {@link dev.regionless.common.AwsException}s with SQS's codes ({@link QueueErrors}).
 *
 * <p>A send returns once the message is durable; so does a receive (the visibility timeout and receive count it
 * sets survive a crash), a delete and a visibility change. Receives with a wait time block the calling thread,
 * which should be a virtual thread, until a message arrives or the wait ends.
 */
public final class QueueStore implements AutoCloseable {
    private final StoredQueues queues;
    private final String region;

    private QueueStore(StoredQueues queues, String region) {
        this.queues = queues;
        this.region = region;
    }

    /**
     * Opens the queues stored in {@code folder}, creating an empty store if there is none.
     *
     * @param region the region name, used in ARNs
     * @param accountId the account id, used in ARNs and as the messages' {@code SenderId}
     * @param clock the time of timestamps, visibility timeouts, delays and retention
     */
    public static QueueStore open(Path folder, String region, String accountId, Clock clock) {
        requireNonNull(folder, "folder");
        return new QueueStore(StoredQueues.open(folder, region, accountId, clock), region);
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return queues.accountId();
    }

    /** {@code arn:aws:sqs:REGION:ACCOUNT:NAME}, whether or not the queue exists. */
    public String arn(String name) {
        return queues.arn(name);
    }

    /** The name in an ARN of this region's queues, if it is one. */
    public Optional<String> nameOf(String arn) {
        var prefix = queues.arn("");
        return arn != null && arn.startsWith(prefix) && arn.length() > prefix.length()
                ? Optional.of(arn.substring(prefix.length()))
                : Optional.empty();
    }

    // ---- queues ----

    /**
     * Creates a queue with SQS's defaults for the attributes not given; a FIFO queue takes {@code FifoQueue=true}
     * and a name ending {@code .fifo}. Creating a queue that exists with the same attributes answers it.
     */
    public Queue createQueue(String name, Map<String, String> attributes, Map<String, String> tags) {
        return queues.catalog().create(name, attributes, tags);
    }

    public Optional<Queue> queue(String name) {
        return queues.find(name);
    }

    /** The queue, or {@code QueueDoesNotExist}. */
    public Queue requireQueue(String name) {
        return queues.find(name).orElseThrow(() -> QueueErrors.queueDoesNotExist(name));
    }

    /** Every queue's name, in order. */
    public List<String> queueNames() {
        return queues.catalog().names();
    }

    /** Deletes a queue and its messages; receivers waiting on it answer no messages. */
    public void deleteQueue(String name) {
        queues.catalog().delete(name);
    }

    /** Deletes every message in the queue; at most once a minute, as SQS. */
    public void purgeQueue(String name) {
        queues.purge(name);
    }

    /** The settable attributes with the computed ones: approximate counts, timestamps, {@code QueueArn}. */
    public Map<String, String> attributes(String name) {
        return queues.attributes(name);
    }

    public Queue setAttributes(String name, Map<String, String> attributes) {
        return queues.catalog().setAttributes(name, attributes);
    }

    public Queue tagQueue(String name, Map<String, String> tags) {
        return queues.catalog().tag(name, tags);
    }

    public Queue untagQueue(String name, Collection<String> keys) {
        return queues.catalog().untag(name, keys);
    }

    /** The queues whose redrive policy names {@code name} as their dead-letter queue. */
    public List<String> deadLetterSourceQueues(String name) {
        return queues.catalog().deadLetterSources(name);
    }

    // ---- messages ----

    /** Sends one message; throws the SQS error if it is refused. */
    public SendResult send(String queue, OutgoingMessage message) {
        return switch (sendBatch(queue, List.of(message)).get(0)) {
            case BatchOutcome.Success<SendResult> success -> success.value();
            case BatchOutcome.Failure<SendResult> failure -> throw failure.error();
        };
    }

    /** Sends several messages in one durable write; each is accepted or refused on its own. */
    public List<BatchOutcome<SendResult>> sendBatch(String queue, List<OutgoingMessage> messages) {
        return queues.send(queue, messages);
    }

    /** Receives up to {@code options.maxMessages()} messages, waiting up to its wait time for the first. */
    public List<ReceivedMessage> receive(String queue, ReceiveOptions options) {
        return queues.receive(queue, options);
    }

    /** How many receivers are waiting on the queue right now (long polling): for monitoring and tests. */
    public int waitingReceivers(String queue) {
        return queues.waitingReceivers(queue);
    }

    /**
     * Deletes the message a receipt handle names. A handle from before the message's latest receive deletes
     * nothing on a standard queue (SQS answers success) and is {@code ReceiptHandleIsInvalid} on a FIFO queue.
     *
     * @return whether a message was deleted
     */
    public boolean deleteMessage(String queue, String receiptHandle) {
        return queues.deleteMessage(queue, receiptHandle);
    }

    /** Hides a message in flight for {@code seconds} from now (0 shows it again at once). */
    public void changeVisibility(String queue, String receiptHandle, int seconds) {
        queues.changeVisibility(queue, receiptHandle, seconds);
    }

    // ---- redrive ----

    /**
     * Starts moving the messages of a dead-letter queue back to their source queues, or to {@code destinationArn}.
     *
     * @param maxPerSecond the rate limit, or {@code null} for none
     * @return the task handle
     */
    public String startMessageMoveTask(String sourceArn, String destinationArn, Integer maxPerSecond) {
        var source = nameOf(sourceArn);
        boolean isDeadLetterQueue = source.isPresent()
                && queue(source.get()).isPresent()
                && !deadLetterSourceQueues(source.get()).isEmpty();
        return queues.moves().start(sourceArn, isDeadLetterQueue, destinationArn, maxPerSecond);
    }

    public List<MoveTask> listMessageMoveTasks(String sourceArn, int max) {
        return queues.moves().list(sourceArn, max);
    }

    /** Cancels a running task; answers how many messages it had moved. */
    public long cancelMessageMoveTask(String taskHandle) {
        return queues.moves().cancel(taskHandle);
    }

    @Override
    public void close() {
        queues.close();
    }
}
