/**
 * CORS decisions: which origins are allowed, how an HTTP API answers preflight requests and decorates responses,
 * and how a REST API's SAM-generated OPTIONS methods answer.
 */
package dev.regionless.gateway.internal.cors;
