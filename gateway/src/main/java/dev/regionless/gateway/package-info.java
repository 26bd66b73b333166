/**
 * The HTTP API gateway of one region: it serves the app's REST and HTTP APIs on the app port exactly as Amazon
 * API Gateway would, turning each request into a Lambda proxy event and the function's answer into the response.
 * {@link dev.regionless.gateway.HttpGateway} is the entry point; the records here describe what is deployed.
 */
package dev.regionless.gateway;
