package dev.regionless.gateway;

import dev.regionless.common.AwsException;

/** The errors of the {@code @connections} management API, with the codes and statuses AWS uses. */
public final class WebSocketErrors {
    private WebSocketErrors() {}

    /** 410: no open connection has this id here (never opened, closed, or opened in another region). */
    public static AwsException gone(String connectionId) {
        return new AwsException("GoneException", 410, "Connection " + connectionId + " is gone");
    }

    /** 413: data over the 128 KB message limit. */
    public static AwsException payloadTooLarge(int size) {
        return new AwsException(
                "PayloadTooLargeException",
                413,
                "Data: " + size + " bytes (expected: at most " + WebSocketLimits.MAX_MESSAGE_BYTES + ")");
    }

    /** 429: the client is not reading what was already sent. */
    public static AwsException limitExceeded(String connectionId) {
        return new AwsException(
                "LimitExceededException", 429, "Connection " + connectionId + " is not reading its messages");
    }

    /** 403: no WebSocket API has this stage. */
    public static AwsException forbidden() {
        return new AwsException("ForbiddenException", 403, "Forbidden");
    }
}
