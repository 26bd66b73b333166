/**
 * Schedule expressions in EventBridge's syntax, {@code rate(...)}, {@code cron(...)} and Scheduler's {@code at(...)}:
 * parsed and checked once, then asked for their next fire time. Shared by the template reader, which refuses a bad
 * expression where it is written, and the region's scheduler, which fires it.
 */
package dev.regionless.common.schedule;
