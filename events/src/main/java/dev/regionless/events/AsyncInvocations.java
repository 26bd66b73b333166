package dev.regionless.events;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.internal.AsyncConfigs;
import dev.regionless.events.internal.AsyncDispatcher;
import dev.regionless.events.internal.AsyncEvent;
import dev.regionless.events.internal.AsyncJournal;
import dev.regionless.events.internal.InvokeConfigFile;
import dev.regionless.functions.AsyncInvoker;
import dev.regionless.functions.FunctionErrors;
import dev.regionless.functions.Functions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A region's asynchronous invocations, as Lambda runs {@code InvocationType: Event}: each event is written to a
 * durable queue in the region's data folder before it is acknowledged, then run in the background; a function error
 * is retried {@code MaximumRetryAttempts} times (about 1 and 2 minutes apart), a throttle or platform error goes back
 * to the queue with a backoff from 1 s to 5 min until {@code MaximumEventAgeInSeconds}; the outcome goes to the
 * function's on-success or on-failure destination, or its dead-letter queue. Retries follow the region's clock, so
 * tests advance it. Events still queued when the region stops run after it starts again.
 *
 * <p>The region sets this as its function runtime's {@link AsyncInvoker}, so every asynchronous source (the Lambda
 * API, schedules, topics) reaches it through {@link Functions#invokeAsync}.
 */
public final class AsyncInvocations implements AsyncInvoker, AutoCloseable {
    /** How often the queue looks at the clock; retries are at most this late. */
    public static final Duration TICK = Duration.ofMillis(250);

    private final Functions functions;
    private final Clock clock;
    private final AsyncConfigs configs;
    private final AsyncJournal journal;
    private final AsyncDispatcher dispatcher;

    private AsyncInvocations(
            Functions functions,
            AsyncTargets targets,
            Path folder,
            Clock clock,
            Duration tick,
            String functionArnPrefix) {
        this.functions = requireNonNull(functions, "functions");
        this.clock = requireNonNull(clock, "clock");
        this.configs = new AsyncConfigs(new InvokeConfigFile(folder.resolve("event-invoke-configs.json")), targets);
        this.journal = new AsyncJournal(folder.resolve("async-invocations.log"));
        this.dispatcher = new AsyncDispatcher(functions, journal, configs, targets, clock, tick, functionArnPrefix);
    }

    /**
     * Opens the queue kept in {@code folder} and starts running what it holds.
     *
     * @param targets where records and dead letters go
     * @param folder the region's folder for events (queue and settings files)
     * @param functionArnPrefix the region's function ARNs without the name, such as
     *     {@code arn:aws:lambda:eu-west-2:123456789012:function:}
     */
    public static AsyncInvocations start(
            Functions functions, AsyncTargets targets, Path folder, Clock clock, String functionArnPrefix) {
        return start(functions, targets, folder, clock, TICK, functionArnPrefix);
    }

    /** As {@link #start(Functions, AsyncTargets, Path, Clock, String)}, looking at the clock every {@code tick}. */
    public static AsyncInvocations start(
            Functions functions,
            AsyncTargets targets,
            Path folder,
            Clock clock,
            Duration tick,
            String functionArnPrefix) {
        requireNonNull(folder, "folder");
        return new AsyncInvocations(functions, targets, folder, clock, tick, functionArnPrefix);
    }

    /**
     * Queues an event; returns its request id once it is durable.
     *
     * @throws dev.regionless.common.AwsException {@code ResourceNotFoundException} for a function not deployed
     */
    @Override
    public String submit(String functionName, byte[] payload) {
        requireNonNull(payload, "payload");
        if (functions.function(functionName).isEmpty()) {
            throw FunctionErrors.functionNotFound(functionName);
        }
        var requestId = UUID.randomUUID().toString();
        dispatcher.accept(AsyncEvent.accepted(requestId, functionName, payload.clone(), clock.instant()));
        return requestId;
    }

    /** How many events are queued or running. */
    public int queued() {
        return dispatcher.size();
    }

    /** A function's settings ({@code GetFunctionEventInvokeConfig}), if it has any. */
    public Optional<EventInvokeConfig> config(String functionName) {
        return configs.find(functionName).filter(EventInvokeConfig::hasInvokeSettings);
    }

    /** Every function's settings ({@code ListFunctionEventInvokeConfigs} spans one function; this spans all). */
    public List<EventInvokeConfig> configs() {
        return configs.all().stream()
                .filter(EventInvokeConfig::hasInvokeSettings)
                .toList();
    }

    /**
     * Sets a function's settings ({@code PutFunctionEventInvokeConfig}, or the result of an update).
     *
     * @throws dev.regionless.common.AwsException {@code InvalidParameterValueException} for a destination this
     *     region cannot deliver to
     */
    public EventInvokeConfig put(EventInvokeConfig config) {
        requireNonNull(config, "config");
        return configs.put(config);
    }

    /** Removes a function's settings ({@code DeleteFunctionEventInvokeConfig}); answers whether it had any. */
    public boolean delete(String functionName) {
        return configs.delete(functionName);
    }

    /**
     * Replaces the settings the template declares ({@code EventInvokeConfig}, {@code AWS::Lambda::EventInvokeConfig},
     * {@code DeadLetterQueue}); deploy the functions, queues and destinations first.
     *
     * @throws dev.regionless.common.AwsException {@code InvalidParameterValueException} for a destination this
     *     region cannot deliver to; nothing changes then
     */
    public void deploy(List<EventInvokeConfig> declared) {
        configs.deploy(List.copyOf(declared));
    }

    /** Stops running events; those queued stay in the queue file for the next start. */
    @Override
    public void close() {
        dispatcher.close();
        journal.close();
    }
}
