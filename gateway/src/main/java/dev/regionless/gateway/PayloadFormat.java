package dev.regionless.gateway;

/**
 * The Lambda proxy payload format version of a route: the shape of the event sent to the function and of the
 * response expected back.
 */
public enum PayloadFormat {
    /** Version "1.0": REST API proxy events ({@code APIGatewayProxyRequestEvent}), also selectable by HTTP APIs. */
    V1,
    /** Version "2.0": HTTP API events ({@code APIGatewayV2HTTPEvent}); responses may omit {@code statusCode}. */
    V2
}
