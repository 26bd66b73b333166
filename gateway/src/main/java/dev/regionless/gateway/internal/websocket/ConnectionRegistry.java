package dev.regionless.gateway.internal.websocket;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The region's open connections by id. Ids look like AWS's ({@code L0SM9cOFvHcCIhw=}: fifteen letters and digits
 * and a '=') and are unique in the region; they are never shared with another region, so another region's id is
 * simply unknown here.
 */
public final class ConnectionRegistry {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final ConcurrentHashMap<String, Connection> connections = new ConcurrentHashMap<>();
    private final Supplier<RandomGenerator> random;

    /** A registry drawing ids from this source of randomness; tests pass a seeded one. */
    public ConnectionRegistry(Supplier<RandomGenerator> random) {
        this.random = random;
    }

    /**
     * An id no open connection has. Letters and digits only, unlike base64: an id travels in a URL path, where a
     * '/' would split it.
     */
    public String newId() {
        var id = randomId();
        while (connections.containsKey(id)) {
            id = randomId();
        }
        return id;
    }

    private String randomId() {
        var generator = random.get();
        var id = new StringBuilder(16);
        for (int i = 0; i < 15; i++) {
            id.append(ALPHABET.charAt(generator.nextInt(ALPHABET.length())));
        }
        return id.append('=').toString();
    }

    public void add(Connection connection) {
        connections.put(connection.id(), connection);
    }

    public void remove(Connection connection) {
        connections.remove(connection.id(), connection);
    }

    /** The open connection with this id; one that is closing counts as gone. */
    public Optional<Connection> open(String connectionId) {
        var connection = connections.get(connectionId);
        return connection == null || connection.isClosing() ? Optional.empty() : Optional.of(connection);
    }

    /** Every connection, closing ones included. */
    public Collection<Connection> all() {
        return List.copyOf(connections.values());
    }
}
