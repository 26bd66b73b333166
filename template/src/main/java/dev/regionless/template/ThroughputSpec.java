package dev.regionless.template;

/**
 * A table's or global index's {@code ProvisionedThroughput}. Regionless reports it as DynamoDB does but does not
 * throttle by it.
 *
 * @param readCapacityUnits 1 or more
 * @param writeCapacityUnits 1 or more
 */
public record ThroughputSpec(long readCapacityUnits, long writeCapacityUnits) {

    public ThroughputSpec {
        if (readCapacityUnits < 1) {
            throw new IllegalArgumentException("readCapacityUnits: " + readCapacityUnits + " (expected: 1 or more)");
        }
        if (writeCapacityUnits < 1) {
            throw new IllegalArgumentException("writeCapacityUnits: " + writeCapacityUnits + " (expected: 1 or more)");
        }
    }
}
