package dev.regionless.events.topics;

import static java.util.Objects.requireNonNull;

import dev.regionless.queues.MessageAttribute;
import java.util.Map;

/**
 * A message to publish, as Publish (or one PublishBatch entry) takes it.
 *
 * @param message the message; with {@code messageStructure} {@code json}, a JSON object of one message per protocol
 *     with a {@code default}
 * @param subject the subject, or {@code null}
 * @param messageStructure {@code json}, or {@code null} for the same message to every protocol
 * @param attributes the message attributes by name
 * @param groupId the {@code MessageGroupId}: required on FIFO topics, refused on standard ones
 * @param deduplicationId the {@code MessageDeduplicationId} (FIFO topics), or {@code null}
 */
public record Publication(
        String message,
        String subject,
        String messageStructure,
        Map<String, MessageAttribute> attributes,
        String groupId,
        String deduplicationId) {
    public Publication {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    /** A message with nothing but its text. */
    public static Publication of(String message) {
        return new Publication(requireNonNull(message, "message"), null, null, Map.of(), null, null);
    }
}
