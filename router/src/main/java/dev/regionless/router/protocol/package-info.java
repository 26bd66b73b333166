/**
 * The DNS wire protocol of the edge's authoritative server: a query's bytes in, the answer's bytes out, with
 * dnsjava reading and writing the messages. No sockets here; the edge's internal package serves it over UDP and TCP.
 */
package dev.regionless.router.protocol;
