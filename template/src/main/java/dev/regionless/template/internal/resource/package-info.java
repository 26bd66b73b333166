/**
 * One reader per resource type, chosen by the dispatch table in {@code ResourceTypes}: each knows its type's
 * properties (honoured, ignored with a warning, or rejected), its {@code Ref} and {@code Fn::GetAtt} values, and how
 * it adds to the application model.
 *
 * <p>Adding a type (a queue, a topic) means adding a {@code ResourceKind} beside the others and one line in
 * {@code ResourceTypes}; adding a function event type means an {@code EventSource} and one line in
 * {@code FunctionEvents}.
 */
package dev.regionless.template.internal.resource;
