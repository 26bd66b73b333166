package dev.regionless.template.internal.resource;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Set;

/**
 * For the {@code AWS::ApiGatewayV2::*} resources of a WebSocket API, which properties Regionless honours, which it
 * ignores with a warning (and why that is harmless), and which it rejects (and what to write instead).
 */
final class WebSocketProperties {

    private static final String IAM = "Regionless does not enforce IAM";
    private static final String TAGS = "tags have no effect";
    private static final String LOGS = "Regionless keeps its own logs and metrics";
    private static final String AWS_ONLY = "only meaningful on AWS";
    private static final String DESCRIPTION = "descriptions have no effect";
    private static final String API_KEYS = "API keys are not checked";
    private static final String NOT_VALIDATED = "request bodies are not validated";
    private static final String HTTP_ONLY = "a WebSocket API's settings; declare HTTP APIs as AWS::Serverless::HttpApi";
    private static final String NO_OPENAPI = "Route and Integration resources; OpenAPI definitions are not read";
    private static final String NO_SCOPES = "no AuthorizationScopes; scopes belong to HTTP APIs' JWT authorizers";
    private static final String PROXY_ONLY = "only used by integrations other than AWS_PROXY";

    static final PropertyRules API = new PropertyRules(
            WebSocketApiKind.TYPE,
            Set.of("Name", "ProtocolType", "RouteSelectionExpression"),
            Map.ofEntries(
                    entry("Description", DESCRIPTION),
                    entry("ApiKeySelectionExpression", API_KEYS),
                    entry("DisableSchemaValidation", NOT_VALIDATED),
                    entry("DisableExecuteApiEndpoint", AWS_ONLY),
                    entry("FailOnWarnings", AWS_ONLY),
                    entry("IpAddressType", AWS_ONLY),
                    entry("Version", DESCRIPTION),
                    entry("Tags", TAGS)),
            Map.of(
                    "Body", NO_OPENAPI,
                    "BodyS3Location", NO_OPENAPI,
                    "BasePath", NO_OPENAPI,
                    "CorsConfiguration", HTTP_ONLY,
                    "CredentialsArn", HTTP_ONLY,
                    "RouteKey", HTTP_ONLY,
                    "Target", HTTP_ONLY));

    static final PropertyRules ROUTE = new PropertyRules(
            WebSocketRouteReader.TYPE,
            Set.of("ApiId", "RouteKey", "Target", "AuthorizationType", "AuthorizerId"),
            Map.of(
                    "ApiKeyRequired",
                    API_KEYS,
                    "ModelSelectionExpression",
                    NOT_VALIDATED,
                    "RequestModels",
                    NOT_VALIDATED,
                    "RequestParameters",
                    "request parameters are not validated",
                    "OperationName",
                    DESCRIPTION,
                    "RouteResponseSelectionExpression",
                    "route responses are not supported: the function's result is not sent back to the client; "
                            + "reply through the @connections API"),
            Map.of("AuthorizationScopes", NO_SCOPES));

    static final PropertyRules INTEGRATION = new PropertyRules(
            WebSocketIntegrationReader.TYPE,
            Set.of(
                    "ApiId",
                    "IntegrationType",
                    "IntegrationUri",
                    "IntegrationMethod",
                    "PayloadFormatVersion",
                    "ConnectionType"),
            Map.ofEntries(
                    entry("Description", DESCRIPTION),
                    entry("TimeoutInMillis", "the function's Timeout applies"),
                    entry("CredentialsArn", IAM),
                    entry("ContentHandlingStrategy", "messages reach the function as they arrive"),
                    entry("PassthroughBehavior", PROXY_ONLY),
                    entry("TemplateSelectionExpression", PROXY_ONLY),
                    entry("RequestParameters", "request parameters are not mapped"),
                    entry("ResponseParameters", "response parameters are not mapped"),
                    entry("TlsConfig", AWS_ONLY)),
            Map.of(
                    "RequestTemplates", "IntegrationType AWS_PROXY, without mapping templates",
                    "IntegrationSubtype", "IntegrationType AWS_PROXY to a Lambda function",
                    "ConnectionId", "ConnectionType INTERNET; VPC links are not supported"));

    static final PropertyRules STAGE = new PropertyRules(
            WebSocketStageKind.TYPE,
            Set.of("ApiId", "StageName", "DeploymentId", "AutoDeploy", "DefaultRouteSettings", "RouteSettings"),
            Map.of(
                    "AccessLogSettings", LOGS,
                    "AccessPolicyId", IAM,
                    "ClientCertificateId", AWS_ONLY,
                    "Description", DESCRIPTION,
                    "StageVariables", "stage variables are not passed to functions",
                    "Tags", TAGS),
            Map.of());

    static final PropertyRules DEPLOYMENT = new PropertyRules(
            WebSocketPartKind.DEPLOYMENT_TYPE,
            Set.of("ApiId", "StageName"),
            Map.of("Description", DESCRIPTION),
            Map.of());

    private WebSocketProperties() {}
}
