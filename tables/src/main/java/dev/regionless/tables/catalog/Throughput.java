package dev.regionless.tables.catalog;

/** Provisioned read and write capacity units; both zero for on-demand tables. */
public record Throughput(long readCapacityUnits, long writeCapacityUnits) {
    public static final Throughput ON_DEMAND = new Throughput(0, 0);
}
