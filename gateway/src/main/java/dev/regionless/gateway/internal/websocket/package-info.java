/**
 * WebSocket APIs as API Gateway runs them: route selection on the message body, the events of the three
 * predefined routes and of custom routes, frame and message limits, idle and lifetime expiry, and the live
 * connections of the region. {@link dev.regionless.gateway.WebSocketGateway} puts these parts on a Vert.x server.
 */
package dev.regionless.gateway.internal.websocket;
