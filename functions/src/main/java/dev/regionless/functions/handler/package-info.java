/**
 * Binding a handler string such as {@code example.Hello::handleRequest} to a callable handler, with the method
 * signatures and JSON (de)serialization the Lambda Java runtime accepts.
 */
package dev.regionless.functions.handler;
