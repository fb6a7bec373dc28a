package io.drover.state;

import com.google.protobuf.ByteString;
import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.NomadJson;
import io.drover.model.node.Node;
import io.drover.model.scaling.ScalingEvent;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.EvalCreateCommand;
import io.drover.proto.raft.JobRegisterCommand;
import io.drover.proto.raft.JobScaleCommand;
import io.drover.proto.raft.NodeStatusCommand;
import io.drover.proto.raft.NodeUpsertCommand;
import io.drover.proto.raft.PlanResultsCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.ServerAnnounceCommand;
import io.drover.proto.raft.WriteResult;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A real RocksDB store written the way production writes it: each write is the Raft command the
 * leader would commit, applied by the real appliers at the next log index. For tests in any
 * module that need a state to read: the {@link StateReaderContract}, the scheduler's harness.
 *
 * <p>Like Nomad's state store (and the scheduler's in-memory state), a write stamps what the
 * store decided (indexes, version, status) on the object the caller handed in, so a test can go
 * on using it. A command the appliers refuse fails the test: setup that production would not
 * accept is a broken test.
 */
public final class StoreWrites implements StateReaderContract.Subject {
    private final StoreHarness harness;
    private long leaderTimeNanos = 1_000_000_000L;

    public StoreWrites(Path dir) {
        this.harness = new StoreHarness(dir);
    }

    /** The leader's clock for the commands from now on (what the appliers stamp as times). */
    public StoreWrites at(long leaderTimeUnixNanos) {
        this.leaderTimeNanos = leaderTimeUnixNanos;
        return this;
    }

    /** Applies {@code command} at the next index, with this store's leader time unless it has one. */
    public WriteResult apply(RaftCommand command) {
        RaftCommand stamped = command.getLeaderTimeUnixNanos() != 0
                ? command
                : command.toBuilder().setLeaderTimeUnixNanos(leaderTimeNanos).build();
        WriteResult result = harness.apply(stamped);
        if (result.getCode() != WriteResult.Code.OK) {
            throw new IllegalStateException("the store refused " + command.getCommandCase() + ": "
                    + result.getCode() + " " + result.getError());
        }
        return result;
    }

    /** The last log index applied. */
    public long index() {
        return harness.index();
    }

    @Override
    public StateReader reader() {
        return harness.store.reader();
    }

    /** A registration without an evaluation (the test makes its own): a new version if the spec changed. */
    @Override
    public void registerJob(Job job) {
        apply(command().setJobRegister(JobRegisterCommand.newBuilder().setJobJson(json(job))).build());
        Job stored = read(r -> r.job(job.namespace, job.id));
        job.createIndex = stored.createIndex;
        job.modifyIndex = stored.modifyIndex;
        job.jobModifyIndex = stored.jobModifyIndex;
        job.version = stored.version;
        job.status = stored.status;
    }

    @Override
    public void upsertNode(Node node) {
        apply(command().setNodeUpsert(NodeUpsertCommand.newBuilder().setNodeJson(json(node))).build());
        Node stored = read(r -> r.node(node.id));
        node.createIndex = stored.createIndex;
        node.modifyIndex = stored.modifyIndex;
    }

    /** A node's status changed by the servers (heartbeats missed, a node back), as the leader writes it. */
    public void updateNodeStatus(String nodeId, String status, long atUnixSeconds) {
        apply(command().setNodeStatus(NodeStatusCommand.newBuilder().setNodeId(nodeId).setStatus(status)
                .setUpdatedAtUnix(atUnixSeconds)).build());
    }

    /** Evaluations stored as given, in one write (as a worker or the leader writes them). */
    @Override
    public void upsertEvals(Evaluation... evals) {
        EvalCreateCommand.Builder b = EvalCreateCommand.newBuilder();
        for (Evaluation e : evals) {
            b.addEvalJson(json(e));
        }
        apply(command().setEvalCreate(b).build());
        for (Evaluation e : evals) {
            Evaluation stored = read(r -> r.evaluation(e.id));
            e.createIndex = stored.createIndex;
            e.modifyIndex = stored.modifyIndex;
        }
    }

    /**
     * Allocations stored in one write as a plan's commit stores them: each with the job it
     * carries, else the job as registered now.
     */
    @Override
    public void placeAllocs(Allocation... allocs) {
        PlanResultsCommand.Builder b = PlanResultsCommand.newBuilder();
        for (Allocation a : allocs) {
            b.addAllocJson(json(a));
        }
        apply(command().setPlanResults(b).build());
        for (Allocation a : allocs) {
            Allocation stored = read(r -> r.allocation(a.id));
            a.createIndex = stored.createIndex;
            a.modifyIndex = stored.modifyIndex;
            a.allocModifyIndex = stored.allocModifyIndex;
            if (a.job == null) {
                a.job = stored.job;
            }
        }
    }

    /** A scaling event without a count (an autoscaler's report): only the event is stored. */
    @Override
    public void recordScalingEvent(String namespace, String jobId, String group, String message) {
        ScalingEvent event = new ScalingEvent();
        event.time = leaderTimeNanos;
        event.message = message;
        apply(command().setJobScale(JobScaleCommand.newBuilder().setNamespace(namespace).setJobId(jobId)
                .setGroup(group).setEventJson(json(event))).build());
    }

    @Override
    public void announceServer(ServerInfo server) {
        apply(command().setServerAnnounce(ServerAnnounceCommand.newBuilder().setServerId(server.id())
                .setName(server.name()).setRaftAddress(server.raftAddress()).setRpcAddress(server.rpcAddress())
                .setHttpAddress(server.httpAddress())).build());
    }

    /** Every table but deployments, which Drover does not have yet. */
    @Override
    public Set<Table> tables() {
        Set<Table> all = EnumSet.allOf(Table.class);
        all.remove(Table.DEPLOYMENTS);
        return all;
    }

    @Override
    public void close() {
        harness.close();
    }

    private <T> T read(Function<StateReader, Optional<T>> read) {
        try (StateReader r = reader()) {
            return read.apply(r).orElseThrow(() -> new IllegalStateException("the store does not hold what it wrote"));
        }
    }

    private static RaftCommand.Builder command() {
        return RaftCommand.newBuilder();
    }

    private static ByteString json(Object o) {
        return ByteString.copyFrom(NomadJson.write(o));
    }
}
