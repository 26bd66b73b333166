package dev.regionless.tables;

/**
 * A fingerprint of the items of one table whose partition keys hash into {@code [fromHash, toHash)}: how many
 * there are and a digest over each item's key and version. Replicas that hold the same writes give equal
 * fingerprints for every range, so comparing fingerprints, and narrowing down to the ranges that differ, finds the
 * items that differ without shipping the table.
 *
 * @param fromHash the first partition key hash of the range (0..2^32)
 * @param toHash the hash just past the range (at most 2^32)
 * @param items how many items the range holds
 * @param digest a hex digest over the (key, timestamp, origin) of each item, in storage order
 */
public record KeyRangeDigest(long fromHash, long toHash, long items, String digest) {
    /** One past the highest partition key hash: the end of the whole key space. */
    public static final long HASH_SPACE = 1L << 32;

    public KeyRangeDigest {
        requireRange(fromHash, toHash);
    }

    /** @throws IllegalArgumentException unless {@code 0 <= fromHash < toHash <= 2^32} */
    public static void requireRange(long fromHash, long toHash) {
        if (fromHash < 0 || toHash > HASH_SPACE || fromHash >= toHash) {
            throw new IllegalArgumentException(
                    "hash range: [" + fromHash + ", " + toHash + ") (expected: 0 <= from < to <= 2^32)");
        }
    }
}
