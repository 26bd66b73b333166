package dev.regionless.functions.protocol;

import dev.regionless.common.AwsException;
import dev.regionless.common.ErrorRendering;
import dev.regionless.common.Json;
import dev.regionless.common.ServiceRequest;
import dev.regionless.common.ServiceResponse;
import dev.regionless.functions.FunctionErrors;
import dev.regionless.functions.FunctionInfo;
import dev.regionless.functions.Functions;
import dev.regionless.functions.FunctionsConfig;
import dev.regionless.functions.InvocationResult;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Lambda API on a region's service port: {@code Invoke}, {@code GetFunction},
 * {@code GetFunctionConfiguration} and {@code ListFunctions}, as the AWS SDK sends them, and the reserved
 * concurrency actions ({@link ConcurrencyApi}).
 */
public final class LambdaApi {
    static final String PREFIX = "/2015-03-31/functions";
    static final int SYNC_PAYLOAD_LIMIT = 6 * 1024 * 1024;
    static final int ASYNC_PAYLOAD_LIMIT = 1024 * 1024;

    private final Functions functions;
    private final FunctionsConfig config;
    private final String accountId;
    private final ConcurrencyApi concurrency;

    public LambdaApi(Functions functions, FunctionsConfig config) {
        this.functions = functions;
        this.config = config;
        this.accountId = config.accountId();
        this.concurrency = new ConcurrencyApi(functions, config);
    }

    /** True for requests addressed to the Lambda API. */
    public static boolean accepts(ServiceRequest request) {
        return request.path().equals(PREFIX)
                || request.path().startsWith(PREFIX + "/")
                || ConcurrencyApi.accepts(request);
    }

    public ServiceResponse handle(ServiceRequest request) {
        try {
            if (ConcurrencyApi.accepts(request)) {
                return concurrency.handle(request);
            }
            return route(request);
        } catch (AwsException e) {
            return ErrorRendering.restJson(e);
        }
    }

    private ServiceResponse route(ServiceRequest request) {
        var rest = request.path().substring(PREFIX.length());
        var segments = rest.isEmpty() || rest.equals("/")
                ? List.<String>of()
                : List.of(rest.substring(1).split("/"));
        var method = request.method();
        if (segments.isEmpty() && method.equals("GET")) {
            return listFunctions(request);
        }
        if (segments.size() == 1 && method.equals("GET")) {
            return getFunction(request, decode(segments.get(0)));
        }
        if (segments.size() == 2 && segments.get(1).equals("configuration") && method.equals("GET")) {
            return getFunctionConfiguration(request, decode(segments.get(0)));
        }
        if (segments.size() == 2 && segments.get(1).equals("invocations") && method.equals("POST")) {
            return invoke(request, decode(segments.get(0)));
        }
        throw new AwsException(
                "UnknownOperationException",
                400,
                "Regionless does not support " + method + " " + request.path() + " on the Lambda API yet");
    }

    private ServiceResponse invoke(ServiceRequest request, String rawName) {
        var function = find(rawName, request.queryParameter("Qualifier"));
        var type = request.header("X-Amz-Invocation-Type");
        type = type == null ? "RequestResponse" : type;
        var payload = request.body().length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : request.body();
        switch (type) {
            case "DryRun" -> {
                return new ServiceResponse(204, Map.of(), new byte[0]);
            }
            case "Event" -> {
                checkPayload(payload, ASYNC_PAYLOAD_LIMIT);
                // Answered once the region's asynchronous queue holds the event durably.
                var requestId = functions.invokeAsync(function.config().name(), payload);
                return new ServiceResponse(202, Map.of("x-amzn-RequestId", requestId), new byte[0]);
            }
            case "RequestResponse" -> {
                checkPayload(payload, SYNC_PAYLOAD_LIMIT);
                return render(functions.invoke(function.config().name(), payload), request.header("X-Amz-Log-Type"));
            }
            default -> throw FunctionErrors.unsupportedInvocationType(type);
        }
    }

