package dev.regionless.tables.engine;

import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import java.math.BigDecimal;

/** DynamoDB's time-to-live rule: which items have expired. */
final class TimeToLive {
    /** Time to live ignores expiry times more than five years in the past, as DynamoDB does. */
    private static final long HORIZON_SECONDS = 5L * 365 * 24 * 3600;

    private TimeToLive() {}

    /** True if the item's attribute is a number of epoch seconds before now and within the last five years. */
    static boolean isExpired(Item item, String attribute, long nowSeconds) {
        return item.get(attribute)
                .filter(AttributeValue.N.class::isInstance)
                .map(value -> ((AttributeValue.N) value).value())
                .filter(expiry -> expiry.compareTo(BigDecimal.valueOf(nowSeconds)) < 0
                        && expiry.compareTo(BigDecimal.valueOf(nowSeconds - HORIZON_SECONDS)) > 0)
                .isPresent();
    }
}
