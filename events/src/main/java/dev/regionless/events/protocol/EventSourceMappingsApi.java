package dev.regionless.events.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.AwsException;
import dev.regionless.common.ErrorRendering;
import dev.regionless.common.Json;
import dev.regionless.common.ServiceRequest;
import dev.regionless.common.ServiceResponse;
import dev.regionless.events.EventSourceErrors;
import dev.regionless.events.EventSourceMapping;
import dev.regionless.events.EventSources;
import dev.regionless.events.MappingDescription;
import dev.regionless.events.MappingSource;
import dev.regionless.events.StartingPosition;
import dev.regionless.functions.FunctionErrors;
import dev.regionless.functions.protocol.FunctionNames;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.streams.TableStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Lambda API's event source mapping actions on a region's service port: {@code CreateEventSourceMapping},
 * {@code GetEventSourceMapping}, {@code UpdateEventSourceMapping}, {@code DeleteEventSourceMapping} and
 * {@code ListEventSourceMappings}, for DynamoDB stream and SQS queue sources.
 */
public final class EventSourceMappingsApi {
    static final String PREFIX = "/2015-03-31/event-source-mappings";
    private static final Pattern STREAM_ARN =
            Pattern.compile("arn:aws[a-zA-Z-]*:dynamodb:([a-z0-9-]+):\\d{12}:table/([A-Za-z0-9_.-]{3,255})/stream/.+");

    private final EventSources sources;
    private final TableStore tables;
    private final Supplier<String> ids;

    public EventSourceMappingsApi(EventSources sources, TableStore tables) {
        this(sources, tables, () -> UUID.randomUUID().toString());
    }

    /** @param ids the UUIDs of new mappings */
    public EventSourceMappingsApi(EventSources sources, TableStore tables, Supplier<String> ids) {
        this.sources = requireNonNull(sources, "sources");
        this.tables = requireNonNull(tables, "tables");
        this.ids = requireNonNull(ids, "ids");
    }

    /** True for requests addressed to the event source mapping actions. */
    public static boolean accepts(ServiceRequest request) {
        return request.path().equals(PREFIX) || request.path().startsWith(PREFIX + "/");
    }

    public ServiceResponse handle(ServiceRequest request) {
        try {
            return route(request);
        } catch (AwsException e) {
            return ErrorRendering.restJson(e);
        }
    }

    private ServiceResponse route(ServiceRequest request) {
        var rest = request.path().substring(PREFIX.length());
        var uuid = rest.isEmpty() || rest.equals("/") ? "" : decode(rest.substring(1));
        return switch (request.method()) {
            case "POST" -> {
                if (uuid.isEmpty()) {
                    yield render(202, create(body(request)));
                }
                throw unknown(request);
            }
            case "GET" -> uuid.isEmpty() ? list(request) : render(200, get(uuid));
            case "PUT" -> render(202, update(uuid, body(request)));
            case "DELETE" -> render(202, sources.delete(uuid));
            default -> throw unknown(request);
        };
    }

    private MappingDescription create(JsonNode body) {
        var function = functionName(body.get("FunctionName"));
        var source = eventSource(body.get("EventSourceArn"));
        if (MappingSource.of(source) instanceof MappingSource.Queue) {
            var position = body.get("StartingPosition");
            if (position != null && !position.isNull()) {
                throw FunctionErrors.invalidParameter("StartingPosition is not valid for SQS event sources.");
            }
            return sources.create(MappingRequests.apply(EventSourceMapping.ofQueue(ids.get(), function, source), body));
        }
        var mapping =
                EventSourceMapping.of(ids.get(), function, source, startingPosition(body.get("StartingPosition")));
        return sources.create(MappingRequests.apply(mapping, body));
    }

    private MappingDescription get(String uuid) {
        return sources.describe(uuid).orElseThrow(() -> EventSourceErrors.mappingNotFound(uuid));
    }

    private MappingDescription update(String uuid, JsonNode body) {
        get(uuid);
        var function = body.hasNonNull("FunctionName") ? functionName(body.get("FunctionName")) : null;
        return sources.update(uuid, mapping -> {
            var changed = function == null ? mapping : mapping.withFunctionName(function);
            return MappingRequests.apply(changed, body);
        });
    }

    private ServiceResponse list(ServiceRequest request) {
        var function = request.queryParameter("FunctionName");
        var functionFilter = function == null
                ? null
                : functionName(Json.mapper().getNodeFactory().textNode(function));
        var source = request.queryParameter("EventSourceArn");
        var all = sources.describeAll().stream()
                .filter(d ->
                        functionFilter == null || d.mapping().functionName().equals(functionFilter))
                .filter(d -> source == null || sameSource(d, source))
                .toList();
        int maxItems = maxItems(request.queryParameter("MaxItems"));
        int start = start(all, request.queryParameter("Marker"));
        int end = Math.min(all.size(), start + maxItems);
        var body = new LinkedHashMap<String, Object>();
        if (end < all.size()) {
            body.put("NextMarker", all.get(end).uuid());
        }
        body.put(
                "EventSourceMappings",
                all.subList(start, end).stream()
                        .map(MappingResponses::configuration)
                        .toList());
        return ServiceResponse.json(200, body);
    }

