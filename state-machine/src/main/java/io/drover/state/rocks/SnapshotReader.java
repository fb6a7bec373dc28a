package io.drover.state.rocks;

import io.drover.model.Job;
import io.drover.model.JobListStub;
import io.drover.model.JobSummary;
import io.drover.model.alloc.Allocation;
import io.drover.model.launch.PeriodicLaunch;
import io.drover.model.node.Node;
import io.drover.model.scaling.JobScalingEvents;
import io.drover.model.scheduling.Evaluation;
import io.drover.state.ServerInfo;
import io.drover.state.StateReader;
import io.drover.state.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rocksdb.ReadOptions;
import org.rocksdb.Snapshot;

/**
 * A {@link StateReader} over the store's published view (a RocksDB snapshot of the last whole
 * log entry). It holds the view and the store's read lease until closed, so neither the snapshot
 * nor the database it reads can go away underneath it.
 */
final class SnapshotReader implements StateReader, KvRead {
    private final RocksDatabase db;
    private final Snapshot snapshot;
    private final ReadOptions options;
    private final TypedReads reads;
    private final Runnable release;
    private boolean closed;

    /** A reader of {@code view}, which it already holds a reference to; {@code release} lets both go. */
    SnapshotReader(PublishedView view, Runnable release) {
        this.db = view.db();
        this.release = release;
        this.snapshot = view.snapshot();
        this.options = new ReadOptions().setSnapshot(snapshot);
        this.reads = new TypedReads(this, db.decodedNodes());
    }

    @Override
    public byte[] get(Cf cf, byte[] key) {
        ensureOpen();
        return db.get(cf, key, options);
    }

    @Override
    public List<KeyValue> scan(Cf cf, byte[] prefix) {
        ensureOpen();
        return db.scan(cf, prefix, options);
    }

    @Override
    public long appliedIndex() {
        byte[] v = get(Cf.META, Schema.APPLIED);
        return v == null ? 0 : AppliedPosition.decode(v).index();
    }

    @Override
    public long tableIndex(Table table) {
        return reads.tableIndex(table);
    }

    @Override
    public Optional<Job> job(String namespace, String jobId) {
        return reads.job(namespace, jobId);
    }

    @Override
    public List<Job> jobs(String namespace, String prefix) {
        return reads.jobs(namespace, prefix);
    }

    @Override
    public List<JobListStub> jobListStubs(String namespace, String prefix) {
        return reads.jobListStubs(namespace, prefix);
    }

    @Override
    public List<Job> jobVersions(String namespace, String jobId) {
        return reads.jobVersions(namespace, jobId);
    }

    @Override
    public Optional<Job> jobVersion(String namespace, String jobId, long version) {
        return reads.jobVersion(namespace, jobId, version);
    }

    @Override
    public List<Job> periodicJobs() {
        return reads.periodicJobs();
    }

    @Override
    public Optional<PeriodicLaunch> periodicLaunch(String namespace, String jobId) {
        return reads.periodicLaunch(namespace, jobId);
    }

    @Override
    public Optional<JobScalingEvents> scalingEvents(String namespace, String jobId) {
        return reads.scalingEvents(namespace, jobId);
    }

    @Override
    public Optional<JobSummary> jobSummary(String namespace, String jobId) {
        return reads.jobSummary(namespace, jobId);
    }

    @Override
    public Optional<Evaluation> evaluation(String evalId) {
        return reads.evaluation(evalId);
    }

    @Override
    public List<Evaluation> evaluations(String namespace, String prefix) {
        return reads.evaluations(namespace, prefix);
    }

    @Override
    public List<Evaluation> evaluationsOfJob(String namespace, String jobId) {
        return reads.evaluationsOfJob(namespace, jobId);
    }

    @Override
    public Optional<ServerInfo> server(String serverId) {
        return reads.server(serverId);
    }

    @Override
    public Optional<Node> node(String nodeId) {
        return reads.node(nodeId);
    }

    @Override
    public List<Node> nodes(String prefix) {
        return reads.nodes(prefix);
    }

    @Override
    public Optional<Allocation> allocation(String allocId) {
        return reads.allocation(allocId);
    }

    @Override
    public List<Allocation> allocations(String namespace, String prefix) {
        return reads.allocations(namespace, prefix);
    }

    @Override
    public List<Allocation> allocationsOfJob(String namespace, String jobId, boolean anyCreateIndex) {
        Map<String, Long> ids = reads.allocIdsOfJob(namespace, jobId);
        if (!anyCreateIndex) {
            Optional<Job> job = reads.job(namespace, jobId);
            if (job.isPresent()) {
                long current = job.get().createIndex;
                ids.values().removeIf(createIndex -> createIndex != current);
            }
        }
        return reads.allocations(ids.keySet());
    }

    @Override
    public List<Allocation> allocationsOfNode(String nodeId) {
        return reads.allocations(reads.allocIdsOfNode(nodeId).keySet());
    }

    @Override
    public List<Allocation> allocationsOfNode(String nodeId, boolean terminal) {
        Map<String, Boolean> ids = reads.allocIdsOfNode(nodeId);
        ids.values().removeIf(isTerminal -> isTerminal != terminal);
        return reads.allocations(ids.keySet());
    }

    @Override
    public List<Allocation> allocationsOfNodeForFit(String nodeId) {
        Map<String, Boolean> ids = reads.allocIdsOfNode(nodeId);
        ids.values().removeIf(isTerminal -> isTerminal);
        return reads.allocationsForFit(ids.keySet());
    }

    @Override
    public List<Allocation> allocationsOfNodeModifiedAfter(String nodeId, long index) {
        Map<String, Long> ids = reads.allocModifyIndexesOfNode(nodeId);
        ids.values().removeIf(modifyIndex -> modifyIndex <= index);
        List<Allocation> out = reads.allocations(ids.keySet());
        // An index entry from before ModifyIndex was recorded let every allocation through.
        out.removeIf(a -> a.modifyIndex == null || a.modifyIndex <= index);
        return out;
    }

    @Override
    public List<Allocation> allocationsOfEval(String evalId) {
        return reads.allocations(reads.allocIdsOfEval(evalId));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        options.close();
        release.run();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("state reader used after close");
        }
    }
}
