/**
 * The wire side of the gateway's management API: {@code @connections} requests, as the AWS SDK's
 * {@code ApiGatewayManagementApiClient} sends them, turned into calls on the {@link
 * dev.regionless.gateway.WebSocketGateway}.
 */
package dev.regionless.gateway.protocol;
