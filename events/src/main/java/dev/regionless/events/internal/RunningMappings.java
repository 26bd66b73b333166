package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.EventSourcesConfig;
import dev.regionless.events.FailureDestination;
import dev.regionless.events.FailureDestinations;
import dev.regionless.events.MappingSource;
import dev.regionless.functions.Functions;
import dev.regionless.queues.QueueStore;
import dev.regionless.tables.TableStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pollers of a region's mappings: for a stream, one per lane of each enabled mapping; for a queue, one
 * {@link QueuePoller} that scales its own workers. {@link #apply} turns the running set
 * into the given one, touching only what changed: an unchanged mapping keeps running; a changed one restarts from
 * its saved position (carried over to its new lanes if its parallelization changed); one whose source changed, or
 * that is gone, loses its position. Not thread-safe: its owner serialises calls.
 */
public final class RunningMappings {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunningMappings.class);
    private final Functions functions;
    private final TableStore tables;
    /** The region's queues, or {@code null} in a region without them (queue mappings are refused there). */
    private final QueueStore queues;

    private final EventSourcesConfig config;
    private final FailureDestinations destinations;
    private final StreamPositions positions;
    private final DynamodbEvents events;
    private final RetryBackoff backoff;

    private Map<String, MappingEntry> running = Map.of();
    private Map<String, List<MappingPoller>> pollers = Map.of();
    /** Every poller, for wake-ups from other threads. */
    private volatile List<MappingPoller> all = List.of();

    public RunningMappings(
            Functions functions, TableStore tables, EventSourcesConfig config, FailureDestinations destinations) {
        this(functions, tables, null, config, destinations);
    }

    /** @param queues the region's queues, or {@code null} for a region without queues */
    public RunningMappings(
            Functions functions,
            TableStore tables,
            QueueStore queues,
            EventSourcesConfig config,
            FailureDestinations destinations) {
        this.functions = requireNonNull(functions, "functions");
        this.tables = requireNonNull(tables, "tables");
        this.queues = queues;
        this.config = requireNonNull(config, "config");
        this.destinations = requireNonNull(destinations, "destinations");
        this.positions = new StreamPositions(tables);
        this.events = new DynamodbEvents(tables.region());
        this.backoff = new RetryBackoff(config.firstRetryDelay(), config.maxRetryDelay());
    }

    /** Runs exactly {@code entries}. */
    public void apply(List<MappingEntry> entries) {
        var wanted = new HashMap<String, MappingEntry>();
        entries.forEach(entry -> wanted.put(entry.uuid(), entry));
        var nextPollers = new HashMap<String, List<MappingPoller>>();
        for (var old : running.values()) {
            var replacement = wanted.get(old.uuid());
            if (replacement != null && old.mapping().equals(replacement.mapping())) {
                nextPollers.put(old.uuid(), pollers.getOrDefault(old.uuid(), List.of()));
                continue;
            }
            stop(pollers.getOrDefault(old.uuid(), List.of()));
            if (old.mapping().fromQueue()) {
                continue; // a queue keeps its own state: what was not deleted is received again
            }
            int oldLanes = old.mapping().parallelizationFactor();
            if (replacement == null || !replacement.mapping().sameSourceAs(old.mapping())) {
                positions.forgetLanes(old.uuid(), oldLanes);
            } else if (replacement.mapping().parallelizationFactor() != oldLanes) {
                positions.repartition(
                        old.uuid(), oldLanes, replacement.mapping().parallelizationFactor());
            }
        }
        for (var entry : entries) {
            if (!nextPollers.containsKey(entry.uuid())) {
                nextPollers.put(entry.uuid(), start(entry));
            }
        }
        running = Map.copyOf(wanted);
        pollers = Map.copyOf(nextPollers);
        all = pollers.values().stream().flatMap(List::stream).toList();
    }

    /** Wakes every poller: functions were deployed, so one waiting for its function may go on. */
    public void wakeAll() {
        all.forEach(MappingPoller::wake);
    }

    /** Wakes the pollers of one table's mappings: the table changed. */
    public void wakeTable(String tableName) {
        for (var poller : all) {
            if (poller.mapping().source() instanceof MappingSource.Stream stream
                    && stream.tableName().equals(tableName)) {
                poller.wake();
            }
        }
    }

    /** Stops every poller, letting invocations in flight finish; positions stay stored. */
    public void stopAll() {
        var stopping = all;
        all = List.of();
        stop(stopping);
        pollers = Map.of();
        running = Map.of();
    }

    /**
     * The destination {@code arn} names. A mapping was checked when it was created, but its destination may be gone
     * since (a queue deleted while the region was stopped): the mapping still starts, and looks the destination up
     * again for each record, failing the delivery, which the mapping retries, until it exists again.
     */
    private FailureDestination destination(String arn) {
        try {
            return destinations.destination(arn);
        } catch (dev.regionless.common.AwsException gone) {
            return record -> destinations.destination(arn).send(record);
        }
    }

    private List<MappingPoller> start(MappingEntry entry) {
        var mapping = entry.mapping();
        if (mapping.source() instanceof MappingSource.Queue queue) {
            if (!mapping.enabled()) {
                return List.of();
            }
            if (queues == null) {
                LOG.warn(
                        "event source mapping {} reads queue {}, but this region has no queues",
                        mapping.uuid(),
                        queue.arn());
                return List.of();
            }
            var runtime = new QueueMappingRuntime(
                    mapping, queue, entry.functionArn(), functions, queues, tables.region(), entry.result(), config);
            return List.of(QueuePoller.start(runtime));
        }
        var destination = mapping.failureHandling()
                .onFailure()
                .map(this::destination)
                .orElseGet(() -> new LoggedDiscard(mapping.uuid()));
        var runtime = new MappingRuntime(
                mapping,
                entry.functionArn(),
                functions,
                events,
                new StreamErrorPolicy(mapping.failureHandling(), backoff),
                destination,
                entry.result(),
                config);
        var started = new ArrayList<MappingPoller>();
        int lanes = mapping.parallelizationFactor();
        for (int i = 0; i < lanes; i++) {
            var lane = new Lane(i, lanes);
            var source = new StreamSource(tables, positions, mapping.uuid(), mapping.tableName(), lane);
            source.begin(mapping.startingPosition());
            if (mapping.enabled()) {
                started.add(StreamPoller.start(runtime, source, lane));
            }
        }
        return List.copyOf(started);
    }

    private static void stop(List<MappingPoller> stopping) {
        stopping.forEach(MappingPoller::requestStop);
        stopping.forEach(MappingPoller::awaitStopped);
    }
}
