/**
 * The Lambda API's event source mapping actions as the AWS SDK's {@code LambdaClient} sends them ({@code rest-json},
 * paths under {@code /2015-03-31/event-source-mappings}): parse, call {@link dev.regionless.events.EventSources},
 * render.
 */
package dev.regionless.events.protocol;
