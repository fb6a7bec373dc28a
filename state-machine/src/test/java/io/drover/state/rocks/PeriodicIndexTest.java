package io.drover.state.rocks;

import static io.drover.testkit.fixtures.Commands.job;
import static io.drover.testkit.fixtures.Commands.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.PeriodicConfig;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.StateChangeListener;
import io.drover.state.StateReader;
import io.drover.state.apply.CommandApplier;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.WriteBatch;

/** A database written before the periodic-jobs index existed gets it built when opened. */
class PeriodicIndexTest {
    @TempDir
    Path dir;

    @Test
    void anOlderDatabaseHasItsPeriodicJobsIndexedWhenOpened() {
        try (RocksStateStore store = RocksStateStore.open(dir)) {
            apply(store, 1, register(periodic("nightly"), 1_000_000_000L));
            apply(store, 2, register(job("plain", "1"), 1_000_000_000L));
        }
        forgetIndex(dir.resolve("db"));
        try (RocksStateStore store = RocksStateStore.open(dir); StateReader s = store.reader()) {
            assertThat(s.periodicJobs()).extracting(j -> j.id).containsExactly("nightly");
        }
    }

    @Test
    void anInstalledOlderSnapshotHasItsPeriodicJobsIndexed() {
        Path snapshot = dir.resolve("snapshot");
        try (RocksStateStore store = RocksStateStore.open(dir.resolve("a"))) {
            apply(store, 1, register(periodic("hourly"), 1_000_000_000L));
            store.checkpoint(snapshot);
        }
        forgetIndex(snapshot);
        try (RocksStateStore store = RocksStateStore.open(dir.resolve("b"))) {
            store.replaceWith(snapshot);
            try (StateReader s = store.reader()) {
                assertThat(s.periodicJobs()).extracting(j -> j.id).containsExactly("hourly");
            }
        }
    }

    private static void apply(RocksStateStore store, long index, RaftCommand cmd) {
        WriteResult r = store.apply(1, index, 0, cmd.getLeaderTimeUnixNanos(), cmd.getRequestId(),
                txn -> new CommandApplier().apply(txn, cmd), StateChangeListener.NONE);
        assertThat(r.getCode()).isEqualTo(WriteResult.Code.OK);
    }

    /** Makes a database look as one written before the index existed. */
    private static void forgetIndex(Path dbDir) {
        RocksDatabase db = new RocksDatabase(dbDir);
        try (WriteBatch batch = new WriteBatch()) {
            for (KeyValue e : db.scan(Cf.PERIODIC_JOBS, new byte[0], null)) {
                db.delete(batch, Cf.PERIODIC_JOBS, e.key());
            }
            db.delete(batch, Cf.META, Schema.PERIODIC_INDEX_BUILT);
            db.write(batch);
            assertThat(db.scan(Cf.PERIODIC_JOBS, new byte[0], null)).isEmpty();
        } finally {
            db.close();
        }
    }

    private static Job periodic(String id) {
        Job j = job(id, "1");
        j.periodic = new PeriodicConfig();
        j.periodic.enabled = true;
        j.periodic.specType = PeriodicConfig.SPEC_CRON;
        j.periodic.spec = "0 * * * *";
        return j;
    }
}
