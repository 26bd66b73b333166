package dev.regionless.functions.protocol;

import dev.regionless.common.AwsException;
import dev.regionless.common.Json;
import dev.regionless.common.ServiceRequest;
import dev.regionless.common.ServiceResponse;
import dev.regionless.functions.FunctionConfig;
import dev.regionless.functions.FunctionErrors;
import dev.regionless.functions.Functions;
import dev.regionless.functions.FunctionsConfig;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Lambda's reserved concurrency actions: {@code PutFunctionConcurrency} and {@code DeleteFunctionConcurrency}
 * ({@code /2017-10-31/functions/NAME/concurrency}) and {@code GetFunctionConcurrency}
 * ({@code /2019-09-30/functions/NAME/concurrency}), the paths the SDK uses.
 */
final class ConcurrencyApi {
    private static final Pattern PATH = Pattern.compile("/(2017-10-31|2019-09-30)/functions/([^/]+)/concurrency");

    private final Functions functions;
    private final FunctionsConfig config;

    ConcurrencyApi(Functions functions, FunctionsConfig config) {
        this.functions = functions;
        this.config = config;
    }

    static boolean accepts(ServiceRequest request) {
        return PATH.matcher(request.path()).matches();
    }

    ServiceResponse handle(ServiceRequest request) {
        var matcher = PATH.matcher(request.path());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a concurrency path: " + request.path());
        }
        var name = FunctionNames.parse(
                        URLDecoder.decode(matcher.group(2).replace("+", "%2B"), StandardCharsets.UTF_8), null)
                .name();
        var info =
                functions.function(name).orElseThrow(() -> FunctionErrors.functionNotFound(config.functionArn(name)));
        return switch (request.method()) {
            case "PUT" -> {
                int reserved = reservedConcurrency(request.body());
                functions.setReservedConcurrency(name, reserved);
                yield ServiceResponse.json(200, Map.of("ReservedConcurrentExecutions", reserved));
            }
            case "DELETE" -> {
                functions.setReservedConcurrency(name, FunctionConfig.UNRESERVED);
                yield new ServiceResponse(204, Map.of(), new byte[0]);
            }
            case "GET" ->
                ServiceResponse.json(
                        200,
                        info.config().hasReservedConcurrency()
                                ? Map.of(
                                        "ReservedConcurrentExecutions",
                                        info.config().reservedConcurrency())
                                : Map.of());
            default ->
                throw new AwsException(
                        "UnknownOperationException",
                        400,
                        "Regionless does not support " + request.method() + " " + request.path());
        };
    }

    private static int reservedConcurrency(byte[] body) {
        com.fasterxml.jackson.databind.JsonNode value;
        try {
            value = Json.mapper().readTree(body).path("ReservedConcurrentExecutions");
        } catch (IOException e) {
            throw FunctionErrors.invalidRequestContent("Could not parse request body into json: " + e.getMessage());
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw FunctionErrors.invalidParameter(
                    "ReservedConcurrentExecutions: " + value + " (expected: an integer, 0 or more)");
        }
        if (value.intValue() < 0) {
            throw FunctionErrors.invalidParameter("1 validation error detected: Value '" + value.intValue()
                    + "' at 'reservedConcurrentExecutions' failed to satisfy constraint: Member must have value"
                    + " greater than or equal to 0");
        }
        return value.intValue();
    }
}