    private ServiceResponse render(InvocationResult result, String logType) {
        boolean tail = "Tail".equals(logType);
        return switch (result) {
            case InvocationResult.Completed done -> withLog(invocationResponse(done.payload()), tail, done.logTail());
            case InvocationResult.Failed failed ->
                withLog(
                        invocationResponse(failed.errorPayload()).withHeader("X-Amz-Function-Error", "Unhandled"),
                        tail,
                        failed.logTail());
            case InvocationResult.Throttled throttled -> throw FunctionErrors.throttled(throttled.reason());
        };
    }

    private static ServiceResponse invocationResponse(byte[] payload) {
        var headers = Map.of("Content-Type", "application/json", "X-Amz-Executed-Version", "$LATEST");
        return new ServiceResponse(200, headers, payload);
    }

    private static ServiceResponse withLog(ServiceResponse response, boolean tail, String logTail) {
        if (!tail) {
            return response;
        }
        var encoded = Base64.getEncoder().encodeToString(logTail.getBytes(StandardCharsets.UTF_8));
        return response.withHeader("X-Amz-Log-Result", encoded);
    }

    private ServiceResponse getFunction(ServiceRequest request, String rawName) {
        var function = find(rawName, request.queryParameter("Qualifier"));
        return ServiceResponse.json(200, FunctionDescriptions.function(function, accountId));
    }

    private ServiceResponse getFunctionConfiguration(ServiceRequest request, String rawName) {
        var function = find(rawName, request.queryParameter("Qualifier"));
        return ServiceResponse.json(200, FunctionDescriptions.configuration(function, accountId));
    }

    private ServiceResponse listFunctions(ServiceRequest request) {
        var all = functions.functions();
        int maxItems = parseMaxItems(request.queryParameter("MaxItems"));
        int start = markerIndex(request.queryParameter("Marker"), all.size());
        int end = Math.min(all.size(), start + maxItems);
        var body = new LinkedHashMap<String, Object>();
        body.put(
                "Functions",
                all.subList(start, end).stream()
                        .map(info -> FunctionDescriptions.configuration(info, accountId))
                        .toList());
        if (end < all.size()) {
            body.put("NextMarker", Integer.toString(end));
        }
        return ServiceResponse.json(200, body);
    }

    private FunctionInfo find(String rawName, String qualifier) {
        var target = FunctionNames.parse(rawName, qualifier);
        var info = functions.function(target.name());
        if (info.isEmpty() || !target.isLatest()) {
            var arn = config.functionArn(target.name());
            throw FunctionErrors.functionNotFound(target.isLatest() ? arn : arn + ":" + target.qualifier());
        }
        return info.get();
    }

    private static void checkPayload(byte[] payload, int limit) {
        if (payload.length > limit) {
            throw FunctionErrors.payloadTooLarge(payload.length, limit);
        }
        try (var parser = Json.mapper().createParser(payload)) {
            while (parser.nextToken() != null) {
                // Reading every token proves the payload is JSON without building it.
            }
        } catch (java.io.IOException e) {
            throw FunctionErrors.invalidRequestContent(
                    "Could not parse request body into json: Could not parse" + " payload into json: "
                            + e.getMessage().lines().findFirst().orElse("malformed JSON"));
        }
    }

    private static int parseMaxItems(String value) {
        if (value == null) {
            return 50;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1 && parsed <= 10_000) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // fall through to the validation error
        }
        throw FunctionErrors.invalidParameter("MaxItems: " + value + " (expected: 1..10000)");
    }

    private static int markerIndex(String marker, int size) {
        if (marker == null) {
            return 0;
        }
        try {
            return Math.min(size, Math.max(0, Integer.parseInt(marker)));
        } catch (NumberFormatException e) {
            throw FunctionErrors.invalidParameter("Marker: " + marker + " is not a marker this API returned");
        }
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
