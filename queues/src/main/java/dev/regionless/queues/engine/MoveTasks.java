package dev.regionless.queues.engine;

import dev.regionless.queues.MoveTask;
import dev.regionless.queues.QueueErrors;
import dev.regionless.queues.storage.QueueDatabase;
import dev.regionless.queues.storage.QueueDatabase.Family;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Message move tasks (StartMessageMoveTask): move the messages a dead-letter queue holds back to the queues they
 * came from, or to another queue, each pass in one atomic write that removes them from the source, adds them to the
 * destination and counts them in the task's stored progress, so a crash mid-task loses, duplicates and miscounts
 * none. One task runs per source queue at a time, on its own virtual thread. Tasks are stored: after a restart the
 * list is the same, and a task that was running resumes where its last pass ended.
 */
public final class MoveTasks implements AutoCloseable {
    private static final int PER_PASS = 100;
    /** ListMessageMoveTasks shows up to 10 tasks per source; older ones are forgotten. */
    private static final int KEPT_PER_SOURCE = 10;

    private final QueueDatabase db;
    private final Numbers numbers;
    private final Clock clock;
    private final Function<String, LiveQueue> queuesByArn;
    /** Newest first. */
    private final List<MoveTaskRecord> tasks = new CopyOnWriteArrayList<>();

    private final Set<Thread> runners = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    MoveTasks(QueueDatabase db, Numbers numbers, Clock clock, Function<String, LiveQueue> queuesByArn) {
        this.db = db;
        this.numbers = numbers;
        this.clock = clock;
        this.queuesByArn = queuesByArn;
    }

    /**
     * Reads the stored tasks back once the queues are loaded: running ones resume (or fail if their source queue is
     * gone), ones being cancelled end cancelled.
     */
    void resume() {
        db.scan(Family.MOVE_TASKS, new byte[0], (key, value) -> tasks.add(0, MoveTaskRecord.decode(key, value)));
        for (var task : tasks) {
            if (task.status.equals("CANCELLING")) {
                finish(task, "CANCELLED", null);
            } else if (task.isRunning()) {
                var source = queuesByArn.apply(task.sourceArn);
                if (source == null) {
                    finish(task, "FAILED", "the source queue was deleted");
                } else {
                    launch(task, source);
                }
            }
        }
    }

