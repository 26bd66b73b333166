/**
 * Loading a function's code: the code bundle read from {@code CodeUri}, the class loader of one execution
 * environment, and the bytecode rewrite that routes environment and standard-stream access to the sandbox.
 */
package dev.regionless.functions.loader;
