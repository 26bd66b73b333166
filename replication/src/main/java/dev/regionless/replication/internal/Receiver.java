package dev.regionless.replication.internal;

import dev.regionless.common.AwsException;
import dev.regionless.common.ServiceRequest;
import dev.regionless.common.ServiceResponse;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.catalog.StreamSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The receiving end of the links, on the region's service port: applies shipped changes by last writer wins and
 * acknowledges them once durable, carries out the control messages of other regions' replica updates, and answers
 * a verifier's questions about this replica's hash ranges.
 */
final class Receiver {
    private final LinkContext context;
    private final Links links;
    private final Watermarks watermarks;
    private final RangeAnswers ranges;

    Receiver(LinkContext context, Links links, Watermarks watermarks) {
        this.context = context;
        this.links = links;
        this.watermarks = watermarks;
        this.ranges = new RangeAnswers(context.region(), context.store());
    }

    ServiceResponse handle(ServiceRequest request) {
        try {
            if (!request.method().equals("POST")) {
                throw new AwsException("MethodNotAllowed", 405, request.method() + " " + request.path());
            }
            var source = request.header(PeerClient.SOURCE_HEADER);
            if (source != null && context.cuts().isCut(source)) {
                throw new AwsException(
                        "ServiceUnavailable", 503, "the link from " + source + " to " + context.region() + " is cut");
            }
            return switch (request.path()) {
                case WireFormat.CHANGES_PATH -> applyChanges(request.body());
                case ControlCalls.CREATE_PATH -> createReplica(request.body());
                case ControlCalls.SET_PATH -> setReplicas(request.body());
                case ControlCalls.DELETE_PATH -> deleteReplica(request.body());
                case ControlCalls.WATERMARKS_PATH -> watermarks(request.body());
                case RangeCalls.DIGESTS_PATH -> json(ranges.digests(request.body()));
                case RangeCalls.VERSIONS_PATH -> json(ranges.versions(request.body()));
                default -> throw new AwsException("NotFound", 404, "no replication resource at " + request.path());
            };
        } catch (AwsException e) {
            return error(e.status(), e.code(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(400, "ValidationException", e.getMessage());
        }
    }

    /**
     * Applies a batch in one durable commit. Refused unless the table is a replica here and the source is one of
     * its replicas, so that a region removed from a table cannot write into it.
     */
    private ServiceResponse applyChanges(byte[] body) {
        var batch = WireFormat.read(body);
        var state = context.store().requireTable(batch.table());
        if (!state.replicas().contains(context.region()) || !state.replicas().contains(batch.source())) {
            throw new AwsException(
                    "ReplicaNotFoundException",
                    409,
                    "table " + batch.table() + " in " + context.region() + " has replicas " + state.replicas()
                            + " (expected: both " + context.region() + " and " + batch.source() + ")");
        }
        var writes =
                batch.changes().stream().map(ShippedChange::toVersionedItem).toList();
        // Snapshot pages pass the tombstone horizon only while this replica is being created: a page arriving later
        // (a request held up somewhere) is applied like any replicated write.
        boolean creating = state.replicaStatus(context.region()).equals("CREATING");
        int applied = batch.snapshot() && creating
                ? context.store().applySnapshot(state, writes)
                : context.store().applyReplicated(state, writes);
        return json(WireFormat.acknowledgement(batch.lastSequence(), applied));
    }

    private ServiceResponse createReplica(byte[] body) {
        var message = ControlCalls.read(body, ControlCalls.CreateReplica.class);
        var name = message.definition().name();
        if (context.store().table(name).isPresent()) {
            throw TableErrors.validation("Failed to create a replica of table " + name + " in " + context.region()
                    + ": a table with that name already exists there (expected: no such table)");
        }
        var definition = message.definition()
                .withStream(new StreamSpecification(true, StreamSpecification.StreamViewType.NEW_AND_OLD_IMAGES));
        context.store().createTable(definition);
        context.store()
                .updateTable(
                        name,
                        state -> state.withTtlAttribute(message.ttlAttribute())
                                .withReplicas(message.replicas())
                                .withReplicaStatuses(message.replicaStatuses()));
        if (message.tombstoneHorizon() > 0) {
            context.store().collectTombstones(context.store().requireTable(name), message.tombstoneHorizon());
        }
        links.reconcile();
        return json(WireFormat.bytes(dev.regionless.common.Json.mapper()
                .createObjectNode()
                .put("table", name)
                .put("region", context.region())));
    }

    private ServiceResponse setReplicas(byte[] body) {
        var message = ControlCalls.read(body, ControlCalls.SetReplicas.class);
        context.store()
                .updateTable(
                        message.table(),
                        state -> state.withReplicas(message.replicas()).withReplicaStatuses(message.replicaStatuses()));
        links.reconcile();
        return json(WireFormat.bytes(
                dev.regionless.common.Json.mapper().createObjectNode().put("table", message.table())));
    }

    private ServiceResponse deleteReplica(byte[] body) {
        var message = ControlCalls.read(body, ControlCalls.DeleteReplica.class);
        var state = context.store().table(message.table());
        if (state.isPresent() && state.get().isGlobal()) {
            context.store().deleteTable(message.table());
        }
        links.reconcile();
        return json(WireFormat.bytes(
                dev.regionless.common.Json.mapper().createObjectNode().put("table", message.table())));
    }

    /** This region's link watermarks for a table, for another replica's tombstone collection. */
    private ServiceResponse watermarks(byte[] body) {
        var message = ControlCalls.read(body, ControlCalls.WatermarksRequest.class);
        var state = context.store().requireTable(message.table());
        if (!state.replicas().contains(context.region())) {
            throw new AwsException(
                    "ReplicaNotFoundException",
                    409,
                    "table " + message.table() + " has no replica in " + context.region() + " (replicas: "
                            + state.replicas() + ")");
        }
        return json(ControlCalls.write(new ControlCalls.WatermarksAnswer(context.region(), watermarks.of(state))));
    }

    private static ServiceResponse json(byte[] body) {
        return new ServiceResponse(200, Map.of("Content-Type", "application/json"), body);
    }

    private static ServiceResponse error(int status, String code, String message) {
        var body = dev.regionless.common.Json.mapper()
                .createObjectNode()
                .put("__type", code)
                .put("message", message);
        return new ServiceResponse(
                status,
                Map.of("Content-Type", "application/json"),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
