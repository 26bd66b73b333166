package dev.regionless.tables.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Bytes;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class KeyEncodingTest {
    @Property
    void numbersEncodeInNumericOrder(@ForAll("numbers") BigDecimal a, @ForAll("numbers") BigDecimal b) {
        var x = new AttributeValue.N(a);
        var y = new AttributeValue.N(b);
        int expected = Integer.signum(x.value().compareTo(y.value()));
        int actual = Integer.signum(Arrays.compareUnsigned(KeyEncoding.encode(x), KeyEncoding.encode(y)));
        assertThat(actual).as("%s vs %s", a, b).isEqualTo(expected);
    }

    @Property
    void numbersDecodeToThemselves(@ForAll("numbers") BigDecimal number) {
        var value = new AttributeValue.N(number);
        byte[] encoded = KeyEncoding.encode(value);
        var decoded = KeyEncoding.decode(encoded, 0, 'N');
        assertThat(decoded.value()).isEqualTo(value);
        assertThat(decoded.end()).isEqualTo(encoded.length);
    }

    @Property
    void stringsEncodeInUtf8ByteOrder(@ForAll String a, @ForAll String b) {
        int expected = Integer.signum(
                Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        int actual = Integer.signum(Arrays.compareUnsigned(
                KeyEncoding.encode(new AttributeValue.S(a)), KeyEncoding.encode(new AttributeValue.S(b))));
        assertThat(actual).isEqualTo(expected);
    }

    @Property
    void binariesWithZeroBytesEncodeInOrderAndDecode(@ForAll byte[] a, @ForAll byte[] b) {
        var x = new AttributeValue.B(Bytes.of(a));
        var y = new AttributeValue.B(Bytes.of(b));
        int expected = Integer.signum(Arrays.compareUnsigned(a, b));
        int actual = Integer.signum(Arrays.compareUnsigned(KeyEncoding.encode(x), KeyEncoding.encode(y)));
        assertThat(actual).isEqualTo(expected);
        assertThat(KeyEncoding.decode(KeyEncoding.encode(x), 0, 'B').value()).isEqualTo(x);
    }

    @Property
    void aShorterKeyValueSortsBeforeItsExtensionsEvenWhenFollowedByMoreKeyParts(
            @ForAll String a, @ForAll String suffix, @ForAll String next) {
        var first = new java.io.ByteArrayOutputStream();
        KeyEncoding.append(first, new AttributeValue.S(a));
        KeyEncoding.append(first, new AttributeValue.S(next));
        var second = KeyEncoding.encode(new AttributeValue.S(a + suffix));
        if (!suffix.isEmpty()) {
            assertThat(Arrays.compareUnsigned(first.toByteArray(), second)).isNegative();
        }
    }

    @Provide
    Arbitrary<BigDecimal> numbers() {
        var unscaled = Arbitraries.bigIntegers()
                .between(
                        new java.math.BigInteger("-99999999999999999999999999999999999999"),
                        new java.math.BigInteger("99999999999999999999999999999999999999"));
        var scale = Arbitraries.integers().between(-80, 80);
        return net.jqwik.api.Combinators.combine(unscaled, scale).as(BigDecimal::new);
    }
}
