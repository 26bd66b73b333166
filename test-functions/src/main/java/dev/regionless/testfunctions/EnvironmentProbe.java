package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Reports what it sees through plain {@code System.getenv}, and asks the Lambda API — through an SDK client
 * built with default settings — for its own ARN, which names the region the client reached.
 */
public class EnvironmentProbe implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        var result = new LinkedHashMap<String, Object>();
        result.put("AWS_REGION", System.getenv("AWS_REGION"));
        result.put("AWS_ENDPOINT_URL", System.getenv("AWS_ENDPOINT_URL"));
        result.put("TABLE", System.getenv("TABLE"));
        result.put("AWS_LAMBDA_FUNCTION_NAME", System.getenv("AWS_LAMBDA_FUNCTION_NAME"));
        result.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", System.getenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
        result.put("fullMapRegion", System.getenv().get("AWS_REGION"));
        result.put("REGIONLESS_REGION_HEALTH", System.getenv("REGIONLESS_REGION_HEALTH"));
        if (Boolean.TRUE.equals(event.get("callSdk"))) {
            try (var lambda = LambdaClient.create()) {
                var self = lambda.getFunction(r -> r.functionName(context.getFunctionName()));
                result.put("arnSeenBySdk", self.configuration().functionArn());
            }
        }
        return result;
    }
}
