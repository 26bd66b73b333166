package dev.regionless.replication.internal;

import dev.regionless.common.Json;
import dev.regionless.tables.KeyRangeDigest;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.protocol.AttributeValues;
import java.io.IOException;
import java.util.ArrayList;

/**
 * Answers a verifier's {@link RangeCalls}: fingerprints and versions of this region's replica of a table, read from
 * the table store. Reads only, so they are answered even on a cut link.
 */
final class RangeAnswers {
    private static final int MAX_PARTS = 4096;
    private static final int MAX_LIMIT = 10_000;

    private final String region;
    private final TableStore store;

    RangeAnswers(String region, TableStore store) {
        this.region = region;
        this.store = store;
    }

    byte[] digests(byte[] body) {
        var request = ControlCalls.read(body, RangeCalls.DigestsRequest.class);
        KeyRangeDigest.requireRange(request.from(), request.to());
        if (request.parts() < 1 || request.parts() > MAX_PARTS) {
            throw new IllegalArgumentException("parts: " + request.parts() + " (expected: 1.." + MAX_PARTS + ")");
        }
        var table = store.requireTable(request.table());
        var ranges = new ArrayList<KeyRangeDigest>();
        long width = request.to() - request.from();
        int parts = (int) Math.min(request.parts(), width);
        for (int i = 0; i < parts; i++) {
            long from = request.from() + width * i / parts;
            long to = request.from() + width * (i + 1) / parts;
            ranges.add(store.digest(table, from, to));
        }
        return write(new RangeCalls.DigestsAnswer(region, table.replicas(), ranges));
    }

    byte[] versions(byte[] body) {
        var request = ControlCalls.read(body, RangeCalls.VersionsRequest.class);
        KeyRangeDigest.requireRange(request.from(), request.to());
        if (request.limit() < 1 || request.limit() > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: " + request.limit() + " (expected: 1.." + MAX_LIMIT + ")");
        }
        var table = store.requireTable(request.table());
        var after =
                request.after() == null || request.after().isNull() ? null : AttributeValues.readItem(request.after());
        var page = store.readVersioned(table, request.from(), request.to(), after, request.limit() + 1);
        var items = new ArrayList<RangeCalls.KeyVersion>();
        for (var item : page.subList(0, Math.min(page.size(), request.limit()))) {
            items.add(
                    new RangeCalls.KeyVersion(AttributeValues.writeItem(item.key()), item.timestamp(), item.origin()));
        }
        return write(new RangeCalls.VersionsAnswer(region, items, page.size() > request.limit()));
    }

    private static byte[] write(Object answer) {
        try {
            return Json.mapper().writeValueAsBytes(answer);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + answer.getClass().getSimpleName(), e);
        }
    }
}
