package dev.regionless.template.internal.resource;

import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Values;
import java.util.regex.Pattern;

/**
 * Reads an {@code AWS::ApiGatewayV2::Integration} of a WebSocket API, which must be a Lambda proxy integration: its
 * {@code IntegrationUri} is API Gateway's invocation URI around a function's ARN, or the function's ARN alone, and
 * names the function by its {@code FunctionName}.
 */
final class WebSocketIntegrationReader {

    static final String TYPE = "AWS::ApiGatewayV2::Integration";

    private static final Pattern INVOCATION_URI =
            Pattern.compile("arn:aws[a-z-]*:apigateway:[a-z0-9-]+:lambda:path/2015-03-31/functions/(.+)/invocations");
    private static final Pattern FUNCTION_ARN =
            Pattern.compile("arn:aws[a-z-]*:lambda:([a-z0-9-]+):[0-9]{12}:function:([A-Za-z0-9_-]{1,64})(:.+)?");
    private static final String URI = "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
            + "${Function.Arn}/invocations, or !GetAtt Function.Arn";

    private WebSocketIntegrationReader() {}

    static void read(ResourceEntry resource, ReadContext context) {
        WebSocketProperties.INTEGRATION.check(resource.properties(), context);
        var api = WebSocketRegistry.apiOf(resource.properties(), context);
        var properties = new Properties(resource.properties(), context.resolver());
        var type = properties.required("IntegrationType", "AWS_PROXY");
        if (!Values.string(type).equals("AWS_PROXY")) {
            throw type.location()
                    .error(Values.string(type) + " is not supported by Regionless (expected: AWS_PROXY, a Lambda "
                            + "proxy integration)");
        }
        expect(properties, "IntegrationMethod", "POST");
        expect(properties, "PayloadFormatVersion", "1.0");
        expect(properties, "ConnectionType", "INTERNET");
        var uri = properties.required("IntegrationUri", URI);
        var functionName = functionName(uri, context);
        var id = WebSocketPartKind.id(resource, context.resolver());
        context.webSockets()
                .addIntegration(
                        id, new WebSocketRegistry.Integration(resource.logicalId(), api, functionName, uri.location()));
    }

    /** The name in the function ARN that {@code uri} is or holds; the function must be in this region. */
    static String functionName(Node uri, ReadContext context) {
        var text = Values.string(uri);
        var invocation = INVOCATION_URI.matcher(text);
        var arn = FUNCTION_ARN.matcher(invocation.matches() ? invocation.group(1) : text);
        if (!arn.matches()) {
            throw Values.unexpected(uri, URI);
        }
        if (arn.group(3) != null) {
            throw uri.location()
                    .error("names version or alias " + arn.group(3).substring(1) + " (expected: an unqualified "
                            + "function ARN; versions and aliases are not modelled)");
        }
        var region = context.resolver().context().region();
        if (!arn.group(1).equals(region)) {
            throw uri.location()
                    .error("names a function in " + arn.group(1) + " (expected: a function of this template in "
                            + region + ", such as ${Function.Arn})");
        }
        return arn.group(2);
    }

    /** A property that only has one value for a WebSocket API's Lambda proxy integration. */
    private static void expect(Properties properties, String name, String only) {
        properties.get(name).ifPresent(node -> {
            if (!Values.string(node).equals(only)) {
                throw Values.unexpected(node, only);
            }
        });
    }
}
