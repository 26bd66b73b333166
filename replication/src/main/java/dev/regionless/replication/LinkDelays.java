package dev.regionless.replication;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The one-way delay of each link between two regions, to make replication lag and conflicts look like those
 * between distant regions. A change is shipped no earlier than its creation time plus the delay from its region
 * to the destination. Links not named have no delay (tests and benchmarks).
 *
 * @param delays delay by {@code "from>to"} pair
 */
public record LinkDelays(Map<String, Duration> delays) {
    public LinkDelays {
        delays = Map.copyOf(delays);
        delays.forEach((pair, delay) -> {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("link delay " + pair + ": " + delay + " (expected: >= 0)");
            }
        });
    }

    /** No delay on any link. */
    public static LinkDelays none() {
        return new LinkDelays(Map.of());
    }

    /** These delays with the link from {@code from} to {@code to} taking {@code delay}. */
    public LinkDelays with(String from, String to, Duration delay) {
        requireNonNull(delay, "delay");
        var copy = new HashMap<>(delays);
        copy.put(key(from, to), delay);
        return new LinkDelays(copy);
    }

    /** These delays with both directions between two regions taking {@code delay}. */
    public LinkDelays withBoth(String a, String b, Duration delay) {
        return with(a, b, delay).with(b, a, delay);
    }

    /** The one-way delay from {@code from} to {@code to}. */
    public Duration of(String from, String to) {
        return delays.getOrDefault(key(from, to), Duration.ZERO);
    }

    /** The regions that a link from {@code from} has a delay to (zero delays included, if set), sorted. */
    public java.util.SortedSet<String> destinationsFrom(String from) {
        var prefix = requireNonNull(from, "from") + ">";
        var destinations = new java.util.TreeSet<String>();
        delays.keySet().stream()
                .filter(pair -> pair.startsWith(prefix))
                .forEach(pair -> destinations.add(pair.substring(prefix.length())));
        return destinations;
    }

    private static String key(String from, String to) {
        return requireNonNull(from, "from") + ">" + requireNonNull(to, "to");
    }
}
