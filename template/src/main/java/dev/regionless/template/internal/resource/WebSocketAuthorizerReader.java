package dev.regionless.template.internal.resource;

import dev.regionless.template.internal.node.Values;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an {@code AWS::ApiGatewayV2::Authorizer} of a WebSocket API: a {@code REQUEST} Lambda authorizer whose
 * {@code AuthorizerUri} names a function of the template, reading the identity from {@code IdentitySource}s such as
 * {@code route.request.header.Auth} or {@code route.request.querystring.token}. Routes use it with
 * {@code AuthorizationType: CUSTOM} and {@code AuthorizerId: !Ref Authorizer}.
 */
final class WebSocketAuthorizerReader {

    static final String TYPE = "AWS::ApiGatewayV2::Authorizer";

    private static final Pattern SOURCE = Pattern.compile("route\\.request\\.(header|querystring)\\..+");
    private static final String HTTP_ONLY = "a WebSocket authorizer without it; it applies to HTTP APIs only";

    static final PropertyRules RULES = new PropertyRules(
            TYPE,
            java.util.Set.of("ApiId", "AuthorizerType", "AuthorizerUri", "IdentitySource", "Name"),
            java.util.Map.of("AuthorizerCredentialsArn", "Regionless does not enforce IAM"),
            java.util.Map.of(
                    "AuthorizerResultTtlInSeconds",
                    HTTP_ONLY + "; WebSocket authorizer results are not cached",
                    "AuthorizerPayloadFormatVersion",
                    HTTP_ONLY,
                    "EnableSimpleResponses",
                    HTTP_ONLY,
                    "JwtConfiguration",
                    HTTP_ONLY + "; declare JWT authorizers in an AWS::Serverless::HttpApi's Auth",
                    "IdentityValidationExpression",
                    "a REQUEST authorizer; validation expressions are for TOKEN"));

    private WebSocketAuthorizerReader() {}

    static void read(ResourceEntry resource, ReadContext context) {
        RULES.check(resource.properties(), context);
        var api = WebSocketRegistry.apiOf(resource.properties(), context);
        var properties = new Properties(resource.properties(), context.resolver());
        var type = properties.required("AuthorizerType", "REQUEST");
        if (!Values.string(type).equals("REQUEST")) {
            throw Values.unexpected(type, "REQUEST, the only authorizer type of WebSocket APIs");
        }
        var uri = properties.required(
                "AuthorizerUri",
                "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Function.Arn}/invocations");
        var functionName = WebSocketIntegrationReader.functionName(uri, context);
        var sourcesNode = properties.required("IdentitySource", "a list such as [route.request.header.Auth]");
        var sources = sourcesNode instanceof dev.regionless.template.internal.node.Scalar
                ? List.of(Values.string(sourcesNode))
                : Values.strings(sourcesNode);
        for (var source : sources) {
            if (!SOURCE.matcher(source).matches()) {
                throw sourcesNode
                        .location()
                        .error(source + " (expected: route.request.header.NAME or route.request.querystring.NAME)");
            }
        }
        var name = properties.string("Name").orElse(resource.logicalId());
        context.webSockets()
                .addAuthorizer(
                        WebSocketPartKind.id(resource, context.resolver()),
                        new WebSocketRegistry.Authorizer(
                                resource.logicalId(), api, name, functionName, sources, uri.location()));
    }
}
