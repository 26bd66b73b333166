package dev.regionless.tables.storage;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.rocksdb.WriteBatch;

/**
 * A process for the crash test: 16 writers write two-key batches as fast as they can and print each key once its
 * write is acknowledged, until the test kills the process.
 */
public final class CrashWriter {
    private CrashWriter() {}

    public static void main(String[] args) throws Exception {
        var store = DurableStore.open(Path.of(args[0]));
        var next = new AtomicInteger();
        var out = System.out;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < 16; w++) {
                pool.submit(() -> {
                    while (true) {
                        int key = next.getAndIncrement();
                        try (var batch = new WriteBatch()) {
                            batch.put(DurableStoreTest.bytes(key + "/a"), DurableStoreTest.bytes("a"));
                            batch.put(DurableStoreTest.bytes(key + "/b"), DurableStoreTest.bytes("b"));
                            store.write(batch);
                        }
                        synchronized (out) {
                            out.println("acked " + key);
                            out.flush();
                        }
                    }
                });
            }
        }
    }
}