    private static boolean sameSource(MappingDescription description, String source) {
        if (description.mapping().source() instanceof MappingSource.Queue queue) {
            return queue.arn().equals(source);
        }
        var matcher = STREAM_ARN.matcher(source);
        var table = matcher.matches() ? matcher.group(2) : source;
        return description.mapping().tableName().equals(table);
    }

    private static int start(List<MappingDescription> all, String marker) {
        if (marker == null) {
            return 0;
        }
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).uuid().equals(marker)) {
                return i;
            }
        }
        throw FunctionErrors.invalidParameter("Marker: " + marker + " (expected: a NextMarker this API returned)");
    }

    private static int maxItems(String value) {
        if (value == null) {
            return 100;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1 && parsed <= 10_000) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // fall through to the validation error
        }
        throw FunctionErrors.invalidParameter("1 validation error detected: Value '" + value
                + "' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000");
    }

    private static String functionName(JsonNode node) {
        if (node == null || node.isNull()) {
            throw FunctionErrors.invalidParameter("FunctionName: null (expected: a function name or ARN)");
        }
        var target = FunctionNames.parse(MappingRequests.text("FunctionName", node), null);
        if (!target.isLatest()) {
            throw FunctionErrors.functionNotFound(node.textValue());
        }
        return target.name();
    }

    /**
     * The source's ARN, checked: a DynamoDB stream of a table of this region that has a stream, or a well-formed
     * queue ARN (whether the queue exists is checked with the rest of the mapping).
     */
    private String eventSource(JsonNode node) {
        if (node == null || node.isNull()) {
            throw FunctionErrors.invalidParameter("EventSourceArn: null (expected: a DynamoDB stream ARN, as"
                    + " DescribeTable's LatestStreamArn, or a queue ARN, as GetQueueAttributes' QueueArn)");
        }
        var arn = MappingRequests.text("EventSourceArn", node);
        if (arn.startsWith("arn:aws:sqs:")) {
            MappingSource.of(arn); // its form; the queue itself is checked with the rest of the mapping
            return arn;
        }
        if (arn.startsWith("arn:aws:kinesis:") || arn.startsWith("arn:aws:kafka:")) {
            throw FunctionErrors.invalidParameter("EventSourceArn: " + arn + " (expected: a DynamoDB stream or SQS"
                    + " queue ARN; other event sources are not supported by Regionless yet)");
        }
        var matcher = STREAM_ARN.matcher(arn);
        if (!matcher.matches()) {
            throw FunctionErrors.invalidParameter("EventSourceArn: " + arn
                    + " (expected: a DynamoDB stream ARN, arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL)");
        }
        if (!matcher.group(1).equals(tables.region())) {
            throw FunctionErrors.invalidParameter("EventSourceArn: " + arn + " (expected: a stream in "
                    + tables.region() + ", the region of the function)");
        }
        var stream = tables.table(matcher.group(2)).flatMap(TableStream::of);
        if (stream.isEmpty() || !stream.get().enabled()) {
            throw FunctionErrors.invalidParameter("EventSourceArn: " + arn + " (expected: the stream of an existing"
                    + " table; table " + matcher.group(2) + " does not exist or has no enabled stream)");
        }
        return arn;
    }

    private static StartingPosition startingPosition(JsonNode node) {
        if (node == null || node.isNull()) {
            throw FunctionErrors.invalidParameter(
                    "StartingPosition: null (expected: TRIM_HORIZON or LATEST, required for a DynamoDB stream)");
        }
        var value = MappingRequests.text("StartingPosition", node);
        return switch (value) {
            case "TRIM_HORIZON" -> StartingPosition.TRIM_HORIZON;
            case "LATEST" -> StartingPosition.LATEST;
            case "AT_TIMESTAMP" ->
                throw FunctionErrors.invalidParameter(
                        "StartingPosition: AT_TIMESTAMP (expected: TRIM_HORIZON or LATEST; DynamoDB streams have no"
                                + " timestamps to start at)");
            default ->
                throw FunctionErrors.invalidParameter("1 validation error detected: Value '" + value
                        + "' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value set:"
                        + " [TRIM_HORIZON, LATEST, AT_TIMESTAMP]");
        };
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
            throw FunctionErrors.invalidRequestContent("Could not parse request body into json: "
                    + e.getMessage().lines().findFirst().orElse("malformed JSON"));
        }
    }

    private static ServiceResponse render(int status, MappingDescription description) {
        return ServiceResponse.json(status, MappingResponses.configuration(description));
    }

    private static AwsException unknown(ServiceRequest request) {
        return new AwsException(
                "UnknownOperationException",
                400,
                "Regionless does not support " + request.method() + " " + request.path() + " on the Lambda API");
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
