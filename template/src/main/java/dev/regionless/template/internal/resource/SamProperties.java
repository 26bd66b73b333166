package dev.regionless.template.internal.resource;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Set;

/**
 * For each SAM type and nested setting, which properties Regionless honours, which it ignores with a warning (and
 * why that is harmless), and which it rejects (and what to write instead). Anything else is not a SAM property and is
 * rejected as a likely typo.
 */
final class SamProperties {

    private static final String IAM = "Regionless does not enforce IAM";
    private static final String TAGS = "tags have no effect";
    private static final String VERSIONS = "versions and aliases are not modelled; the latest code always runs";
    private static final String LOGS = "Regionless keeps its own logs and metrics";
    private static final String AWS_ONLY = "only meaningful on AWS";
    private static final String NO_OPENAPI = "routes declared by function events; OpenAPI definitions are not read";

    static final PropertyRules FUNCTION = new PropertyRules(
            "AWS::Serverless::Function",
            Set.of(
                    "Handler",
                    "Runtime",
                    "CodeUri",
                    "FunctionName",
                    "MemorySize",
                    "Timeout",
                    "Environment",
                    "ReservedConcurrentExecutions",
                    "Events",
                    "EventInvokeConfig",
                    "DeadLetterQueue",
                    "PackageType"),
            Map.ofEntries(
                    entry("Description", "descriptions have no effect"),
                    entry("Policies", IAM),
                    entry("Role", IAM),
                    entry("RolePath", IAM),
                    entry("PermissionsBoundary", IAM),
                    entry("AssumeRolePolicyDocument", IAM),
                    entry("Tags", TAGS),
                    entry("PropagateTags", TAGS),
                    entry("Tracing", "X-Ray tracing is not available"),
                    entry("Architectures", "functions run on the host's JVM, whatever its architecture"),
                    entry("AutoPublishAlias", VERSIONS),
                    entry("AutoPublishAliasAllProperties", VERSIONS),
                    entry("AutoPublishCodeSha256", VERSIONS),
                    entry("VersionDescription", VERSIONS),
                    entry("DeploymentPreference", VERSIONS),
                    entry("Layers", "layer contents are not loaded; package dependencies with the function's code"),
                    entry("EphemeralStorage", "/tmp is not limited"),
                    entry("KmsKeyArn", "environment variables are not encrypted at rest"),
                    entry("SourceKMSKeyArn", "code is not encrypted at rest"),
                    entry("VpcConfig", "functions use the host's network"),
                    entry("LoggingConfig", LOGS),
                    entry("RuntimeManagementConfig", "the runtime is the host's JVM"),
                    entry("CodeSigningConfigArn", "code signatures are not checked"),
                    entry("ProvisionedConcurrencyConfig", "execution environments start on demand"),
                    entry("SnapStart", "functions start without snapshots"),
                    entry("RecursiveLoop", "recursive loops are not detected")),
            Map.of(
                    "InlineCode", "CodeUri pointing at a jar, zip or folder",
                    "ImageUri", "PackageType Zip with a CodeUri",
                    "ImageConfig", "PackageType Zip with a CodeUri",
                    "FileSystemConfigs", "no file system mounts; keep state in a table",
                    "FunctionUrlConfig", "an HttpApi event for an HTTP endpoint"));

    static final PropertyRules REST_API = new PropertyRules(
            "AWS::Serverless::Api",
            Set.of("StageName", "Cors", "BinaryMediaTypes", "MethodSettings", "Auth"),
            Map.ofEntries(
                    entry("AccessLogSetting", LOGS),
                    entry("AlwaysDeploy", AWS_ONLY),
                    entry("ApiKeySourceType", "API keys are not checked"),
                    entry("CacheClusterEnabled", "responses are not cached"),
                    entry("CacheClusterSize", "responses are not cached"),
                    entry("CanarySetting", VERSIONS),
                    entry("Description", "descriptions have no effect"),
                    entry("DisableExecuteApiEndpoint", AWS_ONLY),
                    entry("Domain", "custom domains are served by the Regionless router"),
                    entry("EndpointConfiguration", AWS_ONLY),
                    entry("FailOnWarnings", AWS_ONLY),
                    entry("GatewayResponses", "gateway error responses keep their default form"),
                    entry("MergeDefinitions", AWS_ONLY),
                    entry("MinimumCompressionSize", "responses are not compressed"),
                    entry("Mode", AWS_ONLY),
                    entry("Models", "request bodies are not validated"),
                    entry("Name", "APIs are known by logical id"),
                    entry("OpenApiVersion", AWS_ONLY),
                    entry("PropagateTags", TAGS),
                    entry("Tags", TAGS),
                    entry("TracingEnabled", "X-Ray tracing is not available"),
                    entry("Variables", "stage variables are not passed to functions")),
            Map.of("DefinitionBody", NO_OPENAPI, "DefinitionUri", NO_OPENAPI));

    static final PropertyRules HTTP_API = new PropertyRules(
            "AWS::Serverless::HttpApi",
            Set.of("StageName", "CorsConfiguration", "DefaultRouteSettings", "RouteSettings", "Auth"),
            Map.ofEntries(
                    entry("AccessLogSettings", LOGS),
                    entry("Description", "descriptions have no effect"),
                    entry("DisableExecuteApiEndpoint", AWS_ONLY),
                    entry("Domain", "custom domains are served by the Regionless router"),
                    entry("FailOnWarnings", AWS_ONLY),
                    entry("Name", "APIs are known by logical id"),
                    entry("PropagateTags", TAGS),
                    entry("StageVariables", "stage variables are not passed to functions"),
                    entry("Tags", TAGS)),
            Map.of("DefinitionBody", NO_OPENAPI, "DefinitionUri", NO_OPENAPI));

