package dev.regionless.functions.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Variables the platform sets for every function of a region and changes while they run (the region's health
 * switch, for one). A function sees the current value at each {@code System.getenv}; its own variables win only
 * for names the platform does not set.
 */
final class PlatformVariables {
    private final Map<String, String> values = new ConcurrentHashMap<>();

    void set(String name, String value) {
        if (value == null) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
    }

    /** {@code base} with the current platform variables laid over it. */
    Map<String, String> over(Map<String, String> base) {
        if (values.isEmpty()) {
            return base;
        }
        var merged = new LinkedHashMap<>(base);
        merged.putAll(values);
        return merged;
    }
}
