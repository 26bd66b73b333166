package dev.regionless.tables;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DynamoDB attribute value: one record per DynamoDB data type, compared as DynamoDB compares them.
 *
 * <p>Numbers are kept in canonical form (so {@code 1.0} equals {@code 1}), sets are unordered, may not be empty
 * and hold no duplicates, and binary values compare by content. Construction checks these rules and throws
 * DynamoDB's {@code ValidationException} texts.
 */
public sealed interface AttributeValue {
    /** The type as DynamoDB spells it on the wire: {@code S}, {@code N}, {@code B}, {@code SS}, ... */
    String typeName();

    /** The bytes this value counts for in an item's size, without the attribute name. */
    int size();

    /** A string. */
    record S(String value) implements AttributeValue {
        public S {
            requireNonNull(value, "value");
        }

        @Override
        public String typeName() {
            return "S";
        }

        @Override
        public int size() {
            return utf8Length(value);
        }
    }

    /** A number, in canonical form: at most 38 significant digits, trailing zeros stripped. */
    record N(BigDecimal value) implements AttributeValue {
        public N {
            value = Numbers.canonical(requireNonNull(value, "value"));
        }

        /** A number from its DynamoDB JSON text. */
        public static N of(String text) {
            return new N(Numbers.parse(text));
        }

        /** A number from a long. */
        public static N of(long value) {
            return new N(BigDecimal.valueOf(value));
        }

        /** The number's canonical text, as DynamoDB answers it. */
        public String text() {
            return Numbers.text(value);
        }

        @Override
        public String typeName() {
            return "N";
        }

        @Override
        public int size() {
            return Numbers.size(value);
        }
    }

    /** A binary value. */
    record B(Bytes value) implements AttributeValue {
        public B {
            requireNonNull(value, "value");
        }

        @Override
        public String typeName() {
            return "B";
        }

        @Override
        public int size() {
            return value.length();
        }
    }

    /** A set of strings: non-empty, unordered, no duplicates. */
    record SS(Set<String> values) implements AttributeValue {
        public SS {
            values = checkedSet(values, "An string set  may not be empty");
        }

        @Override
        public String typeName() {
            return "SS";
        }

        @Override
        public int size() {
            return values.stream().mapToInt(AttributeValue::utf8Length).sum();
        }
    }

    /** A set of numbers: non-empty, unordered, no two numerically equal members. */
    record NS(Set<BigDecimal> values) implements AttributeValue {
        public NS {
            var canonical = new LinkedHashSet<BigDecimal>();
            for (var number : requireNonNull(values, "values")) {
                if (!canonical.add(Numbers.canonical(number))) {
                    throw TableErrors.validation("Input collection contains duplicates");
                }
            }
            values = checkedSet(canonical, "An number set  may not be empty");
        }

        @Override
        public String typeName() {
            return "NS";
        }

        @Override
        public int size() {
            return values.stream().mapToInt(Numbers::size).sum();
        }
    }

    /** A set of binary values: non-empty, unordered, no duplicates. */
    record BS(Set<Bytes> values) implements AttributeValue {
        public BS {
            values = checkedSet(values, "Binary sets should not be empty");
        }

        @Override
        public String typeName() {
            return "BS";
        }

        @Override
        public int size() {
            return values.stream().mapToInt(Bytes::length).sum();
        }
    }

    /** A map of names to values. */
    record M(Map<String, AttributeValue> values) implements AttributeValue {
        public M {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values")));
        }

        @Override
        public String typeName() {
            return "M";
        }

        @Override
        public int size() {
            return 3 + entriesSize(values);
        }
    }

    /** An ordered list of values. */
    record L(List<AttributeValue> values) implements AttributeValue {
        public L {
            values = List.copyOf(values);
        }

        @Override
        public String typeName() {
            return "L";
        }

        @Override
        public int size() {
            return 3 + values.stream().mapToInt(v -> v.size() + 1).sum();
        }
    }

    /** A boolean. */
    record BOOL(boolean value) implements AttributeValue {
        @Override
        public String typeName() {
            return "BOOL";
        }

        @Override
        public int size() {
            return 1;
        }
    }

    /** The null value; DynamoDB only accepts {@code {"NULL": true}}. */
    record NULL() implements AttributeValue {
        @Override
        public String typeName() {
            return "NULL";
        }

        @Override
        public int size() {
            return 1;
        }
    }

    /** The UTF-8 length of a text, DynamoDB's measure for names and strings. */
    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The size of the entries of a map or item: name, value and one byte of overhead per entry. */
    private static int entriesSize(Map<String, AttributeValue> entries) {
        return entries.entrySet().stream()
                .mapToInt(e -> utf8Length(e.getKey()) + e.getValue().size() + 1)
                .sum();
    }

    private static <T> Set<T> checkedSet(Collection<T> values, String emptyMessage) {
        var copy = new LinkedHashSet<T>(requireNonNull(values, "values"));
        if (copy.isEmpty()) {
            throw TableErrors.invalidParameter(emptyMessage);
        }
        copy.forEach(v -> requireNonNull(v, "set member"));
        return Collections.unmodifiableSet(copy);
    }
}
