package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionless.common.MutableClock;
import dev.regionless.queues.QueueStore;
import dev.regionless.queues.ReceiveOptions;
import dev.regionless.queues.ReceivedMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A region process killed with SIGKILL while clients send, receive and delete through the SDK loses no acknowledged
 * message, brings back no acknowledged delete, and shows no message received before the crash again before its
 * visibility timeout ends.
 */
class QueuesCrashIT {
    private static final int SENDERS = 8;
    private static final int RECEIVERS = 4;
    private static final String QUEUE = "crash";

    @TempDir
    Path work;

    @RepeatedTest(2)
    void aKilledRegionKeepsEveryAcknowledgedMessageAndEveryVisibilityTimeout() throws Exception {
        var sent = ConcurrentHashMap.<String>newKeySet();
        var received = ConcurrentHashMap.<String>newKeySet();
        var deleted = ConcurrentHashMap.<String>newKeySet();
        var deleting = ConcurrentHashMap.<String>newKeySet();
        try (var region = startRegion()) {
            try (var sqs = CrashTests.failFastClient(SqsClient.builder(), CrashTests.serviceUri(work, "eu-west-2"))) {
                var url = sqs.createQueue(b ->
                                b.queueName(QUEUE).attributesWithStrings(java.util.Map.of("VisibilityTimeout", "600")))
                        .queueUrl();
                var stop = new AtomicBoolean();
                var threads = new ArrayList<Thread>();
                for (int s = 0; s < SENDERS; s++) {
                    int sender = s;
                    threads.add(Thread.ofPlatform().start(() -> send(sqs, url, sender, stop, sent)));
                }
                for (int r = 0; r < RECEIVERS; r++) {
                    threads.add(Thread.ofPlatform().start(() -> receive(sqs, url, stop, received, deleting, deleted)));
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> sent.size() >= 1500 && received.size() >= 300);
                region.kill();
                stop.set(true);
                for (var thread : threads) {
                    thread.join(Duration.ofSeconds(30));
                }
            }
        }

        // Restarted on the same data, well within the visibility timeout: only never-received messages show.
        var visibleAfterRestart = new HashSet<String>();
        try (var region = startRegion();
                var sqs = CrashTests.failFastClient(SqsClient.builder(), CrashTests.serviceUri(work, "eu-west-2"))) {
            var url = sqs.getQueueUrl(b -> b.queueName(QUEUE)).queueUrl();
            while (true) {
                var batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10))
                        .messages();
                if (batch.isEmpty()) {
                    break;
                }
                batch.forEach(m -> visibleAfterRestart.add(m.body()));
            }
            assertThat(region.isAlive()).isTrue();
        }

        assertThat(intersection(visibleAfterRestart, received))
                .as("received before the crash, shown again")
                .isEmpty();
        assertThat(intersection(visibleAfterRestart, deleted))
                .as("deleted before the crash, shown again")
                .isEmpty();

        // Reopen the store directly, an hour later: the messages still hidden by their timeouts are all there.
        var inFlight = new HashSet<String>();
        var clock = new MutableClock(Instant.now().plus(Duration.ofHours(1)));
        try (var store = QueueStore.open(work.resolve("data/eu-west-2/queues"), "eu-west-2", "123456789012", clock)) {
            while (true) {
                var batch = store.receive(QUEUE, ReceiveOptions.of(10).waiting(Duration.ZERO));
                if (batch.isEmpty()) {
                    break;
                }
                batch.stream().map(ReceivedMessage::body).forEach(inFlight::add);
            }
        }
        assertThat(intersection(inFlight, deleted))
                .as("deleted before the crash, back")
                .isEmpty();
        var kept = new HashSet<String>(visibleAfterRestart);
        kept.addAll(inFlight);
        // A delete the region made durable but could not acknowledge before it died may have removed its message.
        kept.addAll(deleting);
        assertThat(kept)
                .as("every acknowledged send is queued, in flight or was deleted")
                .containsAll(sent);
    }

    private CliProcess startRegion() throws Exception {
        // A restarted region listens on new ports: no client may read the killed one's entry.
        Files.deleteIfExists(work.resolve("data/endpoints.json"));
        return CrashTests.startRegion(work, "eu-west-2");
    }

    private static void send(SqsClient sqs, String url, int sender, AtomicBoolean stop, Set<String> sent) {
        for (int i = 0; !stop.get(); i++) {
            var body = sender + "-" + i;
            try {
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
                sent.add(body);
            } catch (RuntimeException e) {
                return; // the region is gone: this send was never acknowledged
            }
        }
    }

    /** Receives, and deletes every other message received, recording only what the region acknowledged. */
    private static void receive(
            SqsClient sqs,
            String url,
            AtomicBoolean stop,
            Set<String> received,
            Set<String> deleting,
            Set<String> deleted) {
        while (!stop.get()) {
            try {
                var messages = sqs.receiveMessage(
                                b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages();
                messages.stream().map(Message::body).forEach(received::add);
                for (int i = 0; i < messages.size(); i += 2) {
                    var message = messages.get(i);
                    deleting.add(message.body());
                    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
                    deleted.add(message.body());
                }
            } catch (RuntimeException e) {
                return;
            }
        }
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        var result = new HashSet<>(a);
        result.retainAll(b);
        return result;
    }
}
