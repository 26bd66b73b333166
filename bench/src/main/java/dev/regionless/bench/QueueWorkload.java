package dev.regionless.bench;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * One target of the queues benchmark, reached through the AWS SDK for Java v2: SendMessage of ~200-byte bodies;
 * ReceiveMessage of one message from a queue of {@value #RECEIVE_BACKLOG} messages received with a visibility timeout
 * of 0, so the supply never runs out and every receive still records a receive; DeleteMessage of receipt handles
 * collected beforehand, until they are all deleted (a fixed amount of work, timed); SendMessageBatch of ten bodies.
 * Each call also has a raw form ({@link RawSqs}): the same request, sent without the SDK.
 */
final class QueueWorkload implements AutoCloseable {
    static final int MAX_CONNECTIONS = 128;
    static final int RECEIVE_BACKLOG = 1_000;
    private static final String BODY = "0123456789abcdef".repeat(13).substring(0, 200);

    private final String name;
    private final SqsClient client;
    private final RawSqs raw;
    private final AtomicLong sent = new AtomicLong();
    private final ConcurrentLinkedQueue<String> handles = new ConcurrentLinkedQueue<>();
    private String sendQueue;
    private String receiveQueue;
    private String deleteQueue;

    QueueWorkload(String name, URI endpoint) {
        this.name = name;
        this.client = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(MAX_CONNECTIONS))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        this.raw = new RawSqs(endpoint);
    }

    String name() {
        return name;
    }

    /** Creates the queues and fills the receive queue. */
    void prepare() {
        sendQueue = create("bench-send");
        receiveQueue = create("bench-receive");
        deleteQueue = create("bench-delete");
        fill(receiveQueue, RECEIVE_BACKLOG);
    }

    /**
     * Sends {@code count} messages to the delete queue and receives them all with a long visibility timeout, keeping
     * their receipt handles for {@link #deleteMessage}.
     */
    void collectHandles(int count) {
        handles.clear();
        fill(deleteQueue, count);
        int collected = 0; // not handles.size(): it walks the whole queue
        for (int empty = 0; collected < count && empty < 3; ) {
            // A long poll: a short one may answer nothing while messages are still being made visible.
            List<Message> messages = client.receiveMessage(b -> b.queueUrl(deleteQueue)
                            .maxNumberOfMessages(10)
                            .visibilityTimeout(3600)
                            .waitTimeSeconds(1))
                    .messages();
            empty = messages.isEmpty() ? empty + 1 : 0;
            messages.forEach(message -> handles.add(message.receiptHandle()));
            collected += messages.size();
        }
    }

    void sendMessage(SplittableRandom random) {
        client.sendMessage(b -> b.queueUrl(sendQueue).messageBody(BODY + sent.incrementAndGet()));
    }

    void receiveMessage(SplittableRandom random) {
        var messages = client.receiveMessage(b -> b.queueUrl(receiveQueue).visibilityTimeout(0))
                .messages();
        if (messages.isEmpty()) {
            throw new IllegalStateException("the receive queue answered no message");
        }
    }

    void deleteMessage(SplittableRandom random) {
        var handle = handles.poll();
        if (handle == null) {
            throw new CallLoad.Exhausted();
        }
        client.deleteMessage(b -> b.queueUrl(deleteQueue).receiptHandle(handle));
    }

    /** SendMessageBatch of ten bodies; a failed entry is an error. */
    void sendMessageBatch(SplittableRandom random) {
        long first = sent.getAndAdd(10);
        var response = client.sendMessageBatch(b -> b.queueUrl(sendQueue).entries(batch(first)));
        if (!response.failed().isEmpty()) {
            throw new IllegalStateException(
                    "a batch entry failed: " + response.failed().get(0));
        }
    }

    void rawSendMessage(SplittableRandom random) {
        raw.call(
                "SendMessage",
                "{\"QueueUrl\":" + RawSqs.quote(sendQueue) + ",\"MessageBody\":"
                        + RawSqs.quote(BODY + sent.incrementAndGet()) + "}");
    }

    void rawSendMessageBatch(SplittableRandom random) {
        long first = sent.getAndAdd(10);
        var entries = new StringBuilder();
        for (int n = 0; n < 10; n++) {
            entries.append(n == 0 ? "" : ",")
                    .append("{\"Id\":\"m")
                    .append(n)
                    .append("\",\"MessageBody\":")
                    .append(RawSqs.quote(BODY + (first + n)))
                    .append('}');
        }
        var answer = raw.call(
                "SendMessageBatch", "{\"QueueUrl\":" + RawSqs.quote(sendQueue) + ",\"Entries\":[" + entries + "]}");
        if (answer.contains("\"Failed\":[{")) {
            throw new IllegalStateException("a batch entry failed: " + answer);
        }
    }

    void rawReceiveMessage(SplittableRandom random) {
        var answer =
                raw.call("ReceiveMessage", "{\"QueueUrl\":" + RawSqs.quote(receiveQueue) + ",\"VisibilityTimeout\":0}");
        if (!answer.contains("\"ReceiptHandle\"")) {
            throw new IllegalStateException("the receive queue answered no message: " + answer);
        }
    }

    void rawDeleteMessage(SplittableRandom random) {
        var handle = handles.poll();
        if (handle == null) {
            throw new CallLoad.Exhausted();
        }
        raw.call(
                "DeleteMessage",
                "{\"QueueUrl\":" + RawSqs.quote(deleteQueue) + ",\"ReceiptHandle\":" + RawSqs.quote(handle) + "}");
    }

    private static List<SendMessageBatchRequestEntry> batch(long first) {
        return java.util.stream.IntStream.range(0, 10)
                .mapToObj(n -> SendMessageBatchRequestEntry.builder()
                        .id("m" + n)
                        .messageBody(BODY + (first + n))
                        .build())
                .toList();
    }

    private String create(String queue) {
        return client.createQueue(b -> b.queueName(queue).attributesWithStrings(Map.of("VisibilityTimeout", "30")))
                .queueUrl();
    }

    private void fill(String queue, int count) {
        for (int i = 0; i < count; i += 10) {
            int first = i;
            var entries = java.util.stream.IntStream.range(0, Math.min(10, count - i))
                    .mapToObj(n -> SendMessageBatchRequestEntry.builder()
                            .id("m" + n)
                            .messageBody(BODY + (first + n))
                            .build())
                    .toList();
            client.sendMessageBatch(b -> b.queueUrl(queue).entries(entries));
        }
    }

    @Override
    public void close() {
        raw.close();
        client.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
