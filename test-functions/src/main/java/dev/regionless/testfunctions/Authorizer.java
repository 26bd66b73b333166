package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Lambda authorizer for every API Gateway flavour, deciding by the caller's token: the TOKEN event's
 * {@code authorizationToken}, else the {@code Authorization} header, else the {@code token} query parameter. By
 * token (a suffix after ':' keeps cache keys apart):
 *
 * <ul>
 *   <li>{@code allow}: a policy allowing the method ARN it was given;
 *   <li>{@code allow-post}: a policy allowing only {@code POST} on any path of the stage;
 *   <li>{@code deny}: a policy denying the method ARN;
 *   <li>{@code unauthorized}: throws {@code Unauthorized}, API Gateway's word for 401;
 *   <li>{@code say-unauthorized}: returns the string {@code Unauthorized};
 *   <li>{@code fail}: throws something else;
 *   <li>{@code garbage}: answers a JSON object without a policy;
 *   <li>{@code yes} / {@code no}: a simple response (HTTP APIs, payload 2.0).
 * </ul>
 *
 * Every answer carries {@code context: {user: "alice", calls: N, type: <event type>, version: <event version>}},
 * where N counts this execution environment's invocations, so tests can see whether a result was cached.
 */
public class Authorizer implements RequestHandler<Map<String, Object>, Object> {
    private static final AtomicInteger CALLS = new AtomicInteger();

    @Override
    public Object handleRequest(Map<String, Object> event, Context context) {
        int calls = CALLS.incrementAndGet();
        var token = token(event);
        var decision = token.contains(":") ? token.substring(0, token.indexOf(':')) : token;
        var arn = String.valueOf(event.getOrDefault("methodArn", event.get("routeArn")));
        var details = new LinkedHashMap<String, Object>();
        details.put("user", "alice");
        details.put("calls", calls);
        details.put("type", String.valueOf(event.get("type")));
        details.put("version", String.valueOf(event.get("version")));
        return switch (decision) {
            case "allow" -> policy("Allow", arn, details);
            case "allow-post" -> policy("Allow", stageOf(arn) + "/POST/*", details);
            case "deny" -> policy("Deny", arn, details);
            case "unauthorized" -> throw new IllegalStateException("Unauthorized");
            case "say-unauthorized" -> "Unauthorized";
            case "fail" -> throw new IllegalStateException("the authorizer broke");
            case "garbage" -> Map.of("principalId", "alice");
            case "yes", "no" -> Map.of("isAuthorized", decision.equals("yes"), "context", details);
            default -> throw new IllegalStateException("Unauthorized");
        };
    }

    private static Map<String, Object> policy(String effect, String resource, Map<String, Object> details) {
        var statement = Map.<String, Object>of("Action", "execute-api:Invoke", "Effect", effect, "Resource", resource);
        return Map.of(
                "principalId",
                "alice",
                "policyDocument",
                Map.of("Version", "2012-10-17", "Statement", List.of(statement)),
                "context",
                details);
    }

    /** {@code arn:aws:execute-api:REGION:ACCOUNT:API/STAGE} of a method ARN. */
    private static String stageOf(String arn) {
        var parts = arn.split("/");
        return parts[0] + "/" + parts[1];
    }

    @SuppressWarnings("unchecked")
    private static String token(Map<String, Object> event) {
        if (event.get("authorizationToken") instanceof String token) {
            return token;
        }
        if (event.get("headers") instanceof Map<?, ?> headers) {
            for (var entry : ((Map<String, Object>) headers).entrySet()) {
                if (entry.getKey().equalsIgnoreCase("Authorization")) {
                    return String.valueOf(entry.getValue());
                }
            }
        }
        if (event.get("queryStringParameters") instanceof Map<?, ?> query && query.get("token") != null) {
            return String.valueOf(query.get("token"));
        }
        return "";
    }
}
