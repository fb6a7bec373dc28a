package io.drover.state;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What tests of the appliers start from: a fresh store in its own directory, fed commands as
 * Raft would ({@link StoreHarness}), closed after each test. A test class's own
 * {@code @BeforeEach} runs after this one, on the open store.
 */
abstract class StoreTest {
    @TempDir
    Path dir;
    StoreHarness h;

    @BeforeEach
    void openStore() {
        h = new StoreHarness(dir);
    }

    @AfterEach
    void closeStore() {
        h.close();
    }
}
