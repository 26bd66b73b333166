/**
 * The function runtime of one region: Java handlers with Lambda's contract, run in isolated execution
 * environments with Lambda's concurrency, timeout, logging and metering rules.
 *
 * <p>{@link dev.regionless.functions.Functions} is the public interface; the rest of the region uses only it.
 */
package dev.regionless.functions;
