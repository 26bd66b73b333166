/**
 * Handlers that exercise one Lambda behaviour each, for the integration tests: environment, static state,
 * timeouts, errors, logging and the accepted method signatures. They use only Lambda's and AWS's own libraries.
 */
package dev.regionless.testfunctions;
