/**
 * Types shared by every Regionless service: the one AWS error type and the JSON settings used on the wire.
 * Nothing here knows about HTTP servers or any single service.
 */
package dev.regionless.common;
