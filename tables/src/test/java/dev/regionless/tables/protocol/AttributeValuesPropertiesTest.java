package dev.regionless.tables.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Bytes;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AttributeValuesPropertiesTest {
    @Property(tries = 300)
    void writingThenReadingGivesTheValueBack(@ForAll("values") AttributeValue value) {
        var node = AttributeValues.write(value);

        var read = AttributeValues.read(node);

        assertThat(read).isEqualTo(value);
    }

    @Property(tries = 300)
    void numberOrderMatchesBigDecimalOrder(@ForAll("decimals") BigDecimal a, @ForAll("decimals") BigDecimal b) {
        var first = new AttributeValue.N(a);
        var second = new AttributeValue.N(b);

        var read = AttributeValues.read(AttributeValues.write(first));

        assertThat(Integer.signum(((AttributeValue.N) read).value().compareTo(second.value())))
                .isEqualTo(Integer.signum(a.compareTo(b)));
        assertThat(first.equals(second)).isEqualTo(a.compareTo(b) == 0);
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal("-1e20"), new BigDecimal("1e20"))
                .ofScale(6);
    }

    @Provide
    Arbitrary<AttributeValue> values() {
        return Arbitraries.lazyOf(this::scalar, this::scalar, this::set, this::list, this::map);
    }

    private Arbitrary<AttributeValue> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(8).map(AttributeValue.S::new),
                decimals().map(AttributeValue.N::new),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(6).map(b -> new AttributeValue.B(Bytes.of(b))),
                Arbitraries.of(true, false).map(AttributeValue.BOOL::new),
                Arbitraries.just(new AttributeValue.NULL()));
    }

    private Arbitrary<AttributeValue> set() {
        return Arbitraries.oneOf(
                Arbitraries.strings()
                        .ofMaxLength(5)
                        .set()
                        .ofMinSize(1)
                        .ofMaxSize(4)
                        .map(AttributeValue.SS::new),
                Arbitraries.integers()
                        .map(BigDecimal::valueOf)
                        .set()
                        .ofMinSize(1)
                        .ofMaxSize(4)
                        .map(AttributeValue.NS::new));
    }

    private Arbitrary<AttributeValue> list() {
        return values().list().ofMaxSize(3).map(elements -> new AttributeValue.L(List.copyOf(elements)));
    }

    private Arbitrary<AttributeValue> map() {
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4), values())
                .ofMaxSize(3)
                .map(entries -> new AttributeValue.M(new LinkedHashMap<>(entries)));
    }
}