    static final PropertyRules API_EVENT = new PropertyRules(
            "an Api event",
            Set.of("Path", "Method", "RestApiId", "Auth"),
            Map.of(
                    "RequestModel", "request bodies are not validated",
                    "RequestParameters", "request parameters are not validated",
                    "TimeoutInMillis", "the function's Timeout applies"),
            Map.of());

    static final PropertyRules HTTP_API_EVENT = new PropertyRules(
            "an HttpApi event",
            Set.of("Path", "Method", "ApiId", "PayloadFormatVersion", "RouteSettings", "Auth"),
            Map.of("TimeoutInMillis", "the function's Timeout applies"),
            Map.of());

    static final PropertyRules DYNAMODB_EVENT = new PropertyRules(
            "a DynamoDB event",
            Set.of(
                    "Stream",
                    "StartingPosition",
                    "BatchSize",
                    "MaximumBatchingWindowInSeconds",
                    "Enabled",
                    "ParallelizationFactor",
                    "BisectBatchOnFunctionError",
                    "MaximumRetryAttempts",
                    "MaximumRecordAgeInSeconds",
                    "DestinationConfig",
                    "FunctionResponseTypes"),
            Map.ofEntries(
                    entry("FilterCriteria", "records are not filtered yet; the function gets every record"),
                    entry("TumblingWindowInSeconds", "tumbling windows are not supported yet"),
                    entry("KmsKeyArn", "filter criteria are not encrypted at rest"),
                    entry("MetricsConfig", LOGS)),
            Map.of(
                    "StartingPositionTimestamp",
                    "StartingPosition TRIM_HORIZON or LATEST; DynamoDB streams have no AT_TIMESTAMP"));

    static final PropertyRules SQS_EVENT = new PropertyRules(
            "an SQS event",
            Set.of(
                    "Queue",
                    "BatchSize",
                    "MaximumBatchingWindowInSeconds",
                    "Enabled",
                    "ScalingConfig",
                    "FunctionResponseTypes",
                    "FilterCriteria"),
            Map.ofEntries(
                    entry("KmsKeyArn", "filter criteria are not encrypted at rest"), entry("MetricsConfig", LOGS)),
            Map.of(
                    "ProvisionedPollerConfig",
                    "ScalingConfig.MaximumConcurrency; pollers scale with the queue's backlog"));

    private static final String DELIVERY_RETRIES = "EventBridge's retries of a failed delivery are not modelled: the"
            + " region hands each event straight to the function";

    static final PropertyRules SCHEDULE_EVENT = new PropertyRules(
            "a Schedule event",
            Set.of("Schedule", "Input", "Enabled", "State", "Name"),
            Map.of(
                    "Description", "descriptions have no effect",
                    "RetryPolicy", DELIVERY_RETRIES,
                    "DeadLetterConfig", DELIVERY_RETRIES,
                    "RoleArn", IAM),
            Map.of());

    static final PropertyRules SCHEDULE_V2_EVENT = new PropertyRules(
            "a ScheduleV2 event",
            Set.of(
                    "ScheduleExpression",
                    "ScheduleExpressionTimezone",
                    "Input",
                    "State",
                    "Name",
                    "GroupName",
                    "StartDate",
                    "EndDate",
                    "FlexibleTimeWindow"),
            Map.ofEntries(
                    entry("Description", "descriptions have no effect"),
                    entry("RetryPolicy", DELIVERY_RETRIES),
                    entry("DeadLetterConfig", DELIVERY_RETRIES),
                    entry("RoleArn", IAM),
                    entry("PermissionsBoundary", IAM),
                    entry("KmsKeyArn", "a schedule's input is not encrypted at rest"),
                    entry("OmitName", "names are derived from the stack either way")),
            Map.of());

    static final PropertyRules METHOD_SETTING = new PropertyRules(
            "MethodSettings",
            Set.of("HttpMethod", "ResourcePath", "ThrottlingRateLimit", "ThrottlingBurstLimit"),
            Map.of(
                    "CachingEnabled",
                    "responses are not cached",
                    "CacheTtlInSeconds",
                    "responses are not cached",
                    "CacheDataEncrypted",
                    "responses are not cached",
                    "DataTraceEnabled",
                    LOGS,
                    "LoggingLevel",
                    LOGS,
                    "MetricsEnabled",
                    LOGS),
            Map.of());

    static final PropertyRules ROUTE_SETTINGS = new PropertyRules(
            "route settings",
            Set.of("ThrottlingRateLimit", "ThrottlingBurstLimit"),
            Map.of("DataTraceEnabled", LOGS, "DetailedMetricsEnabled", LOGS, "LoggingLevel", LOGS),
            Map.of());

    static final PropertyRules SIMPLE_TABLE = new PropertyRules(
            TableKind.SIMPLE_TABLE_TYPE,
            Set.of("TableName", "PrimaryKey", "ProvisionedThroughput", "Tags"),
            Map.of(
                    "SSESpecification", TableProperties.ENCRYPTION,
                    "PointInTimeRecoverySpecification", TableProperties.BACKUPS),
            Map.of());

    static final PropertyRules PRIMARY_KEY =
            new PropertyRules("PrimaryKey", Set.of("Name", "Type"), Map.of(), Map.of());

    private SamProperties() {}
}
