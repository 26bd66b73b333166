package dev.regionless.tables;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Short factories for attribute values and items, so that tests read like the data they use. */
public final class TestValues {
    private TestValues() {}

    public static AttributeValue s(String value) {
        return new AttributeValue.S(value);
    }

    public static AttributeValue n(String text) {
        return AttributeValue.N.of(text);
    }

    public static AttributeValue b(String text) {
        return new AttributeValue.B(Bytes.of(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public static AttributeValue ss(String... members) {
        return new AttributeValue.SS(Set.of(members));
    }

    public static AttributeValue ns(String... members) {
        return new AttributeValue.NS(
                Stream.of(members).map(BigDecimal::new).collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
    }

    public static AttributeValue l(AttributeValue... elements) {
        return new AttributeValue.L(List.of(elements));
    }

    /** A map from alternating keys and values. */
    public static AttributeValue m(Object... keysAndValues) {
        return new AttributeValue.M(entries(keysAndValues));
    }

    public static AttributeValue bool(boolean value) {
        return new AttributeValue.BOOL(value);
    }

    /** An item from alternating names and values. */
    public static Item item(Object... namesAndValues) {
        return Item.of(entries(namesAndValues));
    }

    private static Map<String, AttributeValue> entries(Object... keysAndValues) {
        var map = new LinkedHashMap<String, AttributeValue>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (AttributeValue) keysAndValues[i + 1]);
        }
        return map;
    }
}
