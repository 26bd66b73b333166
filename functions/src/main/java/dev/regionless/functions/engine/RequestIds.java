package dev.regionless.functions.engine;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Lambda request ids: random (version 4) UUIDs. Drawn from {@link ThreadLocalRandom} rather than
 * {@link UUID#randomUUID()}, whose shared secure generator is a point of contention on the invoke path; request ids
 * need to be unique, not unpredictable.
 */
final class RequestIds {
    private RequestIds() {}

    static String next() {
        var random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000000000000000L)) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
