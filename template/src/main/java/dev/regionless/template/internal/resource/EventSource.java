package dev.regionless.template.internal.resource;

import dev.regionless.template.FunctionSpec;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Mapping;

/** One {@code Type} of function event, such as {@code Api}: it binds the function to whatever triggers it. */
interface EventSource {

    /**
     * One entry of a function's {@code Events}.
     *
     * @param name its key under {@code Events}
     * @param properties its {@code Properties}, not yet evaluated
     * @param location where it is ({@code Resources.Fn.Properties.Events.Name})
     */
    record Event(String name, Mapping properties, Location location) {}

    void read(Event event, FunctionSpec function, ReadContext context);
}
