package io.drover.http.query;

import static io.drover.testkit.fixtures.Commands.job;
import static io.drover.testkit.fixtures.Commands.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.core.RequestScope;
import io.drover.model.Job;
import io.drover.proto.raft.RaftCommand;
import io.drover.state.StateChangeListener;
import io.drover.state.Table;
import io.drover.state.apply.CommandApplier;
import io.drover.state.rocks.RocksStateStore;
import io.netty.util.HashedWheelTimer;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads while the leader's batched entries are applied command by command, against the real
 * store. The fault suite's linearizability check caught a {@code ?consistent} read answering a
 * job as it was before a check-and-set already acknowledged: a read between two commands of
 * one entry had been cached at that entry's index.
 */
class BatchedEntryReadsTest {
    @TempDir
    Path dir;
    private RocksStateStore store;
    private final CommandApplier applier = new CommandApplier();
    private final HashedWheelTimer timer = new HashedWheelTimer();
    private BlockingQueries queries;

    @BeforeEach
    void open() {
        store = RocksStateStore.open(dir);
        queries = new BlockingQueries(store, Runnable::run, timer, new Random(7), 64);
    }

    @AfterEach
    void close() {
        timer.stop();
        store.close();
    }

    @Test
    void aReadBetweenTheCommandsOfAnEntryDoesNotStandForTheWholeEntry() throws Exception {
        apply(1, 0, register(job("web", "v1"), 1000));
        store.publish(1);

        apply(2, 0, register(job("api", "x"), 1000));
        assertThat(readWebArgs()).as("read while entry 2 is half applied").isEqualTo("v1");
        apply(2, 1, register(job("web", "v2"), 1000));
        store.publish(2);

        assertThat(readWebArgs()).as("read once entry 2 is whole").isEqualTo("v2");
    }

    private void apply(long index, int sub, RaftCommand cmd) {
        store.applyUnpublished(1, index, sub, cmd.getLeaderTimeUnixNanos(), cmd.getRequestId(),
                txn -> applier.apply(txn, cmd), StateChangeListener.NONE);
    }

    private String readWebArgs() throws Exception {
        StateQuery query = StateQuery.of("job/default/web", List.of(Table.JOBS), reader -> {
            Job web = reader.job("default", "web").orElseThrow();
            return QueryResult.ok(reader.tableIndex(Table.JOBS), web.taskGroups.get(0).tasks.get(0).config.get("args"));
        });
        QueryResult result = queries.run(query, 0, 0, new RequestScope()).get();
        // The body is the task's args: ["v1"] or ["v2"].
        String body = result.toReply(new QueryMeta(result.index(), true, 0), false).body().utf8();
        return body.replaceAll("[\\[\\]\"]", "");
    }
}
