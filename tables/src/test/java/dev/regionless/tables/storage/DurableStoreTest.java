package dev.regionless.tables.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.WriteBatch;

class DurableStoreTest {
    @TempDir
    Path folder;

    @Test
    void acknowledgedWriteIsThereAfterReopening() throws Exception {
        try (var store = DurableStore.open(folder);
                var batch = new WriteBatch()) {
            batch.put(bytes("k"), bytes("v"));
            store.write(batch);
        }

        try (var store = DurableStore.open(folder)) {
            assertThat(store.get(bytes("k"))).isEqualTo(bytes("v"));
        }
    }

    @Test
    void concurrentWritersShareLogSyncs() throws Exception {
        int writers = 32;
        int writesEach = 40;

        try (var store = DurableStore.open(folder)) {
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    pool.submit(() -> {
                        for (int i = 0; i < writesEach; i++) {
                            try (var batch = new WriteBatch()) {
                                batch.put(bytes(writer + "/" + i), bytes("x"));
                                store.write(batch);
                            }
                        }
                        return null;
                    });
                }
            }

            for (int w = 0; w < writers; w++) {
                for (int i = 0; i < writesEach; i++) {
                    assertThat(store.get(bytes(w + "/" + i))).isNotNull();
                }
            }
            assertThat(store.syncs()).isGreaterThan(0).isLessThan((long) writers * writesEach);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
