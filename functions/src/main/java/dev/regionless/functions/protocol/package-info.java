/**
 * The Lambda API as the AWS SDK's {@code LambdaClient} speaks it ({@code rest-json}, paths under
 * {@code /2015-03-31/functions}): one small method per action, parse, call {@link dev.regionless.functions.Functions},
 * render.
 */
package dev.regionless.functions.protocol;
