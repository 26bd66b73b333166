package dev.regionless.tables.engine;

import static dev.regionless.tables.TestValues.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemCodecTest {
    @Test
    void everyAttributeTypeSurvivesEncoding() {
        var item = new Item(Map.of(
                "s", s("héllo"),
                "n", n("-12345678901234567890123456789012345678E-100"),
                "b", b("bin\u0000ary"),
                "ss", ss("a", "b"),
                "ns", ns("1", "2.5", "-3"),
                "m", new AttributeValue.M(Map.of("inner", l(s("x"), new AttributeValue.BOOL(true)))),
                "l", l(new AttributeValue.NULL(), new AttributeValue.BOOL(false), n("0")),
                "empty", s("")));

        assertThat(ItemCodec.decode(ItemCodec.encode(item))).isEqualTo(item);
    }

    @Test
    void theEmptyItemSurvivesEncoding() {
        assertThat(ItemCodec.decode(ItemCodec.encode(Item.empty()))).isEqualTo(Item.empty());
    }
}
