/**
 * Handlers that exercise one Lambda behaviour each, for the integration tests: environment, static state,
 * timeouts, errors, logging, the accepted method signatures and DynamoDB events. They use only Lambda's and AWS's own libraries.
 */
package dev.regionless.testfunctions;
