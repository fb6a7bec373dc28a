package io.drover.server.leader;

import io.drover.server.testing.TestStore;
import io.drover.testkit.clock.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What tests of the leader's command builder start from: a real state store in a fresh
 * directory, closed after each test, and a builder over it that stamps with a fixed clock and
 * seed, so that the IDs and times it writes repeat from run to run.
 */
abstract class CommandBuilderFixture {
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path dir;
    TestStore state;
    CommandBuilder builder;

    @BeforeEach
    void openStore() {
        state = new TestStore(dir);
        builder = newBuilder(state, stamps());
    }

    @AfterEach
    void closeStore() {
        state.close();
    }

    /** The builder the tests use: the default limits, no Raft members; a test class may want others. */
    CommandBuilder newBuilder(TestStore state, Stamps stamps) {
        return new CommandBuilder(state.store(), stamps);
    }

    /** Stamps at {@link #NOW} from a seeded random. */
    static Stamps stamps() {
        return new Stamps(new ManualClock(NOW), new Random(1));
    }
}
