package dev.regionless.gateway.internal.auth;

import dev.regionless.gateway.internal.message.GatewayRequest;
import dev.regionless.gateway.internal.payload.QueryParameters;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an authorizer reads one part of the caller's identity: a header or a query parameter, written in AWS's
 * notation for REST ({@code method.request.header.X}), HTTP ({@code $request.header.X}) or WebSocket
 * ({@code route.request.querystring.X}) APIs.
 *
 * @param expression the source as written
 * @param inHeader true for a header, false for a query parameter
 * @param name the header (matched case-insensitively) or parameter name
 */
public record IdentitySource(String expression, boolean inHeader, String name) {

    private static final Pattern FORM =
            Pattern.compile("(?:method\\.request|\\$request|route\\.request)\\.(header|querystring)\\.(.+)");

    /**
     * Reads an identity source.
     *
     * @throws IllegalArgumentException for anything but a header or query parameter source
     */
    public static IdentitySource parse(String expression) {
        var matcher = FORM.matcher(expression);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("identity source: " + expression
                    + " (expected: a header or query parameter, such as method.request.header.Authorization,"
                    + " $request.querystring.token or route.request.header.Auth)");
        }
        return new IdentitySource(expression, matcher.group(1).equals("header"), matcher.group(2));
    }

    /** The value in this request, if present and not empty. */
    public Optional<String> valueIn(GatewayRequest request) {
        var value = inHeader
                ? request.header(name)
                : Optional.ofNullable(
                        QueryParameters.parse(request.rawQuery()).lastValues().get(name));
        return value.filter(text -> !text.isEmpty());
    }
}
