package dev.regionless.gateway.internal.websocket;

import dev.regionless.gateway.WebSocketLimits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Joins one connection's data frames into messages under API Gateway's limits: text only (a binary frame closes
 * the connection with 1003), 32 KB per frame and 128 KB per message (more closes it with 1009). Used on the
 * connection's event loop only.
 */
public final class MessageAssembler {
    private final int maxFrameBytes;
    private final int maxMessageBytes;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean inMessage;

    public MessageAssembler(int maxFrameBytes, int maxMessageBytes) {
        this.maxFrameBytes = maxFrameBytes;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** An assembler with API Gateway's limits: 32 KB frames, 128 KB messages. */
    public static MessageAssembler withAwsLimits() {
        return new MessageAssembler(WebSocketLimits.MAX_FRAME_BYTES, WebSocketLimits.MAX_MESSAGE_BYTES);
    }

    /** The kind of a data frame. */
    public enum FrameKind {
        TEXT,
        BINARY,
        CONTINUATION
    }

    /** What one frame leaves the assembler with. */
    public sealed interface Result {
        /** More frames of this message are to come. */
        record Partial() implements Result {}

        /** A whole message. */
        record Message(String text) implements Result {}

        /** The connection must close for this reason. */
        record Refused(CloseReason reason) implements Result {}
    }

    /** Takes one data frame. */
    public Result accept(FrameKind kind, byte[] data, boolean last) {
        if (kind == FrameKind.BINARY || (kind == FrameKind.CONTINUATION && !inMessage)) {
            return new Result.Refused(CloseReason.binaryFrame());
        }
        if (kind == FrameKind.TEXT) {
            pending.reset();
        }
        if (data.length > maxFrameBytes || pending.size() + data.length > maxMessageBytes) {
            pending.reset();
            inMessage = false;
            return new Result.Refused(CloseReason.messageTooBig());
        }
        pending.writeBytes(data);
        inMessage = !last;
        if (!last) {
            return new Result.Partial();
        }
        var text = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        return new Result.Message(text);
    }
}
