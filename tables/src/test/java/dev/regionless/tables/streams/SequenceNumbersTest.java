package dev.regionless.tables.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceNumbersTest {
    @Test
    void aSequenceIsWrittenAsTwentyOneDecimalDigits() {
        assertThat(SequenceNumbers.format(42)).isEqualTo("000000000000000000042");
    }

    @Test
    void aWrittenSequenceNumberReadsBackAsTheSameSequence() {
        assertThat(SequenceNumbers.parse(SequenceNumbers.format(123_456_789L))).hasValue(123_456_789L);
        assertThat(SequenceNumbers.parse(SequenceNumbers.format(Long.MAX_VALUE)))
                .hasValue(Long.MAX_VALUE);
    }

    @Test
    void textWithAnythingButDigitsIsNoSequenceNumber() {
        assertThat(SequenceNumbers.parse("00000000000000000004a")).isEmpty();
        assertThat(SequenceNumbers.parse("-00000000000000000042")).isEmpty();
        assertThat(SequenceNumbers.parse("")).isEmpty();
    }

    @Test
    void aNumberBeyondTheLargestSequenceIsNoSequenceNumber() {
        assertThat(SequenceNumbers.parse("9223372036854775808")).isEmpty();
        assertThat(SequenceNumbers.parse("1000000000000000000000000000000000000000"))
                .isEmpty();
    }
}
