/**
 * DynamoDB's legacy, non-expression request parameters ({@code Expected}, {@code AttributeUpdates},
 * {@code KeyConditions}, {@code QueryFilter}, {@code ScanFilter}, {@code AttributesToGet}), converted into the
 * expression model so that the engine evaluates one model. Each converter takes the parameter's JSON and answers
 * DynamoDB's own validation errors; {@link dev.regionless.tables.legacy.ParameterMixing} rejects requests that
 * mix the two styles.
 */
package dev.regionless.tables.legacy;
