package dev.regionless.tables.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process with SIGKILL and reopens its store: every acknowledged write is there, and every batch is
 * there whole or not at all.
 */
class DurableStoreCrashIT {
    @TempDir
    Path folder;

    @RepeatedTest(3)
    void everyAcknowledgedWriteSurvivesSigkillAndNoBatchIsHalfApplied() throws Exception {
        var store = folder.resolve("store");
        var acks = folder.resolve("acks.txt");
        var process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashWriter.class.getName(),
                        store.toString())
                .redirectOutput(acks.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(acks) && Files.size(acks) > 20_000);

        process.destroyForcibly().waitFor();
        var acknowledged = acknowledgedKeys(acks);

        try (var reopened = DurableStore.open(store)) {
            assertThat(acknowledged).isNotEmpty();
            for (int key : acknowledged) {
                assertThat(reopened.get(DurableStoreTest.bytes(key + "/a")))
                        .as("key %d", key)
                        .isNotNull();
            }
            int highest =
                    acknowledged.stream().mapToInt(Integer::intValue).max().orElseThrow();
            for (int key = 0; key <= highest + 64; key++) {
                boolean a = reopened.get(DurableStoreTest.bytes(key + "/a")) != null;
                boolean b = reopened.get(DurableStoreTest.bytes(key + "/b")) != null;
                assertThat(a).as("batch %d applied whole or not at all", key).isEqualTo(b);
            }
        }
    }

    private static List<Integer> acknowledgedKeys(Path acks) throws Exception {
        var text = Files.readString(acks);
        // The kill may cut the last line; only lines that were finished are acknowledgements.
        var whole = text.substring(0, text.lastIndexOf('\n') + 1);
        var keys = new ArrayList<Integer>();
        for (var line : whole.split("\n")) {
            if (line.startsWith("acked ")) {
                keys.add(Integer.parseInt(line.substring("acked ".length())));
            }
        }
        return keys;
    }
}
