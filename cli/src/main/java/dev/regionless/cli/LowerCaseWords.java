package dev.regionless.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a command word such as {@code down} or {@code cut} into its enum constant, by the constant's name in lower
 * case. Any other word fails as a picocli usage error that lists the accepted words as the user types them (picocli's
 * own enum converter would list the constants' upper-case names).
 */
abstract class LowerCaseWords<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    LowerCaseWords(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        for (var constant : type.getEnumConstants()) {
            if (word(constant).equals(value)) {
                return constant;
            }
        }
        throw new TypeConversionException("'" + value + "' (expected: "
                + Arrays.stream(type.getEnumConstants())
                        .map(LowerCaseWords::word)
                        .collect(Collectors.joining(" or "))
                + ")");
    }

    static String word(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
