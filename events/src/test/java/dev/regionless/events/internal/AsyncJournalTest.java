package dev.regionless.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncJournalTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path folder;

    private static AsyncEvent event(String id) {
        return AsyncEvent.accepted(id, "fn", ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8), T0);
    }

    @Test
    void aReopenedJournalHoldsTheLatestStateOfEveryEventNotRemoved() {
        var file = folder.resolve("queue.log");
        try (var journal = new AsyncJournal(file)) {
            journal.put(event("a"));
            journal.put(event("b"));
            var failed = new AsyncEvent(
                    "a",
                    "fn",
                    event("a").payload(),
                    T0,
                    1,
                    1,
                    0,
                    T0.plusSeconds(60),
                    new AsyncEvent.LastResponse(200, "Unhandled", "{\"errorMessage\":\"x\"}".getBytes()));
            journal.put(failed);
            journal.remove("b");
        }

        try (var reopened = new AsyncJournal(file)) {
            var pending = reopened.pending();

            assertThat(pending).hasSize(1);
            assertThat(pending.getFirst().requestId()).isEqualTo("a");
            assertThat(pending.getFirst().functionErrors()).isEqualTo(1);
            assertThat(pending.getFirst().nextAttemptAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(new String(pending.getFirst().last().payload(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"errorMessage\":\"x\"}");
        }
    }

    @Test
    void aLineTornByACrashIsDroppedAndTheNextAppendStartsOnItsOwnLine() throws IOException {
        var file = folder.resolve("queue.log");
        try (var journal = new AsyncJournal(file)) {
            journal.put(event("a"));
        }
        Files.writeString(file, "{\"put\":{\"requestId\":\"torn", StandardOpenOption.APPEND);

        try (var journal = new AsyncJournal(file)) {
            journal.put(event("c"));
        }

        try (var reopened = new AsyncJournal(file)) {
            assertThat(reopened.pending()).extracting(AsyncEvent::requestId).containsExactly("a", "c");
        }
    }

    @Test
    void manyRemovedEventsAreCompactedAwayWithoutLosingTheLiveOnes() throws IOException {
        var file = folder.resolve("queue.log");
        try (var journal = new AsyncJournal(file, 50)) {
            journal.put(event("keep"));
            for (int i = 0; i < 150; i++) {
                journal.put(event("done-" + i));
                journal.remove("done-" + i);
            }
        }

        long lines = Files.readAllLines(file).size();
        try (var reopened = new AsyncJournal(file)) {
            assertThat(reopened.pending()).extracting(AsyncEvent::requestId).containsExactly("keep");
        }
        assertThat(lines).isLessThan(60);
    }

    @Test
    void concurrentWritersSharingForcesAndCompactionsLoseNoEvent() throws Exception {
        var file = folder.resolve("queue.log");
        try (var journal = new AsyncJournal(file, 20)) {
            var threads = new java.util.ArrayList<Thread>();
            for (int t = 0; t < 8; t++) {
                int writer = t;
                threads.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 40; i++) {
                        journal.put(event(writer + "-" + i));
                        journal.put(event(writer + "-done-" + i));
                        journal.remove(writer + "-done-" + i);
                    }
                }));
            }
            for (var thread : threads) {
                thread.join();
            }
        }

        try (var reopened = new AsyncJournal(file)) {
            assertThat(reopened.pending())
                    .hasSize(8 * 40)
                    .noneMatch(e -> e.requestId().contains("done"));
        }
    }
}
