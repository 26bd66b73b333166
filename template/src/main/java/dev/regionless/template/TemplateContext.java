package dev.regionless.template;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a template is resolved against: the region it is deployed to, and the values CloudFormation would take from
 * the stack. The same template read with two contexts gives two applications, one per region.
 *
 * @param region the region name, the value of {@code AWS::Region}
 * @param accountId twelve digits, the value of {@code AWS::AccountId}
 * @param stackName the value of {@code AWS::StackName}; also seeds the generated API ids
 * @param parameterOverrides values for the template's {@code Parameters}, taking precedence over their defaults
 * @param webSocketEndpoint the base URL WebSocket clients connect to in this region, such as
 *     {@code ws://127.0.0.1:8080}: the value of a WebSocket API's {@code Fn::GetAtt .ApiEndpoint}; or {@code null}
 *     for AWS's form, {@code wss://API_ID.execute-api.REGION.amazonaws.com}
 * @param serviceEndpoint the region's service port, such as {@code http://127.0.0.1:4566}: the base of a queue's
 *     URL ({@code Ref} on an {@code AWS::SQS::Queue}); or {@code null} for AWS's form,
 *     {@code https://sqs.REGION.amazonaws.com}
 */
public record TemplateContext(
        String region,
        String accountId,
        String stackName,
        Map<String, String> parameterOverrides,
        URI webSocketEndpoint,
        URI serviceEndpoint) {

    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    public static final String DEFAULT_STACK_NAME = "regionless";

    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,127}");

    public TemplateContext {
        requireNonNull(region, "region");
        requireNonNull(accountId, "accountId");
        requireNonNull(stackName, "stackName");
        requireNonNull(parameterOverrides, "parameterOverrides");
        if (region.isBlank()) {
            throw new IllegalArgumentException("region: \"" + region + "\" (expected: a region name)");
        }
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("accountId: " + accountId + " (expected: 12 digits)");
        }
        if (!STACK_NAME.matcher(stackName).matches()) {
            throw new IllegalArgumentException(
                    "stackName: " + stackName + " (expected: a letter, then letters, digits or '-', up to 128)");
        }
        var overrides = new LinkedHashMap<String, String>();
        parameterOverrides.forEach((name, value) -> overrides.put(
                requireNonNull(name, "parameter override name"),
                requireNonNull(value, () -> "parameter override " + name)));
        parameterOverrides = Collections.unmodifiableMap(overrides);
        if (webSocketEndpoint != null && !isWebSocketUrl(webSocketEndpoint)) {
            throw new IllegalArgumentException(
                    "webSocketEndpoint: " + webSocketEndpoint + " (expected: a ws:// or wss:// URL with a host)");
        }
    }

    /** A context whose WebSocket APIs and queues have AWS-shaped endpoints. */
    public TemplateContext(String region, String accountId, String stackName, Map<String, String> parameterOverrides) {
        this(region, accountId, stackName, parameterOverrides, null, null);
    }

    /** A context whose queues have AWS-shaped URLs. */
    public TemplateContext(
            String region,
            String accountId,
            String stackName,
            Map<String, String> parameterOverrides,
            URI webSocketEndpoint) {
        this(region, accountId, stackName, parameterOverrides, webSocketEndpoint, null);
    }

    /** A context for {@code region} with the default account {@value #DEFAULT_ACCOUNT_ID}, stack name
     * {@value #DEFAULT_STACK_NAME} and no parameter overrides. */
    public static TemplateContext of(String region) {
        return new TemplateContext(region, DEFAULT_ACCOUNT_ID, DEFAULT_STACK_NAME, Map.of());
    }

    /** This context with {@code overrides} as its parameter overrides. */
    public TemplateContext withParameterOverrides(Map<String, String> overrides) {
        return new TemplateContext(region, accountId, stackName, overrides, webSocketEndpoint, serviceEndpoint);
    }

    /** This context with {@code endpoint} as the region's WebSocket base URL; {@code null} for AWS's form. */
    public TemplateContext withWebSocketEndpoint(URI endpoint) {
        return new TemplateContext(region, accountId, stackName, parameterOverrides, endpoint, serviceEndpoint);
    }

    /** This context with {@code endpoint} as the region's service port, the base of queue URLs. */
    public TemplateContext withServiceEndpoint(URI endpoint) {
        return new TemplateContext(region, accountId, stackName, parameterOverrides, webSocketEndpoint, endpoint);
    }

    private static boolean isWebSocketUrl(URI uri) {
        return ("ws".equals(uri.getScheme()) || "wss".equals(uri.getScheme())) && uri.getHost() != null;
    }
}
