/**
 * The API gateway of one region: it serves the app's REST and HTTP APIs on the app port and its WebSocket APIs on
 * the WebSocket port exactly as Amazon API Gateway would, turning each request or message into a Lambda proxy
 * event and the function's answer into the response. {@link dev.regionless.gateway.HttpGateway} and {@link
 * dev.regionless.gateway.WebSocketGateway} are the entry points; the records here describe what is deployed.
 */
package dev.regionless.gateway;
