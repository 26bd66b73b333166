package dev.regionless.gateway.internal.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gateway's own messages to a client, byte for byte as API Gateway sends them. */
class ErrorFramesTest {
    @Test
    void noRouteIsForbidden() {
        assertThat(ErrorFrames.forbidden("L0SM9cOFvHcCIhw=", "L0SWzcOGvHcCIhw="))
                .isEqualTo("{\"message\": \"Forbidden\", \"connectionId\":\"L0SM9cOFvHcCIhw=\","
                        + " \"requestId\":\"L0SWzcOGvHcCIhw=\"}");
    }

    @Test
    void failedFunctionIsInternalServerError() {
        assertThat(ErrorFrames.internalServerError("c=", "r="))
                .isEqualTo("{\"message\": \"Internal server error\", \"connectionId\":\"c=\", \"requestId\":\"r=\"}");
    }
}
