package dev.regionless.template.internal.node;

import static java.util.Objects.requireNonNull;

/** A string, number, boolean or null, kept as the text it was written as (booleans as {@code true}/{@code false}). */
public record Scalar(String text, ScalarKind kind, Location location) implements Node {

    public Scalar {
        requireNonNull(text, "text");
        requireNonNull(kind, "kind");
        requireNonNull(location, "location");
    }

    public static Scalar string(String text, Location location) {
        return new Scalar(text, ScalarKind.STRING, location);
    }

    public static Scalar bool(boolean value, Location location) {
        return new Scalar(Boolean.toString(value), ScalarKind.BOOLEAN, location);
    }

    public boolean isNull() {
        return kind == ScalarKind.NULL;
    }

    @Override
    public String display() {
        return switch (kind) {
            case NULL -> "null";
            case STRING -> text.isEmpty() ? "\"\"" : text;
            default -> text;
        };
    }
}
