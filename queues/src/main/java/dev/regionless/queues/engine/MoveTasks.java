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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Message move tasks (StartMessageMoveTask): move the messages a dead-letter queue holds back to the queues they
 * came from, or to another queue, each message in one atomic write that removes it from the source and adds it to
 * the destination, so a crash mid-task loses and duplicates none. One task runs per source queue at a time, on its
 * own virtual thread. The task list itself lives in memory: after a restart the list is empty and a task that was
 * running is not resumed (the messages it had not moved are still in the dead-letter queue).
 */
public final class MoveTasks implements AutoCloseable {
    private static final int PER_PASS = 100;

    private final QueueDatabase db;
    private final Numbers numbers;
    private final Clock clock;
    private final Function<String, LiveQueue> queuesByArn;
    private final List<Task> tasks = new CopyOnWriteArrayList<>();

    MoveTasks(QueueDatabase db, Numbers numbers, Clock clock, Function<String, LiveQueue> queuesByArn) {
        this.db = db;
        this.numbers = numbers;
        this.clock = clock;
        this.queuesByArn = queuesByArn;
    }

    /** A task's progress; its fields change as it runs. */
    private final class Task {
        final String handle;
        final String sourceArn;
        final String destinationArn;
        final Integer rate;
        final long toMove;
        final long started;
        volatile String status = "RUNNING";
        volatile long moved;
        volatile String failure;

        Task(String sourceArn, String destinationArn, Integer rate, long toMove) {
            this.sourceArn = sourceArn;
            this.destinationArn = destinationArn;
            this.rate = rate;
            this.toMove = toMove;
            this.started = clock.millis();
            var id = Sender.randomId() + "|" + sourceArn;
            this.handle = Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
        }

        MoveTask view() {
            return new MoveTask(
                    status.equals("RUNNING") ? handle : null,
                    status,
                    sourceArn,
                    destinationArn,
                    rate,
                    moved,
                    toMove,
                    failure,
                    started);
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
            if (task.sourceArn.equals(sourceArn) && task.status.equals("RUNNING")) {
                throw QueueErrors.unsupportedOperation("There is already a message move task running for " + sourceArn
                        + " (expected: one task per source queue at a time)");
            }
        }
        var task = new Task(sourceArn, destinationArn, rate, source.counts(clock.millis())[0]);
        tasks.add(0, task);
        Thread.ofVirtual().name("queue-move-task").start(() -> run(task, source));
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
                .map(Task::view)
                .toList();
    }

    /** Cancels a running task; answers how many messages it had moved. */
    public long cancel(String handle) {
        for (var task : tasks) {
            if (task.handle.equals(handle) && task.status.equals("RUNNING")) {
                task.status = "CANCELLING";
                return task.moved;
            }
        }
        throw QueueErrors.resourceNotFound("Task does not exist or is not running: " + handle);
    }

    private void run(Task task, LiveQueue source) {
        try {
            while (task.status.equals("RUNNING") && task.moved < task.toMove) {
                int moved = movePass(task, source);
                if (moved == 0) {
                    break; // nothing visible left to move
                }
            }
            task.status = task.status.equals("CANCELLING") ? "CANCELLED" : "COMPLETED";
        } catch (RuntimeException e) {
            task.failure = e.getMessage();
            task.status = "FAILED";
        }
    }

    /** Moves up to {@value #PER_PASS} visible messages; answers how many. */
    private int movePass(Task task, LiveQueue source) {
        var joins = new ArrayList<Runnable>();
        source.lock.lock();
        try {
            if (source.isDeleted()) {
                throw new IllegalStateException("the source queue was deleted");
            }
            long now = clock.millis();
            var batch = db.batch();
            int count = 0;
            int limit = task.rate == null ? PER_PASS : Math.min(PER_PASS, task.rate);
            for (var slot : new ArrayList<>(source.slots.values())) {
                if (count == limit || task.moved + count >= task.toMove || !task.status.equals("RUNNING")) {
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
                count++;
            }
            if (count == 0) {
                batch.close();
                return 0;
            }
            db.apply(batch);
        } finally {
            source.lock.unlock();
        }
        db.awaitDurable();
        joins.forEach(Runnable::run);
        task.moved += joins.size();
        pace(task, joins.size());
        return joins.size();
    }

    private static void pace(Task task, int moved) {
        if (task.rate == null) {
            return;
        }
        try {
            Thread.sleep(moved * 1000L / task.rate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.status = "CANCELLING";
        }
    }

    @Override
    public void close() {
        tasks.forEach(task -> {
            if (task.status.equals("RUNNING")) {
                task.status = "CANCELLING";
            }
        });
    }
}
