package io.drover.scheduler;

import io.drover.model.Job;
import io.drover.model.JobSummary;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Evaluation;
import io.drover.state.ServerInfo;
import io.drover.state.StateReader;
import io.drover.state.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of a state with one job replaced or added, as Nomad's job plan inserts
 * the submitted job into a snapshot: the scheduler sees the job as if registered, and nothing
 * is written.
 */
final class JobOverlayState implements StateReader {
    private final StateReader base;
    private final Job job;

    JobOverlayState(StateReader base, Job job) {
        this.base = base;
        this.job = job;
    }

    private boolean isJob(String namespace, String jobId) {
        return job.namespace.equals(namespace) && job.id.equals(jobId);
    }

    @Override
    public long appliedIndex() {
        return base.appliedIndex();
    }

    @Override
    public long tableIndex(Table table) {
        return base.tableIndex(table);
    }

    @Override
    public Optional<Job> job(String namespace, String jobId) {
        return isJob(namespace, jobId) ? Optional.of(job) : base.job(namespace, jobId);
    }

    @Override
    public List<Job> jobs(String namespace, String prefix) {
        List<Job> out = new ArrayList<>();
        boolean seen = false;
        for (Job j : base.jobs(namespace, prefix)) {
            if (isJob(j.namespace, j.id)) {
                out.add(job);
                seen = true;
            } else {
                out.add(j);
            }
        }
        if (!seen && (ALL_NAMESPACES.equals(namespace) || job.namespace.equals(namespace)) && job.id.startsWith(prefix)) {
            out.add(job);
        }
        return out;
    }

    @Override
    public List<Job> jobVersions(String namespace, String jobId) {
        return base.jobVersions(namespace, jobId);
    }

    @Override
    public Optional<Job> jobVersion(String namespace, String jobId, long version) {
        return base.jobVersion(namespace, jobId, version);
    }

    @Override
    public Optional<JobSummary> jobSummary(String namespace, String jobId) {
        return base.jobSummary(namespace, jobId);
    }

    @Override
    public Optional<Evaluation> evaluation(String evalId) {
        return base.evaluation(evalId);
    }

    @Override
    public List<Evaluation> evaluations(String namespace, String prefix) {
        return base.evaluations(namespace, prefix);
    }

    @Override
    public List<Evaluation> evaluationsOfJob(String namespace, String jobId) {
        return base.evaluationsOfJob(namespace, jobId);
    }

    @Override
    public Optional<ServerInfo> server(String serverId) {
        return base.server(serverId);
    }

    @Override
    public Optional<Node> node(String nodeId) {
        return base.node(nodeId);
    }

    @Override
    public List<Node> nodes(String prefix) {
        return base.nodes(prefix);
    }

    @Override
    public Optional<Allocation> allocation(String allocId) {
        return base.allocation(allocId);
    }

    @Override
    public List<Allocation> allocations(String namespace, String prefix) {
        return base.allocations(namespace, prefix);
    }

    @Override
    public List<Allocation> allocationsOfJob(String namespace, String jobId, boolean anyCreateIndex) {
        return base.allocationsOfJob(namespace, jobId, anyCreateIndex);
    }

    @Override
    public List<Allocation> allocationsOfNode(String nodeId) {
        return base.allocationsOfNode(nodeId);
    }

    @Override
    public List<Allocation> allocationsOfNode(String nodeId, boolean terminal) {
        return base.allocationsOfNode(nodeId, terminal);
    }

    @Override
    public List<Allocation> allocationsOfEval(String evalId) {
        return base.allocationsOfEval(evalId);
    }

    @Override
    public void close() {
        // The base view belongs to the caller.
    }
}
