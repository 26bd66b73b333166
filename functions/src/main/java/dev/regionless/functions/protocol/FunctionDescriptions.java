package dev.regionless.functions.protocol;

import dev.regionless.functions.FunctionInfo;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code FunctionConfiguration} and {@code GetFunction} bodies, with the fields and formats Lambda uses. */
final class FunctionDescriptions {
    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);

    private FunctionDescriptions() {}

    static Map<String, Object> configuration(FunctionInfo info, String accountId) {
        var config = info.config();
        var body = new LinkedHashMap<String, Object>();
        body.put("FunctionName", config.name());
        body.put("FunctionArn", info.arn());
        body.put("Runtime", config.runtime());
        body.put("Role", "arn:aws:iam::" + accountId + ":role/regionless-" + config.name());
        body.put("Handler", config.handler());
        body.put("CodeSize", info.codeSize());
        body.put("Description", "");
        body.put("Timeout", config.timeout().toSeconds());
        body.put("MemorySize", config.memoryMb());
        body.put("LastModified", LAST_MODIFIED.format(info.lastModified()));
        body.put("CodeSha256", info.codeSha256());
        body.put("Version", "$LATEST");
        body.put("Environment", Map.of("Variables", config.environment()));
        body.put("TracingConfig", Map.of("Mode", "PassThrough"));
        body.put(
                "RevisionId",
                info.codeSha256().substring(0, 8) + "-" + info.lastModified().toEpochMilli());
        body.put("State", "Active");
        body.put("LastUpdateStatus", "Successful");
        body.put("PackageType", "Zip");
        body.put("Architectures", List.of("x86_64"));
        body.put("EphemeralStorage", Map.of("Size", 512));
        return body;
    }

    static Map<String, Object> function(FunctionInfo info, String accountId) {
        var body = new LinkedHashMap<String, Object>();
        body.put("Configuration", configuration(info, accountId));
        body.put(
                "Code",
                Map.of(
                        "RepositoryType",
                        "S3",
                        "Location",
                        info.config().codeUri().toUri().toString()));
        if (info.config().hasReservedConcurrency()) {
            body.put(
                    "Concurrency",
                    Map.of("ReservedConcurrentExecutions", info.config().reservedConcurrency()));
        }
        body.put("Tags", Map.of());
        return body;
    }
}
