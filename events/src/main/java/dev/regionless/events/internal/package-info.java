/**
 * How event sources run: one {@link dev.regionless.events.internal.StreamPoller} per mapping on its own virtual
 * thread, the events it builds, the decision taken after each invocation, and the positions it keeps. Only
 * {@link dev.regionless.events.EventSources} uses this package.
 */
package dev.regionless.events.internal;
