package dev.regionless.gateway.internal.websocket;

/**
 * Why a connection closed: the WebSocket close code and reason, as sent in the close frame and as the
 * {@code $disconnect} event reports them.
 */
public record CloseReason(int code, String reason) {
    /** A server-side close through {@code @connections} DELETE. */
    public static CloseReason deleted() {
        return new CloseReason(1000, "Connection deleted through @connections");
    }

    /** No frame from the client for the idle timeout. */
    public static CloseReason idle() {
        return new CloseReason(1001, "Going away: idle timeout");
    }

    /** The connection reached its maximum duration. */
    public static CloseReason tooOld() {
        return new CloseReason(1001, "Going away: maximum connection duration reached");
    }

    /** The gateway is stopping. */
    public static CloseReason shutdown() {
        return new CloseReason(1001, "Going away");
    }

    /** A message over 128 KB. */
    public static CloseReason messageTooBig() {
        return new CloseReason(1009, "Message too big");
    }

    /** A binary frame: API Gateway accepts only text messages. */
    public static CloseReason binaryFrame() {
        return new CloseReason(1003, "Binary frames are not supported");
    }

    /** The client closed without a status code, as AWS words it. */
    public static CloseReason clientWithoutStatus() {
        return new CloseReason(1005, "Client-side close frame status not set");
    }
}
