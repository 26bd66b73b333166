package dev.regionless.events;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.internal.MappingEntry;
import dev.regionless.events.internal.MappingFile;
import dev.regionless.events.internal.ProcessingResult;
import dev.regionless.events.internal.RunningMappings;
import dev.regionless.functions.FunctionErrors;
import dev.regionless.functions.FunctionInfo;
import dev.regionless.functions.Functions;
import dev.regionless.queues.QueueStore;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.streams.TableStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A region's event source mappings: each enabled mapping has pollers that feed its table's stream to its function,
 * batch by batch, in order, handling failures as the mapping's {@link FailureHandling} says; or that receive batches
 * from its queue and delete what the function processed, leaving the rest to the queue's visibility timeout and
 * redrive policy. Delivery is at least once, as on Lambda: a batch whose success was not yet recorded when the region
 * stopped is delivered again.
 *
 * <p>Mappings come from two places: the deployed template ({@link #deploy}), which declares its set again on each
 * deploy, and the Lambda API ({@link #create}, {@link #update}, {@link #delete}), whose mappings are kept in the
 * config's mappings file across restarts. Positions are stored in the region's table store, so a restarted region
 * continues where it stopped.
 */
public final class EventSources implements AutoCloseable {
    private final Functions functions;
    private final TableStore tables;
    /** The region's queues, or {@code null} for a region without them: queue mappings are refused there. */
    private final QueueStore queues;

    private final EventSourcesConfig config;
    private final FailureDestinations destinations;
    private final MappingFile file;
    private final RunningMappings running;

    /** Guarded by {@code this}: template mappings first, in deploy order, then API mappings in creation order. */
    private final Map<String, MappingEntry> entries = new LinkedHashMap<>();

    private boolean closed;

    private EventSources(
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
        this.file = new MappingFile(config.mappingsFile());
        this.running = new RunningMappings(functions, tables, queues, config, destinations);
    }

    /** Event sources with the default retry and retention settings; none are deployed yet. */
    public static EventSources create(Functions functions, TableStore tables, Clock clock) {
        return create(functions, tables, EventSourcesConfig.defaults(clock));
    }

    /** Event sources whose on-failure destinations are the region's functions. */
    public static EventSources create(Functions functions, TableStore tables, EventSourcesConfig config) {
        return create(functions, tables, config, FailureDestinations.functions(functions, tables.region()));
    }

    /**
     * Event sources that start the mappings kept in the config's mappings file at once. A mapping whose function is
     * not deployed yet waits for it.
     */
    public static EventSources create(
            Functions functions, TableStore tables, EventSourcesConfig config, FailureDestinations destinations) {
        return start(new EventSources(functions, tables, null, config, destinations));
    }

    /**
     * Event sources of a region with queues: besides table streams, its queues may feed its functions
     * ({@code EventSourceArn} a queue ARN). Starts the mappings kept in the config's mappings file at once.
     */
    public static EventSources create(
            Functions functions,
            TableStore tables,
            QueueStore queues,
            EventSourcesConfig config,
            FailureDestinations destinations) {
        return start(new EventSources(functions, tables, requireNonNull(queues, "queues"), config, destinations));
    }

    private static EventSources start(EventSources sources) {
        var tables = sources.tables;
        synchronized (sources) {
            sources.file.load().forEach(entry -> sources.entries.put(entry.uuid(), entry));
            sources.running.apply(List.copyOf(sources.entries.values()));
        }
        tables.onChange(sources.running::wakeTable);
        return sources;
    }

    /**
     * Replaces the template's mappings with these; mappings created through the API stay. A mapping equal to one
     * already deployed keeps running untouched; one whose settings changed restarts from its saved position; one
     * whose source changed, or that is gone, loses its position (a mapping deployed again later starts over at its
     * starting position).
     *
     * @throws dev.regionless.common.AwsException {@code InvalidParameterValueException} for two mappings with one
     *     uuid or an on-failure destination that cannot be reached, {@code ResourceNotFoundException} for a function
     *     that is not deployed, {@code ResourceConflictException} for a mapping the API already made; nothing
     *     changes then
     */
    public synchronized void deploy(List<EventSourceMapping> declared) {
        checkOpen();
        var uuids = new HashSet<String>();
        var now = config.clock().instant();
        var next = new LinkedHashMap<String, MappingEntry>();
        for (var mapping : declared) {
            requireNonNull(mapping, "mapping");
            if (!uuids.add(mapping.uuid())) {
                throw FunctionErrors.invalidParameter(
                        "uuid: " + mapping.uuid() + " (expected: each mapping's uuid only once)");
            }
            var function = validate(mapping, entry -> !entry.fromTemplate());
            var old = entries.get(mapping.uuid());
            if (old != null && !old.fromTemplate()) {
                throw FunctionErrors.invalidParameter(
                        "uuid: " + mapping.uuid() + " (expected: a uuid no mapping created through the API has)");
            }
            next.put(
                    mapping.uuid(),
                    old != null && old.mapping().equals(mapping)
                            ? old
                            : new MappingEntry(
                                    mapping,
                                    true,
                                    function.arn(),
                                    now,
                                    old == null ? new ProcessingResult() : old.result()));
        }
        entries.values().stream()
                .filter(entry -> !entry.fromTemplate())
                .forEach(entry -> next.put(entry.uuid(), entry));
        replace(next);
        running.wakeAll();
    }

    /**
     * Creates a mapping ({@code CreateEventSourceMapping}) and starts it; it is kept across restarts.
     *
     * @throws dev.regionless.common.AwsException {@code ResourceNotFoundException} for a function that is not
     *     deployed, {@code ResourceConflictException} when the function already has a mapping from that source,
     *     {@code InvalidParameterValueException} for a source or destination that cannot be read or reached
     */
    public synchronized MappingDescription create(EventSourceMapping mapping) {
        checkOpen();
        requireNonNull(mapping, "mapping");
        if (entries.containsKey(mapping.uuid())) {
            throw FunctionErrors.invalidParameter("UUID: " + mapping.uuid() + " (expected: a new mapping's UUID)");
        }
        var function = validate(mapping, entry -> true);
        var entry =
                new MappingEntry(mapping, false, function.arn(), config.clock().instant(), new ProcessingResult());
        var next = new LinkedHashMap<>(entries);
        next.put(mapping.uuid(), entry);
        replace(next);
        return describe(entry, "Creating");
    }

    /**
     * Changes a mapping created through the API ({@code UpdateEventSourceMapping}); its source and starting
     * position stay as they were.
     *
     * @throws dev.regionless.common.AwsException {@code ResourceNotFoundException} for an unknown uuid,
     *     {@code ResourceConflictException} for a mapping the template declares, and the errors of {@link #create}
     */
    public synchronized MappingDescription update(String uuid, UnaryOperator<EventSourceMapping> change) {
        checkOpen();
        var old = apiEntry(uuid);
        var changed = change.apply(old.mapping());
        if (!changed.uuid().equals(uuid)
                || !changed.eventSourceArn().equals(old.mapping().eventSourceArn())
                || changed.startingPosition() != old.mapping().startingPosition()) {
            throw new IllegalArgumentException("an update keeps the mapping's uuid, source and starting position");
        }
        var function = validate(changed, entry -> !entry.uuid().equals(uuid));
        var entry = old.with(changed, function.arn(), config.clock().instant());
        var next = new LinkedHashMap<>(entries);
        next.put(uuid, entry);
        replace(next);
        var state = changed.enabled() == old.mapping().enabled()
                ? "Updating"
                : changed.enabled() ? "Enabling" : "Disabling";
        return describe(entry, state);
    }

    /**
     * Deletes a mapping created through the API ({@code DeleteEventSourceMapping}): its pollers stop after the batch
     * in flight and its position is forgotten.
     *
     * @throws dev.regionless.common.AwsException {@code ResourceNotFoundException} for an unknown uuid,
     *     {@code ResourceConflictException} for a mapping the template declares
     */
    public synchronized MappingDescription delete(String uuid) {
        checkOpen();
        var old = apiEntry(uuid);
        var next = new LinkedHashMap<>(entries);
        next.remove(uuid);
        replace(next);
        return describe(old, "Deleting");
    }

    /** One mapping, from the template or the API. */
    public synchronized Optional<MappingDescription> describe(String uuid) {
        return Optional.ofNullable(entries.get(uuid)).map(entry -> describe(entry, null));
    }

    /** Every mapping: the template's, then those created through the API. */
    public synchronized List<MappingDescription> describeAll() {
        return entries.values().stream().map(entry -> describe(entry, null)).toList();
    }

    /** The settings of every mapping, in the order of {@link #describeAll()}. */
    public synchronized List<EventSourceMapping> mappings() {
        return entries.values().stream().map(MappingEntry::mapping).toList();
    }

    /** Stops every poller, letting invocations in flight finish; positions and API mappings stay stored. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        running.stopAll();
    }

    /**
     * Checks a mapping against the region and against the {@code rivals}, the mappings that may not map the same
     * function to the same source; answers its function.
     */
    private FunctionInfo validate(EventSourceMapping mapping, Predicate<MappingEntry> rivals) {
        var function = functions
                .function(mapping.functionName())
                .orElseThrow(() -> FunctionErrors.functionNotFound(mapping.functionName()));
        mapping.requireConsistent();
        if (mapping.source() instanceof MappingSource.Queue queue) {
            requireQueue(queue);
        }
        mapping.failureHandling().onFailure().ifPresent(destinations::destination);
        entries.values().stream()
                .filter(rivals)
                .filter(other -> other.mapping().functionName().equals(mapping.functionName())
                        && other.mapping().sameSourceAs(mapping))
                .findFirst()
                .ifPresent(other -> {
                    throw EventSourceErrors.mappingExists(
                            mapping.eventSourceArn(), mapping.functionName(), other.uuid());
                });
        return function;
    }

    /** A queue mapping's queue must be one of this region's, and exist, as Lambda checks when it is created. */
    private void requireQueue(MappingSource.Queue queue) {
        if (queues == null) {
            throw FunctionErrors.invalidParameter(
                    "EventSourceArn: " + queue.arn() + " (expected: a DynamoDB stream ARN; this region has no queues)");
        }
        if (!queue.region().equals(queues.region()) || !queue.accountId().equals(queues.accountId())) {
            throw FunctionErrors.invalidParameter("EventSourceArn: " + queue.arn() + " (expected: a queue of this"
                    + " region such as " + queues.arn(queue.queueName()) + "; queues in other regions or accounts"
                    + " are not reachable from Regionless)");
        }
        if (queues.queue(queue.queueName()).isEmpty()) {
            throw FunctionErrors.invalidParameter("EventSourceArn: " + queue.arn() + " (expected: an existing queue;"
                    + " there is no queue " + queue.queueName() + " in " + queues.region() + ")");
        }
    }

    private MappingEntry apiEntry(String uuid) {
        var entry = entries.get(uuid);
        if (entry == null) {
            throw EventSourceErrors.mappingNotFound(uuid);
        }
        if (entry.fromTemplate()) {
            throw EventSourceErrors.declaredByTemplate(uuid);
        }
        return entry;
    }

    /** Saves the API mappings, then runs the new set; the file is written first so no acknowledged change is lost. */
    private void replace(Map<String, MappingEntry> next) {
        var fromApi =
                next.values().stream().filter(entry -> !entry.fromTemplate()).toList();
        var before =
                entries.values().stream().filter(entry -> !entry.fromTemplate()).toList();
        if (!fromApi.equals(before)) {
            file.save(fromApi);
        }
        entries.clear();
        entries.putAll(next);
        running.apply(new ArrayList<>(entries.values()));
    }

    private MappingDescription describe(MappingEntry entry, String transition) {
        var mapping = entry.mapping();
        var state = transition != null ? transition : mapping.enabled() ? "Enabled" : "Disabled";
        var source = mapping.eventSourceArn().startsWith("arn:") && (!entry.fromTemplate() || mapping.fromQueue())
                ? mapping.eventSourceArn()
                : tables.table(mapping.tableName())
                        .flatMap(TableStream::of)
                        .map(TableStream::arn)
                        .orElse(mapping.eventSourceArn());
        return new MappingDescription(
                mapping,
                entry.fromTemplate(),
                state,
                entry.functionArn(),
                source,
                entry.lastModified(),
                entry.result().last());
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("event sources are closed");
        }
    }
}
