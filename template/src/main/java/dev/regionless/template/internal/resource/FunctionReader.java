package dev.regionless.template.internal.resource;

import dev.regionless.template.FunctionSpec;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Values;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the honoured properties of an {@code AWS::Serverless::Function} into a {@link FunctionSpec}. */
final class FunctionReader {

    static final List<String> RUNTIMES = List.of("java17", "java21", "java25");

    private static final Pattern HANDLER =
            Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*(::[A-Za-z_$][\\w$]*)?");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    // Lambda rejects these; Regionless sets them itself for every function.
    private static final Set<String> RESERVED_VARIABLES = Set.of(
            "_HANDLER",
            "_X_AMZN_TRACE_ID",
            "AWS_DEFAULT_REGION",
            "AWS_REGION",
            "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE",
            "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_RUNTIME_API",
            "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR");

    private FunctionReader() {}

    static FunctionSpec read(ResourceEntry resource, String name, ReadContext context) {
        var properties = new Properties(resource.properties(), context.resolver());
        checkPackageType(properties);
        return new FunctionSpec(
                resource.logicalId(),
                name,
                handler(properties),
                runtime(properties),
                codeUri(properties, context.templateFolder()),
                properties.integer("MemorySize", 128, 10_240).orElse(128),
                properties.integer("Timeout", 1, 900).orElse(3),
                environment(properties),
                properties
                        .integer("ReservedConcurrentExecutions", 0, Integer.MAX_VALUE)
                        .orElse(null));
    }

    private static void checkPackageType(Properties properties) {
        properties.get("PackageType").ifPresent(node -> {
            if (!Values.string(node).equals("Zip")) {
                throw Values.unexpected(node, "Zip; container images are not supported");
            }
        });
    }

    private static String handler(Properties properties) {
        var node = properties.required("Handler", "a handler such as example.Hello::handleRequest");
        var handler = Values.string(node);
        if (!HANDLER.matcher(handler).matches()) {
            throw Values.unexpected(node, "package.Class::method or package.Class");
        }
        return handler;
    }

    private static String runtime(Properties properties) {
        var expected = String.join(", ", RUNTIMES);
        var node = properties.required("Runtime", expected);
        var runtime = Values.string(node);
        if (!RUNTIMES.contains(runtime)) {
            throw node.location().error(runtime + " is not supported (expected: " + expected + ")");
        }
        return runtime;
    }

    private static Path codeUri(Properties properties, Path templateFolder) {
        var expected = "a jar, zip or folder, relative to the template's folder";
        var node = properties.required("CodeUri", expected);
        if (node instanceof Mapping || Values.string(node).startsWith("s3://")) {
            throw Values.unexpected(node, expected + "; S3 locations are not supported");
        }
        try {
            return templateFolder.resolve(Values.string(node)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw Values.unexpected(node, expected);
        }
    }

    private static Map<String, String> environment(Properties properties) {
        var environment = properties.mapping("Environment");
        if (environment.isEmpty()) {
            return Map.of();
        }
        environment.get().entries().forEach((key, value) -> {
            if (!key.equals("Variables")) {
                throw value.location().error("is not a property of Environment (expected: Variables)");
            }
        });
        var variables = new LinkedHashMap<String, String>();
        var declared = environment.get().get("Variables").map(Values::mapping);
        declared.ifPresent(mapping -> mapping.entries().forEach((key, value) -> {
            checkVariableName(key, value);
            variables.put(key, variableValue(value));
        }));
        return variables;
    }

    private static void checkVariableName(String key, Node value) {
        if (!VARIABLE.matcher(key).matches()) {
            throw value.location().error("variable name " + key + " (expected: a letter, then letters, digits or _)");
        }
        if (RESERVED_VARIABLES.contains(key)) {
            throw value.location().error(key + " is reserved by Lambda (expected: another variable name)");
        }
    }

    private static String variableValue(Node value) {
        if (value instanceof Scalar scalar && !scalar.isNull()) {
            return scalar.text();
        }
        throw Values.unexpected(value, "a string, number or boolean");
    }
}
