package dev.regionless.template.internal.node;

import static java.util.Objects.requireNonNull;

/**
 * A call of an intrinsic function, from a short-form tag ({@code !Sub x}) or the long form ({@code Fn::Sub: x}).
 *
 * @param function the long name: {@code Ref}, {@code Condition}, or {@code Fn::Xxx}
 * @param argument the argument as written, not yet evaluated
 * @param location where the call is
 */
public record Intrinsic(String function, Node argument, Location location) implements Node {

    public Intrinsic {
        requireNonNull(function, "function");
        requireNonNull(argument, "argument");
        requireNonNull(location, "location");
    }

    @Override
    public String display() {
        return function;
    }
}
