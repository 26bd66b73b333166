package dev.regionless.replication.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.regionless.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The region's replication state in {@code <state>/cursors.json}: for each link (a table, by its TableId, and a
 * destination region) the stream position up to which the destination has acknowledged this region's changes,
 * the new replicas this region is still filling, and the replicas it is resynchronising after its stream lost
 * changes they had not received.
 *
 * <p>Cursors move in memory when a batch is acknowledged and reach the disk at the next {@link #flush()}; a crash
 * in between only makes the link send some changes again, which the destination ignores, so acknowledged writes
 * are never lost. The file is replaced atomically (written, synced, renamed, the folder synced).
 */
public final class CursorFile {
    static final String NAME = "cursors.json";

    private final Path folder;
    private final TreeMap<String, Long> cursors;
    private final TreeSet<String> backfills;
    private final TreeSet<String> resyncs;
    private boolean dirty;

    /** What the file holds; files written before resyncs existed have none. */
    record Contents(Map<String, Long> cursors, List<String> backfills, List<String> resyncs) {}

    private CursorFile(Path folder, Contents contents) {
        this.folder = folder;
        this.cursors = new TreeMap<>(contents.cursors() == null ? Map.of() : contents.cursors());
        this.backfills = new TreeSet<>(contents.backfills() == null ? List.of() : contents.backfills());
        this.resyncs = new TreeSet<>(contents.resyncs() == null ? List.of() : contents.resyncs());
    }

    /** Reads the state in {@code folder}, or starts empty if there is none. */
    public static CursorFile open(Path folder) {
        var file = folder.resolve(NAME);
        try {
            Files.createDirectories(folder);
            if (!Files.exists(file)) {
                return new CursorFile(folder, new Contents(Map.of(), List.of(), List.of()));
            }
            return new CursorFile(folder, Json.mapper().readValue(file.toFile(), new TypeReference<Contents>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read replication cursors " + file + ": " + e.getMessage(), e);
        }
    }

    /** The acknowledged position of the link from this region's table to {@code destination}, if it has one. */
    public synchronized OptionalLong cursor(String tableId, String destination) {
        var value = cursors.get(linkKey(tableId, destination));
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** Moves a link's cursor forward (never back: a late acknowledgement does not undo a later one). */
    public synchronized void advance(String tableId, String destination, long position) {
        var key = linkKey(tableId, destination);
        var current = cursors.get(key);
        if (current == null || position > current) {
            cursors.put(key, position);
            dirty = true;
        }
    }

    /**
     * Gives a new link its starting position unless it has one; answers the link's position. A new link starts at
     * the beginning of the stream. Starting where this region's other links are would lose writes: a write they
     * delivered to the replica that fills the new one may have been applied there after the snapshot it sends was
     * taken, and that replica ships only its own writes. Sending the retained stream again costs some traffic;
     * applying is idempotent, so it costs nothing else.
     */
    public synchronized long startLink(String tableId, String destination) {
        var existing = cursors.get(linkKey(tableId, destination));
        if (existing != null) {
            return existing;
        }
        long start = 0;
        cursors.put(linkKey(tableId, destination), start);
        dirty = true;
        return start;
    }

    /** Gives a new link an explicit starting position, unless it already has one. */
    public synchronized void startLinkAt(String tableId, String destination, long position) {
        if (cursors.putIfAbsent(linkKey(tableId, destination), position) == null) {
            dirty = true;
        }
    }

    /** Forgets a link whose destination is no longer a replica. */
    public synchronized void remove(String tableId, String destination) {
        if (cursors.remove(linkKey(tableId, destination)) != null) {
            dirty = true;
        }
    }

    /** The replicas this region is filling, as {@code table>region}. */
    public synchronized List<String> backfills() {
        return new ArrayList<>(backfills);
    }

    public synchronized void addBackfill(String table, String region) {
        dirty |= backfills.add(table + ">" + region);
    }

    public synchronized void removeBackfill(String table, String region) {
        dirty |= backfills.remove(table + ">" + region);
    }

    /** The replicas this region is resynchronising from a snapshot of its own writes, as {@code table>region}. */
    public synchronized List<String> resyncs() {
        return new ArrayList<>(resyncs);
    }

    public synchronized void addResync(String table, String region) {
        dirty |= resyncs.add(table + ">" + region);
    }

    public synchronized void removeResync(String table, String region) {
        dirty |= resyncs.remove(table + ">" + region);
    }

    /** Writes the state if it changed since the last flush; durable when this returns. */
    public synchronized void flush() {
        if (!dirty) {
            return;
        }
        var file = folder.resolve(NAME);
        var temporary = folder.resolve(NAME + ".tmp");
        try {
            byte[] bytes = Json.mapper()
                    .writeValueAsBytes(new Contents(cursors, new ArrayList<>(backfills), new ArrayList<>(resyncs)));
            try (var channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                var buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // The rename itself is durable only once the folder is synced.
            try (var directory = FileChannel.open(folder, StandardOpenOption.READ)) {
                directory.force(true);
            }
            dirty = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write replication cursors " + file + ": " + e.getMessage(), e);
        }
    }

    private static String linkKey(String tableId, String destination) {
        return tableId + " " + destination;
    }
}
