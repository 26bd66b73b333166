package dev.regionless.gateway.internal.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentDecodingTest {

    @Test
    void pathDecodingKeepsPlusSigns() {
        assertThat(PercentDecoding.decodePath("a+b%20c%2Fd")).isEqualTo("a+b c/d");
    }

    @Test
    void queryDecodingTurnsPlusIntoSpace() {
        assertThat(PercentDecoding.decodeQuery("a+b%2Bc")).isEqualTo("a b+c");
    }

    @Test
    void multiByteEscapesDecodeAsUtf8() {
        assertThat(PercentDecoding.decodePath("J%C3%BCrgen%F0%9F%A6%86")).isEqualTo("Jürgen🦆");
    }

    @Test
    void unescapedCharactersOutsideTheBasicPlaneSurvive() {
        assertThat(PercentDecoding.decodePath("🦆%20x")).isEqualTo("🦆 x");
    }

    @Test
    void malformedEscapesStayAsSent() {
        assertThat(PercentDecoding.decodePath("100%-%G1-%4")).isEqualTo("100%-%G1-%4");
    }
}
