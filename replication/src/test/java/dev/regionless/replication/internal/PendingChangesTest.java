package dev.regionless.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.Item;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingChangesTest {
    /** A stream of {@code size} records whose every {@code localEvery}-th record (from the first) is local. */
    private static PendingChanges.StreamPages stream(int size, int localEvery) {
        return (after, limit) -> {
            var page = new ArrayList<ChangeRecord>();
            for (long sequence = after + 1; sequence <= size && page.size() < limit; sequence++) {
                var origin = (sequence - 1) % localEvery == 0 ? "eu-west-2" : "us-east-1";
                page.add(new ChangeRecord(
                        sequence,
                        ChangeRecord.EventName.INSERT,
                        Item.empty(),
                        null,
                        Item.empty(),
                        1000 + sequence,
                        false,
                        sequence,
                        origin));
            }
            return page;
        };
    }

    @Test
    void countsOnlyThisRegionsChangesAfterTheCursorWhenTheBacklogFitsTheLimit() {
        var pending = PendingChanges.count(stream(100, 2), "eu-west-2", 10, 100, 1000);

        assertThat(pending.count()).isEqualTo(45);
        assertThat(pending.oldestMillis()).isEqualTo(1011);
    }

    @Test
    void extrapolatesFromTheShareReadWhenTheBacklogExceedsTheLimit() {
        var pending = PendingChanges.count(stream(10_000, 4), "eu-west-2", 0, 10_000, 2_000);

        assertThat(pending.count()).isEqualTo(2_500);
        assertThat(pending.oldestMillis()).isEqualTo(1001);
    }

    @Test
    void findsNothingPendingAtTheEndOfTheStream() {
        var pending = PendingChanges.count(stream(50, 1), "eu-west-2", 50, 50, 1000);

        assertThat(pending).isEqualTo(new PendingChanges(0, -1));
    }

    @Test
    void readsNoMoreThanTheLimit() {
        var reads = new ArrayList<Integer>();
        PendingChanges.StreamPages counting = (after, limit) -> {
            var page = stream(1_000_000, 1).after(after, limit);
            reads.add(page.size());
            return page;
        };

        PendingChanges.count(counting, "eu-west-2", 0, 1_000_000, 2_500);

        assertThat(reads.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2_500);
        assertThat(reads).isEqualTo(List.of(1000, 1000, 500));
    }
}
