package io.drover.scheduler;

import io.drover.model.Job;
import io.drover.model.JobSummary;
import io.drover.model.alloc.Allocation;
import io.drover.model.launch.PeriodicLaunch;
import io.drover.model.node.Node;
import io.drover.model.scaling.JobScalingEvents;
import io.drover.model.scheduling.Evaluation;
import io.drover.state.ServerInfo;
import io.drover.state.StateReader;
import io.drover.state.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of a state with one job replaced or added, as Nomad's job plan inserts
 * the submitted job into a snapshot: the scheduler sees the job as if registered, and nothing
 * is written. Only the job itself is overlaid (in lookups and lists, where the base would list
 * it); everything else, the job's versions, summary, launches and allocations included, is the
 * base's. Like every reader it hands out copies: the overlaid job is never shared.
 */
final class JobOverlayState implements StateReader {
    private static final Comparator<Job> LISTED = Comparator.comparing((Job j) -> j.namespace).thenComparing(j -> j.id);

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
        return isJob(namespace, jobId) ? Optional.of(job.copy()) : base.job(namespace, jobId);
    }

    /** The base's jobs with the overlaid one in its place, in the order the base lists them (namespace, then ID). */
    @Override
    public List<Job> jobs(String namespace, String prefix) {
        List<Job> out = new ArrayList<>();
        for (Job j : base.jobs(namespace, prefix)) {
            if (!isJob(j.namespace, j.id)) {
                out.add(j);
            }
        }
        if ((ALL_NAMESPACES.equals(namespace) || job.namespace.equals(namespace)) && job.id.startsWith(prefix)) {
            int at = 0;
            while (at < out.size() && LISTED.compare(out.get(at), job) < 0) {
                at++;
            }
            out.add(at, job.copy());
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
    public Optional<JobScalingEvents> scalingEvents(String namespace, String jobId) {
        return base.scalingEvents(namespace, jobId);
    }

    @Override
    public Optional<PeriodicLaunch> periodicLaunch(String namespace, String jobId) {
        return base.periodicLaunch(namespace, jobId);
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
    public List<Allocation> allocationsOfNodeForFit(String nodeId) {
        return base.allocationsOfNodeForFit(nodeId);
    }

    @Override
    public List<Allocation> allocationsOfNodeModifiedAfter(String nodeId, long index) {
        return base.allocationsOfNodeModifiedAfter(nodeId, index);
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
