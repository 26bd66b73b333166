package dev.regionless.template;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code AWS::Serverless::Function} as the template declares it for a region, with SAM's defaults filled in and
 * {@code Globals.Function} merged.
 *
 * @param logicalId the resource's key under {@code Resources}
 * @param functionName {@code FunctionName}, or the logical id when the template sets none
 * @param handler {@code pkg.Class::method} or {@code pkg.Class}, as written
 * @param runtime {@code java17}, {@code java21} or {@code java25}
 * @param codeUri absolute and normalized, resolved against the template's folder; it may not exist yet
 * @param memorySize megabytes, 128..10240 (default 128)
 * @param timeoutSeconds 1..900 (default 3)
 * @param environment {@code Environment.Variables} in template order, numbers and booleans as their text
 * @param reservedConcurrency {@code ReservedConcurrentExecutions}, or {@code null} for unreserved
 */
public record FunctionSpec(
        String logicalId,
        String functionName,
        String handler,
        String runtime,
        Path codeUri,
        int memorySize,
        int timeoutSeconds,
        Map<String, String> environment,
        Integer reservedConcurrency) {

    public FunctionSpec {
        requireNonNull(logicalId, "logicalId");
        requireNonNull(functionName, "functionName");
        requireNonNull(handler, "handler");
        requireNonNull(runtime, "runtime");
        requireNonNull(codeUri, "codeUri");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }
}
