package dev.regionless.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.replication.LinkDelays;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LiveDelaysTest {
    @Test
    void aChangedDelayReplacesTheConfiguredOneForItsDirectionOnly() {
        var delays = new LiveDelays(LinkDelays.none().withBoth("eu-west-2", "us-west-2", Duration.ofMillis(70)));

        delays.set("eu-west-2", "us-west-2", Duration.ofMillis(500));

        assertThat(delays.of("eu-west-2", "us-west-2")).isEqualTo(Duration.ofMillis(500));
        assertThat(delays.of("us-west-2", "eu-west-2")).isEqualTo(Duration.ofMillis(70));
    }

    @Test
    void changesFromManyThreadsAtOnceAreAllKept() throws Exception {
        var delays = new LiveDelays(LinkDelays.none());
        var start = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < 16; i++) {
            var peer = "peer-" + i;
            var millis = i;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                delays.set("eu-west-2", peer, Duration.ofMillis(millis));
            }));
        }

        start.countDown();
        for (var thread : threads) {
            thread.join();
        }

        assertThat(delays.current().destinationsFrom("eu-west-2")).hasSize(16);
        assertThat(delays.of("eu-west-2", "peer-15")).isEqualTo(Duration.ofMillis(15));
    }
}
