package dev.regionless.gateway.internal.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.gateway.PayloadFormat;
import dev.regionless.gateway.internal.message.GatewayRequest;
import java.util.List;
import java.util.function.Function;

/**
 * What an authorizer judges.
 *
 * @param request the request (for a WebSocket, the handshake)
 * @param arn the method ARN ({@code arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/METHOD/path}) policies are matched
 *     against
 * @param requestEvent builds the proxy-shaped event of a format that a REQUEST authorizer is sent (its body is
 *     left out)
 * @param scopes the route's authorization scopes (JWT); empty for none
 * @param backendV2 whether the route's function gets payload 2.0, which shapes {@code requestContext.authorizer}
 */
public record GuardRequest(
        GatewayRequest request,
        String arn,
        Function<PayloadFormat, ObjectNode> requestEvent,
        List<String> scopes,
        boolean backendV2) {

    public GuardRequest {
        scopes = List.copyOf(scopes);
    }

    /** The ARN of a method: {@code arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/METHOD/path}. */
    public static String methodArn(
            String region, String accountId, String apiId, String stage, String method, String path) {
        return "arn:aws:execute-api:" + region + ":" + accountId + ":" + apiId + "/" + stage + "/" + method
                + (path.startsWith("/") ? path : "/" + path);
    }
}
