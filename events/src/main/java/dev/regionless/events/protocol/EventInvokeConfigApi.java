package dev.regionless.events.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.AwsException;
import dev.regionless.common.ErrorRendering;
import dev.regionless.common.Json;
import dev.regionless.common.ServiceRequest;
import dev.regionless.common.ServiceResponse;
import dev.regionless.events.AsyncInvocations;
import dev.regionless.events.EventInvokeConfig;
import dev.regionless.functions.FunctionErrors;
import dev.regionless.functions.Functions;
import dev.regionless.functions.protocol.FunctionNames;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Lambda API's asynchronous invocation settings on a region's service port, at the paths the SDK uses
 * ({@code /2019-09-25/functions/NAME/event-invoke-config}): {@code PutFunctionEventInvokeConfig} (PUT, replaces),
 * {@code UpdateFunctionEventInvokeConfig} (POST, changes only what it names), {@code GetFunctionEventInvokeConfig},
 * {@code DeleteFunctionEventInvokeConfig} and {@code ListFunctionEventInvokeConfigs} ({@code .../list}).
 */
public final class EventInvokeConfigApi {
    private static final Pattern PATH = Pattern.compile("/2019-09-25/functions/([^/]+)/event-invoke-config(/list)?");
    private static final Set<String> FIELDS =
            Set.of("MaximumRetryAttempts", "MaximumEventAgeInSeconds", "DestinationConfig");

    private final AsyncInvocations invocations;
    private final Functions functions;
    private final String functionArnPrefix;
    private final Clock clock;

    /** @param functionArnPrefix the region's function ARNs without the name */
    public EventInvokeConfigApi(
            AsyncInvocations invocations, Functions functions, String functionArnPrefix, Clock clock) {
        this.invocations = requireNonNull(invocations, "invocations");
        this.functions = requireNonNull(functions, "functions");
        this.functionArnPrefix = requireNonNull(functionArnPrefix, "functionArnPrefix");
        this.clock = requireNonNull(clock, "clock");
    }

    /** True for requests addressed to these actions. */
    public static boolean accepts(ServiceRequest request) {
        return PATH.matcher(request.path()).matches();
    }

    public ServiceResponse handle(ServiceRequest request) {
        try {
            return route(request);
        } catch (AwsException e) {
            return ErrorRendering.restJson(e);
        }
    }

    private ServiceResponse route(ServiceRequest request) {
        var matcher = PATH.matcher(request.path());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an event invoke config path: " + request.path());
        }
        var name = functionName(matcher.group(1), request.queryParameter("Qualifier"));
        if (matcher.group(2) != null) {
            if (!request.method().equals("GET")) {
                throw unknown(request);
            }
            var list = invocations.config(name).map(this::render).stream().toList();
            return ServiceResponse.json(200, Map.of("FunctionEventInvokeConfigs", list));
        }
        return switch (request.method()) {
            case "PUT" -> ServiceResponse.json(200, render(invocations.put(read(name, body(request), null))));
            case "POST" -> {
                var old = invocations.config(name).orElseGet(() -> EventInvokeConfig.defaults(name, clock.instant()));
                yield ServiceResponse.json(200, render(invocations.put(read(name, body(request), old))));
            }
            case "GET" ->
                ServiceResponse.json(200, render(invocations.config(name).orElseThrow(() -> notFound(name))));
            case "DELETE" -> {
                if (!invocations.delete(name)) {
                    throw notFound(name);
                }
                yield new ServiceResponse(204, Map.of(), new byte[0]);
            }
            default -> throw unknown(request);
        };
    }

    /** The settings in {@code body}; with {@code old}, what the body leaves out stays as {@code old} has it. */
    private EventInvokeConfig read(String name, JsonNode body, EventInvokeConfig old) {
        body.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw FunctionErrors.invalidParameter(
                        field + " is not a parameter of an event invoke config (expected: one of " + FIELDS + ")");
            }
        });
        var retries = body.has("MaximumRetryAttempts")
                ? integer("MaximumRetryAttempts", body.get("MaximumRetryAttempts"))
                : old == null ? null : old.maximumRetryAttempts();
        var age = body.has("MaximumEventAgeInSeconds")
                ? integer("MaximumEventAgeInSeconds", body.get("MaximumEventAgeInSeconds"))
                : old == null ? null : old.maximumEventAgeInSeconds();
        var destinations = body.path("DestinationConfig");
        var onSuccess = destination(destinations, "OnSuccess", old == null ? null : old.onSuccess());
        var onFailure = destination(destinations, "OnFailure", old == null ? null : old.onFailure());
        return new EventInvokeConfig(name, retries, age, onSuccess, onFailure, null, clock.instant());
    }

    private static String destination(JsonNode destinations, String which, String old) {
        if (!destinations.has(which)) {
            return old;
        }
        var destination = destinations.get(which).path("Destination");
        if (destination.isMissingNode() || destination.isNull()) {
            return null;
        }
        if (!destination.isTextual()) {
            throw FunctionErrors.invalidRequestContent(
                    "DestinationConfig." + which + ".Destination: " + destination + " (expected: an ARN)");
        }
        return destination.textValue();
    }

    private static Integer integer(String field, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw FunctionErrors.invalidRequestContent(field + ": " + value + " (expected: an integer)");
        }
        return value.intValue();
    }

    private Map<String, Object> render(EventInvokeConfig config) {
        var body = new LinkedHashMap<String, Object>();
        body.put("LastModified", BigDecimal.valueOf(config.lastModified().toEpochMilli(), 3));
        body.put("FunctionArn", functionArnPrefix + config.functionName() + ":$LATEST");
        if (config.maximumRetryAttempts() != null) {
            body.put("MaximumRetryAttempts", config.maximumRetryAttempts());
        }
        if (config.maximumEventAgeInSeconds() != null) {
            body.put("MaximumEventAgeInSeconds", config.maximumEventAgeInSeconds());
        }
        body.put(
                "DestinationConfig",
                Map.of(
                        "OnSuccess", destinationOf(config.onSuccess()),
                        "OnFailure", destinationOf(config.onFailure())));
        return body;
    }

    private static Map<String, String> destinationOf(String arn) {
        return arn == null ? Map.of() : Map.of("Destination", arn);
    }

    private String functionName(String raw, String qualifier) {
        var target = FunctionNames.parse(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8), qualifier);
        if (functions.function(target.name()).isEmpty() || !target.isLatest()) {
            var arn = functionArnPrefix + target.name();
            throw FunctionErrors.functionNotFound(target.isLatest() ? arn : arn + ":" + target.qualifier());
        }
        return target.name();
    }

    private AwsException notFound(String name) {
        return new AwsException(
                "ResourceNotFoundException",
                404,
                "The function " + functionArnPrefix + name + ":$LATEST doesn't have an EventInvokeConfig",
                Map.of("Type", "User"));
    }

    private static JsonNode body(ServiceRequest request) {
        if (request.body().length == 0) {
            return Json.mapper().createObjectNode();
        }
        try {
            var node = Json.mapper().readTree(request.body());
            if (node == null || !node.isObject()) {
                throw FunctionErrors.invalidRequestContent(
                        "Could not parse request body into json: expected an object");
            }
            return node;
        } catch (IOException e) {
            throw FunctionErrors.invalidRequestContent("Could not parse request body into json: " + e.getMessage());
        }
    }

    private static AwsException unknown(ServiceRequest request) {
        return new AwsException(
                "UnknownOperationException",
                400,
                "Regionless does not support " + request.method() + " " + request.path() + " on the Lambda API");
    }
}
