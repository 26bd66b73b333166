package dev.regionless.tables.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.AwsException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TransactWriteItems' idempotency: a request repeated with the same {@code ClientRequestToken} within ten minutes
 * is answered as the first was, without writing again; the same token with other parameters is an error.
 *
 * <p>Kept in memory: after a restart a repeated token runs again, which is safe only for idempotent writes.
 */
final class TransactionTokens {
    private static final long WINDOW_MILLIS = 10 * 60 * 1000;

    private record Entry(String request, ObjectNode response, long at) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    Optional<ObjectNode> previous(String token, Params request) {
        long now = System.currentTimeMillis();
        entries.values().removeIf(entry -> now - entry.at() > WINDOW_MILLIS);
        var entry = entries.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.request().equals(fingerprint(request))) {
            throw new AwsException(
                    "IdempotentParameterMismatchException",
                    400,
                    "Specified idempotent token was already used with different request parameters");
        }
        return Optional.of(entry.response().deepCopy());
    }

    void remember(String token, Params request, ObjectNode response) {
        entries.put(token, new Entry(fingerprint(request), response.deepCopy(), System.currentTimeMillis()));
    }

    private static String fingerprint(Params request) {
        return request.node("TransactItems") + "|" + request.string("ReturnConsumedCapacity");
    }
}
