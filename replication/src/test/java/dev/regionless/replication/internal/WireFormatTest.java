package dev.regionless.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireFormatTest {
    private static final Item KEY = Item.of(Map.of("pk", new AttributeValue.S("a")));
    private static final Item IMAGE =
            Item.of(Map.of("pk", new AttributeValue.S("a"), "n", new AttributeValue.N(new BigDecimal("1.50"))));

    @Test
    void aBatchOfWritesAndDeletesReadsBackAsSent() {
        var batch = new ChangeBatch(
                "messages",
                "eu-west-2",
                List.of(
                        new ShippedChange(41, KEY, IMAGE, 1L << 40, "eu-west-2", 1_791_000_000_000L),
                        new ShippedChange(42, KEY, null, (1L << 40) + 1, "eu-west-2", 1_791_000_000_001L)));

        var read = WireFormat.read(WireFormat.write(batch));

        assertThat(read).isEqualTo(batch);
        assertThat(read.lastSequence()).isEqualTo(42);
    }

    @Test
    void aSnapshotPageSaysSoAndALinksBatchDoesNot() {
        var change = new ShippedChange(0, KEY, IMAGE, 1, "us-east-1", 2);
        var snapshot = new ChangeBatch("messages", "eu-west-2", List.of(change), true);
        var shipped = new ChangeBatch("messages", "eu-west-2", List.of(change));

        assertThat(WireFormat.read(WireFormat.write(snapshot)).snapshot()).isTrue();
        assertThat(new String(WireFormat.write(shipped), StandardCharsets.UTF_8))
                .doesNotContain("snapshot");
        assertThat(WireFormat.read(WireFormat.write(shipped)).snapshot()).isFalse();
    }

    @Test
    void aDeleteCarriesNoImage() {
        var batch =
                new ChangeBatch("messages", "eu-west-2", List.of(new ShippedChange(7, KEY, null, 1, "eu-west-2", 2)));

        var json = new String(WireFormat.write(batch), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("image");
    }

    @Test
    void theAcknowledgementNamesTheLastAppliedPosition() {
        assertThat(WireFormat.appliedThrough(WireFormat.acknowledgement(42, 3))).isEqualTo(42);
    }

    @Test
    void aBodyWithoutChangesIsRefusedWithTheFieldNamed() {
        var body = "{\"table\": \"t\", \"source\": \"eu-west-2\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> WireFormat.read(body))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("changes: missing (expected: an array)");
    }
}
