package dev.regionless.functions.engine;

import dev.regionless.functions.FunctionConfig;
import dev.regionless.functions.FunctionsConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables a function sees, as on Lambda: the template's own variables plus the reserved ones
 * Lambda sets, which win over the template's. {@code AWS_ENDPOINT_URL} points the AWS SDK at this region's service
 * port, and the dummy credentials and disabled instance metadata keep the SDK from looking anywhere else.
 */
final class FunctionEnvironment {
    static final String ACCESS_KEY_ID = "AKIAREGIONLESSLOCAL1";
    static final String SECRET_ACCESS_KEY = "regionless-local-secret-access-key";

    private FunctionEnvironment() {}

    static Map<String, String> of(FunctionConfig function, FunctionsConfig region, String logGroup) {
        var variables = new LinkedHashMap<String, String>();
        inheritFromProcess(variables, "PATH", "LANG", "JAVA_HOME");
        variables.putAll(function.environment());
        variables.put("AWS_REGION", region.region());
        variables.put("AWS_DEFAULT_REGION", region.region());
        variables.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        variables.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        variables.put("AWS_LAMBDA_LOG_GROUP_NAME", logGroup);
        variables.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        variables.put("AWS_ENDPOINT_URL", region.serviceEndpoint().toString());
        variables.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
        variables.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        variables.put("AWS_SESSION_TOKEN", "regionless-local-session");
        variables.put("AWS_EC2_METADATA_DISABLED", "true");
        // Keep the host's ~/.aws profiles from changing what the function's SDK resolves.
        variables.put("AWS_CONFIG_FILE", "/nonexistent/regionless/aws-config");
        variables.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/regionless/aws-credentials");
        variables.put("LAMBDA_TASK_ROOT", function.codeUri().toAbsolutePath().toString());
        variables.put("TZ", ":UTC");
        return Map.copyOf(variables);
    }

    private static void inheritFromProcess(Map<String, String> variables, String... names) {
        for (var name : names) {
            var value = System.getenv(name);
            if (value != null) {
                variables.put(name, value);
            }
        }
    }
}
