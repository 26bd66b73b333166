package dev.regionless.gateway.internal.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.functions.InvocationResult;
import dev.regionless.gateway.internal.Integration.Outcome;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConnectDecisionTest {
    @Test
    void twoHundredStatusAccepts() {
        assertThat(decide("{\"statusCode\":200}")).isEqualTo(new ConnectDecision.Accept(null));
        assertThat(decide("{\"statusCode\":204,\"body\":\"hi\"}")).isEqualTo(new ConnectDecision.Accept(null));
    }

    @Test
    void answerWithoutStatusAccepts() {
        assertThat(decide("null")).isEqualTo(new ConnectDecision.Accept(null));
        assertThat(decide("")).isEqualTo(new ConnectDecision.Accept(null));
        assertThat(decide("{\"body\":\"x\"}")).isEqualTo(new ConnectDecision.Accept(null));
    }

    @Test
    void anAcceptingAnswersProtocolHeaderIsTheChosenSubprotocol() {
        assertThat(decide("{\"statusCode\":200,\"headers\":{\"sec-websocket-protocol\":\" chat.v2 \"}}"))
                .isEqualTo(new ConnectDecision.Accept("chat.v2"));
        assertThat(decide("{\"headers\":{\"Sec-WebSocket-Protocol\":\"chat\"}}"))
                .isEqualTo(new ConnectDecision.Accept("chat"));
        assertThat(decide("{\"statusCode\":200,\"headers\":{\"Other\":\"x\"}}"))
                .isEqualTo(new ConnectDecision.Accept(null));
    }

    @Test
    void otherStatusRefusesWithThatStatus() {
        assertThat(decide("{\"statusCode\":401}")).isEqualTo(new ConnectDecision.Reject(401));
        assertThat(decide("{\"statusCode\":\"403\"}")).isEqualTo(new ConnectDecision.Reject(403));
        assertThat(decide("{\"statusCode\":302}")).isEqualTo(new ConnectDecision.Reject(302));
    }

    @Test
    void statusThatIsNoHttpStatusRefusesWith502() {
        assertThat(decide("{\"statusCode\":42}")).isEqualTo(new ConnectDecision.Reject(502));
    }

    @Test
    void failedThrottledOrTimedOutFunctionRefuses() {
        var failed = new Outcome.Answered(new InvocationResult.Failed("id", new byte[0], "", false));
        var throttled = new Outcome.Answered(new InvocationResult.Throttled("id", "ReservedFunctionConcurrency"));

        assertThat(ConnectDecision.of(failed)).isEqualTo(new ConnectDecision.Reject(502));
        assertThat(ConnectDecision.of(throttled)).isEqualTo(new ConnectDecision.Reject(429));
        assertThat(ConnectDecision.of(new Outcome.TimedOut())).isEqualTo(new ConnectDecision.Reject(504));
    }

    private static ConnectDecision decide(String payload) {
        return ConnectDecision.of(new Outcome.Answered(
                new InvocationResult.Completed("id", payload.getBytes(StandardCharsets.UTF_8), "")));
    }
}
