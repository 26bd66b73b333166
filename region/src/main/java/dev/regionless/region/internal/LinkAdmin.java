package dev.regionless.region.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.AwsException;
import dev.regionless.common.Json;
import dev.regionless.replication.Replication;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admin resources for this region's replication links with each peer, for chaos experiments: cutting and
 * restoring a link, and changing its one-way delay while the region runs. The CLI calls both regions of a link, so
 * that each reports the same state.
 */
final class LinkAdmin {
    /** The longest delay a link may be given: longer ones are a cut, and should be asked for as one. */
    static final long MAX_DELAY_MILLIS = 60_000;

    private final String region;
    private final Replication replication;

    LinkAdmin(String region, Replication replication) {
        this.region = region;
        this.replication = replication;
    }

    /**
     * {@code PUT /admin/links/PEER} with {@code {"state": "cut"}} cuts this region's replication with PEER in both
     * directions ({@code *} for every other region), {@code {"state": "up"}} restores it. Answers {@link #view()}.
     */
    Map<String, Object> setState(String peer, byte[] body) {
        checkPeer(peer, true);
        var state = field(body, "state");
        switch (state == null || !state.isTextual() ? "" : state.asText()) {
            case "cut" -> replication.cut(peer);
            case "up" -> replication.restore(peer);
            default ->
                throw new AwsException(
                        "ValidationException", 400, "state: " + display(state) + " (expected: \"cut\" or \"up\")");
        }
        return view();
    }

    /**
     * {@code PUT /admin/links/PEER/delay} with {@code {"delayMillis": N}} makes changes from this region wait N
     * milliseconds before they leave for PEER (one way; the other region sets its own). Answers {@link #view()}.
     */
    Map<String, Object> setDelay(String peer, byte[] body) {
        checkPeer(peer, false);
        var millis = field(body, "delayMillis");
        if (millis == null
                || !millis.canConvertToLong()
                || !millis.isIntegralNumber()
                || millis.asLong() < 0
                || millis.asLong() > MAX_DELAY_MILLIS) {
            throw new AwsException(
                    "ValidationException",
                    400,
                    "delayMillis: " + display(millis) + " (expected: an integer number of milliseconds, 0.."
                            + MAX_DELAY_MILLIS + ")");
        }
        replication.setDelay(peer, Duration.ofMillis(millis.asLong()));
        return view();
    }

    /**
     * {@code {"region", "cut": [peers cut one by one, or "*"], "isolated": true while the region is dark, "links":
     * [{"peer", "cut", "delayMillis"}]}}.
     */
    Map<String, Object> view() {
        var view = new LinkedHashMap<String, Object>();
        view.put("region", region);
        view.put("cut", replication.cutPeers());
        view.put("isolated", replication.isIsolated());
        view.put("links", replication.peerLinks());
        return view;
    }

    private void checkPeer(String peer, boolean everyAllowed) {
        boolean every = peer.equals(Replication.EVERY_PEER);
        if (peer.isEmpty() || peer.contains("/") || peer.equals(region) || (every && !everyAllowed)) {
            throw new AwsException(
                    "ValidationException",
                    400,
                    "peer: " + peer + " (expected: the name of a region other than " + region
                            + (everyAllowed ? ", or * for every region)" : ")"));
        }
    }

    private static JsonNode field(byte[] body, String name) {
        try {
            var tree = Json.mapper().readTree(body);
            return tree == null ? null : tree.get(name);
        } catch (IOException e) {
            return null;
        }
    }

    private static String display(JsonNode value) {
        return value == null ? "missing" : value.toString();
    }
}
