package dev.regionless.gateway.internal.message;

import static java.util.Objects.requireNonNull;

/** One header line: the name as written on the wire (case kept), and its value. */
public record Header(String name, String value) {

    public Header {
        requireNonNull(name, "name");
        requireNonNull(value, "value");
    }

    /** Whether this header has the given name, compared case-insensitively as HTTP does. */
    public boolean named(String other) {
        return name.equalsIgnoreCase(other);
    }
}
