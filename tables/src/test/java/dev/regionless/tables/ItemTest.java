package dev.regionless.tables;

import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemTest {
    @Test
    void sizeIsNameLengthsPlusValueSizes() {
        var item = item("id", s("abc"), "age", n("42"));

        int size = item.size();

        assertThat(size).isEqualTo(2 + 3 + 3 + 2);
    }

    @Test
    void itemIsNotChangedByLaterChangesToTheMap() {
        var map = new HashMap<String, AttributeValue>(Map.of("a", s("x")));
        var item = Item.of(map);

        map.put("b", s("y"));

        assertThat(item.attributes()).containsOnlyKeys("a");
    }

    @Test
    void itemJustOverFourHundredKilobytesExceedsTheLimit() {
        var big = item("a", s("x".repeat(Item.MAX_SIZE)));

        assertThat(big.exceedsMaxSize()).isTrue();
    }

    @Test
    void itemOfExactlyFourHundredKilobytesIsWithinTheLimit() {
        var exact = item("a", s("x".repeat(Item.MAX_SIZE - 1)));

        assertThat(exact.exceedsMaxSize()).isFalse();
    }

    @Test
    void withAndWithoutLeaveTheOriginalUnchanged() {
        var original = item("a", s("x"));

        var changed = original.with("b", s("y")).without("a");

        assertThat(original.attributes()).containsOnlyKeys("a");
        assertThat(changed.attributes()).containsOnlyKeys("b");
    }
}
