package dev.regionless.events;

/**
 * Receives the description of each batch a stream mapping discards ({@code DestinationConfig.OnFailure}). Lambda
 * sends it to a queue or a topic; the queues and topics of a region plug in here as further implementations.
 */
@FunctionalInterface
public interface FailureDestination {

    /**
     * Delivers one record. Returns once the destination holds it; throws when it could not be delivered, so that
     * the mapping tries again before it moves on.
     */
    void send(FailureRecord record);
}
