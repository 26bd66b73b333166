/**
 * Requests and responses as the gateway sees them: read in full, header names as the client sent them, no HTTP
 * library types, so that every step of the pipeline is tested without a server.
 */
package dev.regionless.gateway.internal.message;
