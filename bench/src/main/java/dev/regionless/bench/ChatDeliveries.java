package dev.regionless.bench;

/**
 * The deliveries of one phase's messages to one group of clients: the latency of every (message, client) pair,
 * from the message's scheduled send time to its arrival at the client. Messages of other phases are ignored.
 */
final class ChatDeliveries {
    private final ChatTraffic traffic;
    private final ChatTraffic.Range range;
    private final long expected;
    private final Latencies latencies = new Latencies();
    private long lastArrival;
    private long frames;

    ChatDeliveries(ChatTraffic traffic, ChatTraffic.Range range, int clients) {
        this.traffic = traffic;
        this.range = range;
        this.expected = (long) range.size() * clients;
    }

    /** Records nothing: what clients receive between phases. */
    static ChatDeliveries ignoring() {
        return new ChatDeliveries(null, new ChatTraffic.Range(0, 0), 0);
    }

    /** Records one message's arrival; false if it is not one of this phase's messages. */
    synchronized boolean record(int sequence, long arrival) {
        if (!range.contains(sequence)) {
            return false;
        }
        long sent = traffic.sentAt(sequence);
        if (sent == 0) {
            return false;
        }
        latencies.add(arrival - sent);
        lastArrival = arrival;
        return true;
    }

    /** Counts a frame that carried this phase's messages: one post to {@code @connections}. */
    synchronized void recordFrame() {
        frames++;
    }

    synchronized long frames() {
        return frames;
    }

    synchronized boolean complete() {
        return latencies.count() >= expected;
    }

    synchronized long lastArrival() {
        return lastArrival;
    }

    long expected() {
        return expected;
    }

    Latencies latencies() {
        return latencies;
    }
}
