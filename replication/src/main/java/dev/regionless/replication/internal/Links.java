package dev.regionless.replication.internal;

import dev.regionless.replication.LinkStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one {@link TableLink} running for every global table of this region and every other replica of it: starts
 * links for replicas that appear, stops those whose replica or table is gone (forgetting their cursors), and
 * passes change notifications on to the table's links.
 */
final class Links implements AutoCloseable {
    private final LinkContext context;
    private final Map<String, TableLink> links = new ConcurrentHashMap<>();
    private volatile boolean closed;

    Links(LinkContext context) {
        this.context = context;
    }

    /** Brings the running links in line with the tables' replicas. */
    synchronized void reconcile() {
        if (closed) {
            return;
        }
        var wanted = new HashSet<String>();
        for (var name : context.store().tableNames()) {
            var state = context.store().table(name).orElse(null);
            if (state == null || !state.isGlobal() || !state.replicas().contains(context.region())) {
                continue;
            }
            for (var destination : state.replicas()) {
                if (destination.equals(context.region())) {
                    continue;
                }
                var key = key(state.tableId(), destination);
                wanted.add(key);
                links.computeIfAbsent(key, k -> {
                    context.cursors().startLink(state.tableId(), destination);
                    var link = new TableLink(context, state, destination);
                    link.start();
                    return link;
                });
            }
        }
        for (var entry : new ArrayList<>(links.entrySet())) {
            if (!wanted.contains(entry.getKey())) {
                var link = links.remove(entry.getKey());
                link.close();
                context.cursors().remove(link.tableId(), link.destination());
            }
        }
    }

    /** Wakes the links of a table that just changed. */
    void wake(String table) {
        for (var link : links.values()) {
            if (link.table().equals(table)) {
                link.wake();
            }
        }
    }

    /** Has every link try again now, also those waiting out a backoff (a cut link was just restored). */
    void retryAll() {
        links.values().forEach(TableLink::retryNow);
    }

    /** Tells the links to {@code destination} that their delay changed. */
    void delayChanged(String destination) {
        for (var link : links.values()) {
            if (link.destination().equals(destination)) {
                link.delayChanged();
            }
        }
    }

    /** The regions this region has a link to, for any table; sorted. */
    java.util.SortedSet<String> destinations() {
        var destinations = new java.util.TreeSet<String>();
        links.values().forEach(link -> destinations.add(link.destination()));
        return destinations;
    }

    List<LinkStatus> status() {
        return links.values().stream()
                .map(TableLink::status)
                .sorted(Comparator.comparing(LinkStatus::table).thenComparing(LinkStatus::destination))
                .toList();
    }

    private static String key(String tableId, String destination) {
        return tableId + ">" + destination;
    }

    @Override
    public synchronized void close() {
        closed = true;
        links.values().forEach(TableLink::close);
        links.clear();
    }
}
