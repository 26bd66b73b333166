package dev.regionless.gateway.internal.payload;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** API Gateway's {@code requestTime} / {@code time} format: {@code 09/Apr/2015:12:34:56 +0000}, always UTC. */
public final class RequestTimes {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private RequestTimes() {}

    /** Formats an instant as API Gateway does. */
    public static String format(Instant time) {
        return FORMAT.format(time);
    }
}
