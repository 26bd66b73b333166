package dev.regionless.template.internal.resource;

import java.util.Map;
import java.util.Set;

/**
 * For SAM's {@code Auth} settings of APIs and of their events, which properties Regionless honours, ignores with a
 * warning, or rejects.
 */
final class AuthProperties {

    private static final String IAM = "Regionless does not enforce IAM";
    private static final String API_KEYS = "no API keys; API keys and usage plans are not checked";
    private static final String NO_COGNITO = "a Lambda authorizer (FunctionArn) or, on HTTP APIs, a JWT authorizer;"
            + " Cognito user pools are not available";
    private static final String IDENTITY_FROM_REQUEST = "identity sources from Headers or QueryStrings";

    static final PropertyRules REST_AUTH = new PropertyRules(
            "the Auth of an AWS::Serverless::Api",
            Set.of("DefaultAuthorizer", "Authorizers", "AddDefaultAuthorizerToCorsPreflight"),
            Map.of("InvokeRole", IAM),
            Map.of(
                    "ApiKeyRequired", API_KEYS,
                    "UsagePlan", API_KEYS,
                    "ResourcePolicy", "no ResourcePolicy; resource policies are not evaluated",
                    "AddApiKeyRequiredToCorsPreflight", API_KEYS));

    static final PropertyRules HTTP_AUTH = new PropertyRules(
            "the Auth of an AWS::Serverless::HttpApi",
            Set.of("DefaultAuthorizer", "Authorizers"),
            Map.of(),
            Map.of("EnableIamAuthorizer", "a Lambda or JWT authorizer; IAM authorization is not enforced"));

    static final PropertyRules REST_LAMBDA = new PropertyRules(
            "a Lambda authorizer of an AWS::Serverless::Api",
            Set.of("FunctionArn", "FunctionPayloadType", "Identity"),
            Map.of("FunctionInvokeRole", IAM, "DisableFunctionDefaultPermissions", IAM),
            Map.of("UserPoolArn", NO_COGNITO, "AuthorizationScopes", NO_COGNITO));

    static final PropertyRules TOKEN_IDENTITY = new PropertyRules(
            "the Identity of a TOKEN authorizer",
            Set.of("Header", "ValidationExpression", "ReauthorizeEvery"),
            Map.of(),
            Map.of());

    static final PropertyRules REST_REQUEST_IDENTITY = new PropertyRules(
            "the Identity of a REQUEST authorizer",
            Set.of("Headers", "QueryStrings", "ReauthorizeEvery"),
            Map.of(),
            Map.of("StageVariables", IDENTITY_FROM_REQUEST, "Context", IDENTITY_FROM_REQUEST));

    static final PropertyRules HTTP_LAMBDA = new PropertyRules(
            "a Lambda authorizer of an AWS::Serverless::HttpApi",
            Set.of("FunctionArn", "AuthorizerPayloadFormatVersion", "EnableSimpleResponses", "Identity"),
            Map.of("FunctionInvokeRole", IAM, "EnableFunctionDefaultPermissions", IAM),
            Map.of());

    static final PropertyRules HTTP_IDENTITY = new PropertyRules(
            "the Identity of a Lambda authorizer",
            Set.of("Headers", "QueryStrings", "ReauthorizeEvery"),
            Map.of(),
            Map.of("StageVariables", IDENTITY_FROM_REQUEST, "Context", IDENTITY_FROM_REQUEST));

    static final PropertyRules JWT = new PropertyRules(
            "a JWT authorizer",
            Set.of("JwtConfiguration", "IdentitySource", "AuthorizationScopes"),
            Map.of(),
            Map.of("OpenIdConnectUrl", "JwtConfiguration.issuer; keys are found through the issuer's discovery"));

    static final PropertyRules JWT_CONFIGURATION =
            new PropertyRules("JwtConfiguration", Set.of("issuer", "audience"), Map.of(), Map.of());

    static final PropertyRules API_EVENT_AUTH = new PropertyRules(
            "the Auth of an Api event",
            Set.of("Authorizer"),
            Map.of("InvokeRole", IAM),
            Map.of(
                    "ApiKeyRequired",
                    API_KEYS,
                    "AuthorizationScopes",
                    NO_COGNITO,
                    "ResourcePolicy",
                    "no ResourcePolicy; resource policies are not evaluated",
                    "OverrideApiAuth",
                    "Authorizer naming one of the API's authorizers, or NONE"));

    static final PropertyRules HTTP_API_EVENT_AUTH = new PropertyRules(
            "the Auth of an HttpApi event", Set.of("Authorizer", "AuthorizationScopes"), Map.of(), Map.of());

    private AuthProperties() {}
}
