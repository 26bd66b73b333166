package dev.regionless.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CursorFileTest {
    @TempDir
    Path folder;

    @Test
    void flushedCursorsAndBackfillsSurviveReopening() {
        var cursors = CursorFile.open(folder);
        cursors.startLinkAt("t1", "us-east-1", 0);
        cursors.advance("t1", "us-east-1", 42);
        cursors.addBackfill("messages", "us-west-2");

        cursors.flush();

        var reopened = CursorFile.open(folder);
        assertThat(reopened.cursor("t1", "us-east-1")).hasValue(42);
        assertThat(reopened.backfills()).containsExactly("messages>us-west-2");
        assertThat(Files.exists(folder.resolve(CursorFile.NAME + ".tmp"))).isFalse();
    }

    @Test
    void aCursorNotYetFlushedIsLostOnlyToTheLastFlush() {
        var cursors = CursorFile.open(folder);
        cursors.startLinkAt("t1", "us-east-1", 10);
        cursors.flush();

        cursors.advance("t1", "us-east-1", 20);

        assertThat(CursorFile.open(folder).cursor("t1", "us-east-1")).hasValue(10);
    }

    @Test
    void aCursorNeverMovesBack() {
        var cursors = CursorFile.open(folder);
        cursors.advance("t1", "us-east-1", 20);

        cursors.advance("t1", "us-east-1", 15);

        assertThat(cursors.cursor("t1", "us-east-1")).hasValue(20);
    }

    @Test
    void aNewLinkStartsAtTheBeginningOfTheStreamWhereverTheOtherLinksAre() {
        var cursors = CursorFile.open(folder);
        cursors.advance("t1", "us-east-1", 30);
        cursors.advance("t1", "us-west-2", 25);

        long start = cursors.startLink("t1", "ap-south-1");

        assertThat(start).isZero();
        assertThat(cursors.startLink("t1", "us-east-1")).isEqualTo(30);
    }

    @Test
    void anExplicitStartDoesNotMoveAnExistingCursor() {
        var cursors = CursorFile.open(folder);
        cursors.advance("t1", "us-east-1", 30);

        cursors.startLinkAt("t1", "us-east-1", 3);

        assertThat(cursors.cursor("t1", "us-east-1")).hasValue(30);
    }
}
