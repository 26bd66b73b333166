package dev.regionless.gateway.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An authorizer's answers by identity, each kept for the authorizer's TTL on the region's clock. A cached answer is
 * evaluated again for every request, as API Gateway does with a cached policy: a policy that allowed one method may
 * deny the next.
 *
 * @param <V> what is cached
 */
final class ResultCache<V> {
    /** Past this many entries, expired ones are swept before adding. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();

    ResultCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    boolean enabled() {
        return !ttl.isZero();
    }

    Optional<V> get(String key) {
        var entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    void put(String key, V value) {
        if (!enabled()) {
            return;
        }
        var now = clock.instant();
        if (entries.size() > SWEEP_ABOVE) {
            entries.values().removeIf(entry -> !now.isBefore(entry.expires()));
        }
        entries.put(key, new Entry<>(value, now.plus(ttl)));
    }

    private record Entry<V>(V value, Instant expires) {}
}
