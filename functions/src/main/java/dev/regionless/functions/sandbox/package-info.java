/**
 * The hooks that give each execution environment its own process-like view of the JVM: handler bytecode is
 * rewritten so that {@code System.getenv} and {@code System.out}/{@code err} land here, and these hooks answer
 * with the calling environment's variables and log streams.
 */
package dev.regionless.functions.sandbox;
