/**
 * The Lambda proxy payloads: building the 1.0 and 2.0 events from a request, deciding which bodies travel
 * base64-encoded, and turning a function's answer back into an HTTP response (or recognising it as malformed).
 */
package dev.regionless.gateway.internal.payload;
