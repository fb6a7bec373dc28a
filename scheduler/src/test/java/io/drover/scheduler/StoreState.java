package io.drover.scheduler;

import io.drover.model.Job;
import io.drover.model.JobSummary;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.GoTime;
import io.drover.model.launch.PeriodicLaunch;
import io.drover.model.node.Node;
import io.drover.model.scaling.JobScalingEvents;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.ServerInfo;
import io.drover.state.StateReader;
import io.drover.state.StoreWrites;
import io.drover.state.Table;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The state scheduler tests run on: a real RocksDB store, written through the Raft commands
 * production commits and applied by the real appliers ({@link StoreWrites}), so a scheduler
 * reads exactly what it would read in production.
 *
 * <p>A scheduler is handed a {@link #snapshot()}, a point-in-time view as a worker hands it one.
 * As a {@link StateReader} this is a live view instead, for a test's setup and assertions: each
 * read sees every write made before it. The setup writes keep the names of {@code MemoryState}'s
 * and, like them, stamp what the store decided (indexes, version) on the caller's object.
 */
public final class StoreState implements StateReader {
    private final StoreWrites store;
    private final List<StateReader> snapshots = new ArrayList<>();
    private StateReader current;
    private long currentAt = -1;
    private Instant now;

    public StoreState(Path dir) {
        this.store = new StoreWrites(dir);
        at(Fixtures.NOW);
    }

    /** The leader's clock for the writes from now on. */
    public StoreState at(Instant now) {
        this.now = now;
        store.at(GoTime.unixNanos(now));
        return this;
    }

    /** Applies a command at the next index, as the leader commits it now; a refused one fails the test. */
    public WriteResult apply(RaftCommand command) {
        return store.apply(command.toBuilder().setLeaderTimeUnixNanos(GoTime.unixNanos(now)).build());
    }

    /** A point-in-time view of the state as it is now, for a scheduler; closed by {@link #releaseSnapshots}. */
    public StateReader snapshot() {
        StateReader s = store.reader();
        snapshots.add(s);
        return s;
    }

    /** Closes the snapshots handed out so far: those schedulers are done with them. */
    public void releaseSnapshots() {
        snapshots.forEach(StateReader::close);
        snapshots.clear();
    }

    // --- setup, each one write

    /** A node registers (or registers again: what the servers decided about it, drain and eligibility, stays). */
    public StoreState upsertNode(Node node) {
        store.upsertNode(node);
        return this;
    }

    /** The servers change a node's status (missed heartbeats, a node back), as the leader writes it. */
    public StoreState updateNodeStatus(String nodeId, String status) {
        store.updateNodeStatus(nodeId, status, now.getEpochSecond());
        return this;
    }

    /** Registers a job, without an evaluation: the test makes its own. A changed spec is a new version. */
    public StoreState upsertJob(Job job) {
        store.registerJob(job);
        return this;
    }

    public StoreState upsertEval(Evaluation eval) {
        store.upsertEvals(eval);
        return this;
    }

    // --- a live view

    private StateReader current() {
        if (current == null || currentAt != store.index()) {
            if (current != null) {
                current.close();
            }
            current = store.reader();
            currentAt = store.index();
        }
        return current;
    }

    @Override
    public long appliedIndex() {
        return current().appliedIndex();
    }

    @Override
    public long tableIndex(Table table) {
        return current().tableIndex(table);
    }

    @Override
    public Optional<Job> job(String namespace, String jobId) {
        return current().job(namespace, jobId);
    }

    @Override
    public List<Job> jobs(String namespace, String prefix) {
        return current().jobs(namespace, prefix);
    }

    @Override
    public List<Job> jobVersions(String namespace, String jobId) {
        return current().jobVersions(namespace, jobId);
    }

    @Override
    public Optional<Job> jobVersion(String namespace, String jobId, long version) {
        return current().jobVersion(namespace, jobId, version);
    }

    @Override
    public Optional<JobSummary> jobSummary(String namespace, String jobId) {
        return current().jobSummary(namespace, jobId);
    }

    @Override
    public Optional<JobScalingEvents> scalingEvents(String namespace, String jobId) {
        return current().scalingEvents(namespace, jobId);
    }

    @Override
    public List<Job> periodicJobs() {
        return current().periodicJobs();
    }

    @Override
    public Optional<PeriodicLaunch> periodicLaunch(String namespace, String jobId) {
        return current().periodicLaunch(namespace, jobId);
    }

    @Override
    public Optional<Evaluation> evaluation(String evalId) {
        return current().evaluation(evalId);
    }

    @Override
    public List<Evaluation> evaluations(String namespace, String prefix) {
        return current().evaluations(namespace, prefix);
    }

    @Override
    public List<Evaluation> evaluationsOfJob(String namespace, String jobId) {
        return current().evaluationsOfJob(namespace, jobId);
    }

    @Override
    public Optional<ServerInfo> server(String serverId) {
        return current().server(serverId);
    }

    @Override
    public Optional<Node> node(String nodeId) {
        return current().node(nodeId);
    }

    @Override
    public List<Node> nodes(String prefix) {
        return current().nodes(prefix);
    }

    @Override
    public Optional<Allocation> allocation(String allocId) {
        return current().allocation(allocId);
    }

    @Override
    public List<Allocation> allocations(String namespace, String prefix) {
        return current().allocations(namespace, prefix);
    }

    @Override
    public List<Allocation> allocationsOfJob(String namespace, String jobId, boolean anyCreateIndex) {
        return current().allocationsOfJob(namespace, jobId, anyCreateIndex);
    }

    @Override
    public List<Allocation> allocationsOfNode(String nodeId) {
        return current().allocationsOfNode(nodeId);
    }

    @Override
    public List<Allocation> allocationsOfNode(String nodeId, boolean terminal) {
        return current().allocationsOfNode(nodeId, terminal);
    }

    @Override
    public List<Allocation> allocationsOfNodeModifiedAfter(String nodeId, long index) {
        return current().allocationsOfNodeModifiedAfter(nodeId, index);
    }

    @Override
    public List<Allocation> allocationsOfEval(String evalId) {
        return current().allocationsOfEval(evalId);
    }

    /** Closes every view and the store itself. */
    @Override
    public void close() {
        releaseSnapshots();
        if (current != null) {
            current.close();
        }
        store.close();
    }
}
