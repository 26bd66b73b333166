package dev.regionless.events;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.internal.BatchOutcomePolicy;
import dev.regionless.events.internal.DynamodbEvents;
import dev.regionless.events.internal.RetryBackoff;
import dev.regionless.events.internal.RetryUntilSuccess;
import dev.regionless.events.internal.StreamPoller;
import dev.regionless.events.internal.StreamPositions;
import dev.regionless.events.internal.StreamSource;
import dev.regionless.functions.FunctionErrors;
import dev.regionless.functions.Functions;
import dev.regionless.tables.TableStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A region's event source mappings: each enabled mapping has a poller that feeds its table's stream to its
 * function, batch by batch, in order, retrying a failed batch until it succeeds or its records leave the stream.
 * Delivery is at least once, as on Lambda: a batch whose success was not yet recorded when the region stopped is
 * delivered again.
 *
 * <p>Positions are stored in the region's table store, so a restarted region that deploys the same mappings again
 * continues where it stopped.
 */
public final class EventSources implements AutoCloseable {
    private final Functions functions;
    private final TableStore tables;
    private final EventSourcesConfig config;
    private final StreamPositions positions;
    private final DynamodbEvents events;
    private final BatchOutcomePolicy streamPolicy;

    /** Guarded by {@code this}; read without the lock by the change listener. */
    private volatile Map<String, StreamPoller> pollers = Map.of();

    private List<EventSourceMapping> mappings = List.of();
    private boolean closed;

    private EventSources(Functions functions, TableStore tables, EventSourcesConfig config) {
        this.functions = requireNonNull(functions, "functions");
        this.tables = requireNonNull(tables, "tables");
        this.config = requireNonNull(config, "config");
        this.positions = new StreamPositions(tables);
        this.events = new DynamodbEvents(tables.region());
        this.streamPolicy = new RetryUntilSuccess(new RetryBackoff(config.firstRetryDelay(), config.maxRetryDelay()));
    }

    /** Event sources with the default retry and retention settings; none are deployed yet. */
    public static EventSources create(Functions functions, TableStore tables, Clock clock) {
        return create(functions, tables, EventSourcesConfig.defaults(clock));
    }

    public static EventSources create(Functions functions, TableStore tables, EventSourcesConfig config) {
        var sources = new EventSources(functions, tables, config);
        tables.onChange(sources::tableChanged);
        return sources;
    }

    /**
     * Replaces the deployed mappings with these. A mapping equal to one already deployed keeps running untouched;
     * one whose settings changed restarts from its saved position; one whose source changed, or that is gone,
     * loses its position (a mapping deployed again later starts over at its starting position).
     *
     * @throws dev.regionless.common.AwsException {@code InvalidParameterValueException} for two mappings with one
     *     uuid, {@code ResourceNotFoundException} for a function that is not deployed; nothing changes then
     */
    public synchronized void deploy(List<EventSourceMapping> newMappings) {
        if (closed) {
            throw new IllegalStateException("event sources are closed");
        }
        validate(newMappings);
        var wanted = byUuid(newMappings);
        var running = new HashMap<>(pollers);
        for (var old : mappings) {
            var replacement = wanted.get(old.uuid());
            if (old.equals(replacement)) {
                continue;
            }
            var poller = running.remove(old.uuid());
            if (poller != null) {
                poller.requestStop();
                poller.awaitStopped();
            }
            if (replacement == null || !replacement.sameSourceAs(old)) {
                positions.forget(old.uuid());
            }
        }
        var previous = byUuid(mappings);
        for (var mapping : newMappings) {
            if (mapping.equals(previous.get(mapping.uuid()))) {
                continue;
            }
            var source = new StreamSource(tables, positions, mapping.uuid(), mapping.tableName());
            source.begin(mapping.startingPosition());
            if (mapping.enabled()) {
                running.put(
                        mapping.uuid(), StreamPoller.start(mapping, source, functions, events, streamPolicy, config));
            }
        }
        pollers = Map.copyOf(running);
        mappings = List.copyOf(newMappings);
    }

    /** The deployed mappings, in the order they were deployed. */
    public synchronized List<EventSourceMapping> mappings() {
        return mappings;
    }

    /** Stops every poller, letting invocations in flight finish; positions stay stored. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        var stopping = pollers.values();
        pollers = Map.of();
        stopping.forEach(StreamPoller::requestStop);
        stopping.forEach(StreamPoller::awaitStopped);
    }

    private void tableChanged(String tableName) {
        for (var poller : pollers.values()) {
            if (poller.mapping().tableName().equals(tableName)) {
                poller.wake();
            }
        }
    }

    /** Checks that the mappings can be deployed together, before anything changes. */
    private void validate(List<EventSourceMapping> list) {
        var uuids = new HashSet<String>();
        for (var mapping : list) {
            requireNonNull(mapping, "mapping");
            if (!uuids.add(mapping.uuid())) {
                throw FunctionErrors.invalidParameter(
                        "uuid: " + mapping.uuid() + " (expected: each mapping's uuid only once)");
            }
            if (functions.function(mapping.functionName()).isEmpty()) {
                throw FunctionErrors.functionNotFound(mapping.functionName());
            }
        }
    }

    private static Map<String, EventSourceMapping> byUuid(List<EventSourceMapping> list) {
        var result = new LinkedHashMap<String, EventSourceMapping>();
        list.forEach(mapping -> result.put(mapping.uuid(), mapping));
        return result;
    }
}
