/**
 * How event sources run: a {@link dev.regionless.events.internal.StreamPoller} per lane of a stream mapping, or a
 * {@code QueuePoller} with scaling workers per queue mapping, each on virtual threads; the events they build, the
 * decision taken after each invocation, and the positions they keep. Only {@link dev.regionless.events.EventSources}
 * uses this package.
 */
package dev.regionless.events.internal;
