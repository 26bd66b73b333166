package dev.regionless.tables.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.AwsException;
import dev.regionless.common.ErrorRendering;
import dev.regionless.common.Json;
import dev.regionless.common.ServiceRequest;
import dev.regionless.common.ServiceResponse;
import dev.regionless.tables.TableStore;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB and DynamoDB Streams on a region's service port, in their JSON 1.0 protocol: the operation is named by
 * {@code X-Amz-Target} ({@code DynamoDB_20120810.PutItem}, {@code DynamoDBStreams_20120810.GetRecords}), the
 * request and response are JSON, errors carry {@code __type} and {@code message}, and every response has the
 * {@code x-amz-crc32} checksum of its body, which the AWS SDKs verify.
 */
public final class DynamoDbApi {
    public static final String TARGET_PREFIX = "DynamoDB_20120810.";
    public static final String STREAMS_TARGET_PREFIX = "DynamoDBStreams_20120810.";
    private static final String ERROR_PREFIX = "com.amazonaws.dynamodb.v20120810#";
    private static final String CORAL_PREFIX = "com.amazon.coral.service#";
    private static final String REQUEST_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbApi.class);

    private final Map<String, Function<Params, ObjectNode>> operations = new LinkedHashMap<>();
    private final StreamsApi streams;

    public DynamoDbApi(TableStore store, Clock clock) {
        this(store, clock, dev.regionless.tables.ReplicaControl.unavailable());
    }

    /** @param replicas adds and removes global table replicas for UpdateTable's {@code ReplicaUpdates} */
    public DynamoDbApi(TableStore store, Clock clock, dev.regionless.tables.ReplicaControl replicas) {
        var tables = new TableOperations(store, replicas);
        var items = new ItemOperations(store);
        var reads = new ReadOperations(store);
        var globalTables = new GlobalTableOperations(store, replicas);
        operations.put("CreateTable", tables::createTable);
        operations.put("DescribeTable", tables::describeTable);
        operations.put("ListTables", tables::listTables);
        operations.put("DeleteTable", tables::deleteTable);
        operations.put("UpdateTable", tables::updateTable);
        operations.put("UpdateTimeToLive", tables::updateTimeToLive);
        operations.put("DescribeTimeToLive", tables::describeTimeToLive);
        operations.put("TagResource", tables::tagResource);
        operations.put("UntagResource", tables::untagResource);
        operations.put("ListTagsOfResource", tables::listTagsOfResource);
        operations.put("DescribeLimits", tables::describeLimits);
        operations.put("DescribeEndpoints", tables::describeEndpoints);
        operations.put("CreateGlobalTable", globalTables::createGlobalTable);
        operations.put("UpdateGlobalTable", globalTables::updateGlobalTable);
        operations.put("DescribeGlobalTable", globalTables::describeGlobalTable);
        operations.put("ListGlobalTables", globalTables::listGlobalTables);
        operations.put("PutItem", items::putItem);
        operations.put("GetItem", items::getItem);
        operations.put("DeleteItem", items::deleteItem);
        operations.put("UpdateItem", items::updateItem);
        operations.put("BatchGetItem", items::batchGetItem);
        operations.put("BatchWriteItem", items::batchWriteItem);
        operations.put("TransactWriteItems", items::transactWriteItems);
        operations.put("TransactGetItems", items::transactGetItems);
        operations.put("Query", reads::query);
        operations.put("Scan", reads::scan);
        var partiql = new PartiqlStatements(store, items, reads);
        operations.put("ExecuteStatement", partiql::executeStatement);
        operations.put("BatchExecuteStatement", new PartiqlBatch(partiql)::batchExecuteStatement);
        operations.put("ExecuteTransaction", new PartiqlTransactions(partiql, items)::executeTransaction);
        this.streams = new StreamsApi(store, clock);
    }

    /** True if the request is addressed to DynamoDB or DynamoDB Streams. */
    public static boolean accepts(ServiceRequest request) {
        var target = request.header("X-Amz-Target");
        return target != null && (target.startsWith(TARGET_PREFIX) || target.startsWith(STREAMS_TARGET_PREFIX));
    }

    public ServiceResponse handle(ServiceRequest request) {
        var requestId = requestId();
        ServiceResponse response;
        try {
            response = ok(dispatch(request));
        } catch (AwsException e) {
            response = ErrorRendering.json10(e, ERROR_PREFIX);
        } catch (FrontEndError e) {
            response = frontEndError(e.code, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("DynamoDB request {} failed", request.header("X-Amz-Target"), e);
            response = ErrorRendering.json10(
                    new AwsException("InternalServerError", 500, "Internal server error (request " + requestId + ")"),
                    ERROR_PREFIX);
        }
        return withChecksum(response).withHeader("x-amzn-RequestId", requestId);
    }

    /**
     * A 52-character id in DynamoDB's alphabet. Not a UUID: {@code UUID.randomUUID()} draws from one shared
     * SecureRandom, a point of contention at tens of thousands of requests per second, and ids need not be secret.
     */
    private static String requestId() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        var id = new char[52];
        for (int i = 0; i < id.length; i++) {
            id[i] = REQUEST_ID_ALPHABET.charAt(random.nextInt(REQUEST_ID_ALPHABET.length()));
        }
        return new String(id);
    }

    private ObjectNode dispatch(ServiceRequest request) {
        var target = request.header("X-Amz-Target");
        var body = parse(request.body());
        if (target.startsWith(STREAMS_TARGET_PREFIX)) {
            return streams.handle(target.substring(STREAMS_TARGET_PREFIX.length()), body);
        }
        var name = target.substring(TARGET_PREFIX.length());
        var operation = operations.get(name);
        if (operation == null) {
            throw new FrontEndError("UnknownOperationException", "Unknown operation: " + name);
        }
        return operation.apply(new Params(body));
    }

    private static JsonNode parse(byte[] body) {
        try {
            var node = body.length == 0 ? null : Json.mapper().readTree(body);
            if (node == null || !node.isObject()) {
                throw new FrontEndError("SerializationException", "The request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new FrontEndError("SerializationException", "The request body is not valid JSON");
        }
    }

    private static ServiceResponse ok(ObjectNode result) {
        try {
            return new ServiceResponse(
                    200,
                    Map.of("Content-Type", "application/x-amz-json-1.0"),
                    Json.mapper().writeValueAsBytes(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be written as JSON", e);
        }
    }

    /**
     * DynamoDB's front end answers these itself, in its own namespace and without a message; we add one that names
     * the problem, which the SDKs ignore.
     */
    private static ServiceResponse frontEndError(String code, String message) {
        var body = Json.mapper()
                .createObjectNode()
                .put("__type", CORAL_PREFIX + code)
                .put("message", message);
        return new ServiceResponse(
                400,
                Map.of("Content-Type", "application/x-amz-json-1.0"),
                body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static ServiceResponse withChecksum(ServiceResponse response) {
        var crc = new CRC32();
        crc.update(response.body());
        return response.withHeader("x-amz-crc32", Long.toString(crc.getValue()));
    }

    /** An error of the protocol layer before any operation runs: an unknown target, a body that is not JSON. */
    private static final class FrontEndError extends RuntimeException {
        private final String code;

        FrontEndError(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
