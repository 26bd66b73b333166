package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.AsyncTargets;
import dev.regionless.events.EventInvokeConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every function's asynchronous invocation settings, from the template and the API, kept on disk. A template deploy
 * replaces what the previous deploy declared; settings made through the API for other functions stay. Destinations
 * are checked against the region when they are set, as Lambda checks them.
 */
public final class AsyncConfigs {
    private final InvokeConfigFile file;
    private final AsyncTargets targets;
    private final Map<String, InvokeConfigFile.Stored> byFunction = new LinkedHashMap<>();

    public AsyncConfigs(InvokeConfigFile file, AsyncTargets targets) {
        this.file = requireNonNull(file, "file");
        this.targets = requireNonNull(targets, "targets");
        file.load().forEach(stored -> byFunction.put(stored.config().functionName(), stored));
    }

    /** The settings that apply to a function: its own, or Lambda's defaults. */
    public synchronized Optional<EventInvokeConfig> find(String functionName) {
        return Optional.ofNullable(byFunction.get(functionName)).map(InvokeConfigFile.Stored::config);
    }

    public synchronized List<EventInvokeConfig> all() {
        return byFunction.values().stream().map(InvokeConfigFile.Stored::config).toList();
    }

    /** Sets a function's settings through the API; its dead-letter queue stays. */
    public synchronized EventInvokeConfig put(EventInvokeConfig config) {
        check(config);
        var old = byFunction.get(config.functionName());
        var kept = config.withDeadLetterTarget(old == null ? null : old.config().deadLetterTarget());
        byFunction.put(config.functionName(), new InvokeConfigFile.Stored(kept, old != null && old.fromTemplate()));
        save();
        return kept;
    }

    /** Removes a function's event invoke settings; its dead-letter queue stays. Answers whether it had any. */
    public synchronized boolean delete(String functionName) {
        var old = byFunction.get(functionName);
        if (old == null || !old.config().hasInvokeSettings()) {
            return false;
        }
        var remaining = EventInvokeConfig.defaults(functionName, old.config().lastModified())
                .withDeadLetterTarget(old.config().deadLetterTarget());
        if (remaining.deadLetterTarget() == null) {
            byFunction.remove(functionName);
        } else {
            byFunction.put(functionName, new InvokeConfigFile.Stored(remaining, old.fromTemplate()));
        }
        save();
        return true;
    }

    /**
     * Replaces the template's settings with {@code declared}: every one is checked first, and nothing changes when
     * one is refused.
     */
    public synchronized void deploy(List<EventInvokeConfig> declared) {
        declared.forEach(this::check);
        byFunction.values().removeIf(InvokeConfigFile.Stored::fromTemplate);
        declared.forEach(config -> byFunction.put(config.functionName(), new InvokeConfigFile.Stored(config, true)));
        save();
    }

    private void check(EventInvokeConfig config) {
        if (config.onSuccess() != null) {
            targets.checkDestination("DestinationConfig.OnSuccess.Destination", config.onSuccess());
        }
        if (config.onFailure() != null) {
            targets.checkDestination("DestinationConfig.OnFailure.Destination", config.onFailure());
        }
        if (config.deadLetterTarget() != null) {
            targets.checkDeadLetter("DeadLetterConfig.TargetArn", config.deadLetterTarget());
        }
    }

    private void save() {
        file.save(List.copyOf(byFunction.values()));
    }
}