    /**
     * Starts moving the messages of the dead-letter queue {@code sourceArn}.
     *
     * @param isDeadLetterQueue whether some queue sends its dead letters to the source
     * @param destinationArn the queue to move to, or {@code null} for each message's original source
     * @param rate at most this many messages a second (1 to 500), or {@code null} for no limit
     * @return the task handle
     */
    public synchronized String start(String sourceArn, boolean isDeadLetterQueue, String destinationArn, Integer rate) {
        var source = queuesByArn.apply(sourceArn);
        if (source == null) {
            throw QueueErrors.resourceNotFound(
                    "The resource that you specified for the SourceArn parameter doesn't " + "exist: " + sourceArn);
        }
        if (!isDeadLetterQueue) {
            throw QueueErrors.invalidParameter(
                    "SourceArn", sourceArn, "Source queue must be configured as a Dead Letter Queue.");
        }
        if (destinationArn != null && queuesByArn.apply(destinationArn) == null) {
            throw QueueErrors.resourceNotFound("The resource that you specified for the DestinationArn parameter "
                    + "doesn't exist: " + destinationArn);
        }
        if (rate != null && (rate < 1 || rate > 500)) {
            throw QueueErrors.invalidParameter("MaxNumberOfMessagesPerSecond", rate, "must be between 1 and 500.");
        }
        for (var task : tasks) {
            if (task.sourceArn.equals(sourceArn) && task.isRunning()) {
                throw QueueErrors.unsupportedOperation("There is already a message move task running for " + sourceArn
                        + " (expected: one task per source queue at a time)");
            }
        }
        long started = clock.millis();
        var id = Sender.randomId() + "|" + sourceArn;
        var task = new MoveTaskRecord(
                MoveTaskRecord.key(started, numbers.next()),
                Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8)),
                sourceArn,
                destinationArn,
                rate,
                source.counts(started)[0],
                started,
                "RUNNING",
                0,
                null);
        var batch = db.batch();
        batch.put(Family.MOVE_TASKS, task.key, task.encode());
        tasks.stream()
                .filter(older -> older.sourceArn.equals(sourceArn))
                .skip(KEPT_PER_SOURCE - 1)
                .forEach(older -> {
                    batch.delete(Family.MOVE_TASKS, older.key);
                    tasks.remove(older);
                });
        db.write(batch);
        tasks.add(0, task);
        launch(task, source);
        return task.handle;
    }

    /** The source's most recent tasks, newest first, at most {@code max}. */
    public List<MoveTask> list(String sourceArn, int max) {
        if (queuesByArn.apply(sourceArn) == null) {
            throw QueueErrors.resourceNotFound(
                    "The resource that you specified for the SourceArn parameter doesn't " + "exist: " + sourceArn);
        }
        return tasks.stream()
                .filter(task -> task.sourceArn.equals(sourceArn))
                .limit(max)
                .map(MoveTaskRecord::view)
                .toList();
    }

    /** Cancels a running task; answers how many messages it had moved. */
    public synchronized long cancel(String handle) {
        for (var task : tasks) {
            if (task.handle.equals(handle) && task.isRunning()) {
                update(task, () -> task.status = "CANCELLING");
                return task.moved;
            }
        }
        throw QueueErrors.resourceNotFound("Task does not exist or is not running: " + handle);
    }

    private void launch(MoveTaskRecord task, LiveQueue source) {
        var runner = Thread.ofVirtual().name("queue-move-task").unstarted(() -> run(task, source));
        runners.add(runner);
        runner.start();
    }

    private void run(MoveTaskRecord task, LiveQueue source) {
        try {
            while (task.isRunning() && !closing && task.moved < task.toMove) {
                int moved = movePass(task, source);
                if (moved == 0) {
                    break; // nothing visible left to move
                }
            }
            if (!closing) {
                // Stopped by closing, the stored record still says RUNNING (or CANCELLING): the next open goes on.
                finish(task, task.status.equals("CANCELLING") ? "CANCELLED" : "COMPLETED", null);
            }
        } catch (RuntimeException e) {
            if (!closing) {
                finish(task, "FAILED", e.getMessage());
            }
        } finally {
            runners.remove(Thread.currentThread());
        }
    }

    private void finish(MoveTaskRecord task, String status, String failure) {
        update(task, () -> {
            task.failure = failure;
            task.status = status;
        });
    }

    /**
     * Changes a task and stores it. Every change and write of a task's record happens under the task's monitor (a
     * pass's progress too), so the record written last is the newest: a cancel cannot store an older progress over
     * a pass's, nor a pass an older status over a cancel's.
     */
    private void update(MoveTaskRecord task, Runnable change) {
        var batch = db.batch();
        synchronized (task) {
            change.run();
            batch.put(Family.MOVE_TASKS, task.key, task.encode());
            db.apply(batch);
        }
        db.awaitDurable();
    }

    /** Moves up to {@value #PER_PASS} visible messages; answers how many. */
    private int movePass(MoveTaskRecord task, LiveQueue source) {
        var joins = new ArrayList<Runnable>();
        source.lock.lock();
        try {
            if (source.isDeleted()) {
                throw new IllegalStateException("the source queue was deleted");
            }
            long now = clock.millis();
            var batch = db.batch();
            int limit = task.rate == null ? PER_PASS : Math.min(PER_PASS, task.rate);
            for (var slot : new ArrayList<>(source.slots.values())) {
                if (joins.size() == limit || task.moved + joins.size() >= task.toMove || !task.isRunning()) {
                    break;
                }
                if (slot.pending || slot.visibleAt > now) {
                    continue;
                }
                var bytes = db.get(Family.MESSAGES, Keys.message(source.id, slot.number));
                var message = bytes == null ? null : StoredMessage.decode(bytes);
                var targetArn = task.destinationArn != null
                        ? task.destinationArn
                        : message == null ? null : message.deadLetterSourceArn();
                var target = targetArn == null ? null : queuesByArn.apply(targetArn);
                if (message == null || target == null) {
                    continue; // no known origin: it stays in the dead-letter queue
                }
                source.remove(slot);
                source.deleteRecords(batch, slot.number);
                long number = numbers.next();
                var moved = message.movedTo(null, now, target.fifo() ? Sender.sequenceNumber(number) : null, false);
                var copy = new Slot(number, moved.groupId(), now, now);
                var key = Keys.message(target.id, number);
                batch.put(Family.MESSAGES, key, moved.encode()).put(Family.STATES, key, copy.encodeState());
                joins.add(() -> Transfers.join(target, copy, now));
            }
            if (joins.isEmpty()) {
                batch.close();
                return 0;
            }
            // The progress goes in the same atomic write as the messages it counts.
            synchronized (task) {
                batch.put(Family.MOVE_TASKS, task.key, task.encode(task.moved + joins.size()));
                db.apply(batch);
                task.moved += joins.size();
            }
        } finally {
            source.lock.unlock();
        }
        db.awaitDurable();
        joins.forEach(Runnable::run);
        pace(task, joins.size());
        return joins.size();
    }

    private void pace(MoveTaskRecord task, int moved) {
        if (task.rate == null) {
            return;
        }
        try {
            Thread.sleep(moved * 1000L / task.rate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (!closing) {
                task.status = "CANCELLING";
            }
        }
    }

    /** Stops the running tasks without changing what is stored about them, and waits for their threads. */
    @Override
    public void close() {
        closing = true;
        for (var runner : runners) {
            runner.interrupt();
        }
        for (var runner : runners) {
            try {
                runner.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
