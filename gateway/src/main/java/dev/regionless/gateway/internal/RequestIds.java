package dev.regionless.gateway.internal;

import java.util.Base64;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Request ids in AWS's two shapes: a UUID ({@code x-amzn-RequestId}, REST {@code requestId}) and the short id
 * HTTP APIs use ({@code Apigw-Requestid}, 16 characters like {@code JkHtBjcWIAMEVOg=}).
 */
public final class RequestIds {
    private final Supplier<RandomGenerator> random;

    /** Ids from this source of randomness; tests pass a seeded one. */
    public RequestIds(Supplier<RandomGenerator> random) {
        this.random = random;
    }

    /** A random UUID. */
    public String uuid() {
        var generator = random.get();
        long high = (generator.nextLong() & ~0xf000L) | 0x4000L;
        long low = (generator.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** A short id: eleven random bytes in base64. */
    public String shortId() {
        var bytes = new byte[11];
        random.get().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
