package dev.regionless.gateway.internal.websocket;

import static dev.regionless.gateway.internal.websocket.MessageAssembler.FrameKind.BINARY;
import static dev.regionless.gateway.internal.websocket.MessageAssembler.FrameKind.CONTINUATION;
import static dev.regionless.gateway.internal.websocket.MessageAssembler.FrameKind.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.gateway.internal.websocket.MessageAssembler.Result;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageAssemblerTest {
    private final MessageAssembler assembler = MessageAssembler.withAwsLimits();

    @Test
    void singleFinalTextFrameIsAMessage() {
        assertThat(assembler.accept(TEXT, bytes("hello"), true)).isEqualTo(new Result.Message("hello"));
    }

    @Test
    void fragmentsAreJoinedIntoOneMessage() {
        var first = assembler.accept(TEXT, bytes("hel"), false);
        var second = assembler.accept(CONTINUATION, bytes("lo "), false);
        var last = assembler.accept(CONTINUATION, bytes("world"), true);

        assertThat(first).isEqualTo(new Result.Partial());
        assertThat(second).isEqualTo(new Result.Partial());
        assertThat(last).isEqualTo(new Result.Message("hello world"));
    }

    @Test
    void characterSplitAcrossFramesIsDecodedWhole() {
        var euro = "€".getBytes(StandardCharsets.UTF_8);

        assembler.accept(TEXT, new byte[] {euro[0]}, false);
        var last = assembler.accept(CONTINUATION, new byte[] {euro[1], euro[2]}, true);

        assertThat(last).isEqualTo(new Result.Message("€"));
    }

    @Test
    void messageOf128KbIsAcceptedAndOneByteMoreClosesWith1009() {
        var frame = new byte[32 * 1024];
        for (int i = 0; i < 3; i++) {
            assembler.accept(i == 0 ? TEXT : CONTINUATION, frame, false);
        }
        var exactly = assembler.accept(CONTINUATION, frame, true);
        for (int i = 0; i < 4; i++) {
            assembler.accept(i == 0 ? TEXT : CONTINUATION, frame, false);
        }
        var over = assembler.accept(CONTINUATION, new byte[1], true);

        assertThat(exactly).isInstanceOf(Result.Message.class);
        assertThat(over).isEqualTo(new Result.Refused(new CloseReason(1009, "Message too big")));
    }

    @Test
    void frameOver32KbClosesWith1009() {
        var result = assembler.accept(TEXT, new byte[32 * 1024 + 1], true);

        assertThat(result).isEqualTo(new Result.Refused(CloseReason.messageTooBig()));
    }

    @Test
    void binaryFrameClosesWith1003() {
        var result = assembler.accept(BINARY, new byte[] {1, 2}, true);

        assertThat(result).isEqualTo(new Result.Refused(CloseReason.binaryFrame()));
        assertThat(CloseReason.binaryFrame().code()).isEqualTo(1003);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
