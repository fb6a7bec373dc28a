package io.drover.state;

import io.drover.model.Job;
import io.drover.model.JobListStub;
import io.drover.model.JobSummary;
import io.drover.model.alloc.Allocation;
import io.drover.model.launch.PeriodicLaunch;
import io.drover.model.node.Node;
import io.drover.model.scaling.JobScalingEvents;
import io.drover.model.scheduling.Evaluation;
import java.util.List;
import java.util.Optional;

/**
 * A consistent, point-in-time view of the replicated state: every read through one reader sees
 * the state after the same log index. Close it to release the underlying snapshot. (The
 * scheduler's in-memory state, for single-threaded tests and benchmarks, is a live view instead.)
 * A view that does not hold a table (the in-memory state has no periodic launches, scaling events
 * or servers) answers what the defaults here answer: nothing, at index 0.
 *
 * <p>What a read returns is the caller's: the store's reader decodes each read afresh, so
 * changing a returned object changes neither the state nor what any later read answers, through
 * this view or another (the gateway fills in allocations' pre-0.9 resources in place; the
 * schedulers copy before changing anything, as Nomad's must). One exception: the job attached to
 * an allocation may be shared by the allocations of one view (a job is decoded once per view,
 * however many allocations were placed for it), so it is read-only: replace it rather than
 * change it. Returned lists may be unmodifiable. Absent IDs answer an empty {@code Optional} or
 * list, never null. {@code StateReaderContract} (state-machine's tests) checks every
 * implementation against this.
 */
public interface StateReader extends AutoCloseable {
    /** Namespace wildcard accepted by the list methods. */
    String ALL_NAMESPACES = "*";

    /** The highest log index applied to this view: that of its last write, at least every table's index. */
    long appliedIndex();

    /**
     * The log index of the last entry that changed {@code table}: the ModifyIndex of what that
     * entry wrote. 0 if none did, or if this view does not hold the table.
     */
    long tableIndex(Table table);

    /** The highest index over several tables. */
    default long maxIndex(Table... tables) {
        long max = 0;
        for (Table t : tables) {
            max = Math.max(max, tableIndex(t));
        }
        return max;
    }

    Optional<Job> job(String namespace, String jobId);

    /** Jobs of a namespace (or all) whose ID starts with {@code prefix}, sorted by namespace and ID. */
    List<Job> jobs(String namespace, String prefix);

    /**
     * The list stubs (with summaries) of the jobs {@link #jobs} would return. Implementations
     * may avoid decoding whole jobs.
     */
    default List<JobListStub> jobListStubs(String namespace, String prefix) {
        List<JobListStub> out = new java.util.ArrayList<>();
        for (Job job : jobs(namespace, prefix)) {
            out.add(JobListStub.of(io.drover.model.JobHeader.of(job), jobSummary(job.namespace, job.id).orElse(null)));
        }
        return out;
    }

    /** Every stored version of a job, newest first (the current one first); empty if none. */
    List<Job> jobVersions(String namespace, String jobId);

    Optional<Job> jobVersion(String namespace, String jobId, long version);

    Optional<JobSummary> jobSummary(String namespace, String jobId);

    /**
     * The recent scaling events of a job. Views that hold no events (the scheduler's in-memory
     * states) have none to give.
     */
    default Optional<JobScalingEvents> scalingEvents(String namespace, String jobId) {
        return Optional.empty();
    }

    /**
     * Every job with a periodic block (parents, not their children), in any namespace. The
     * default filters all jobs; the stored state keeps an index so the leader's launcher can
     * ask often.
     */
    default List<Job> periodicJobs() {
        return jobs(ALL_NAMESPACES, "").stream().filter(j -> j.periodic != null).toList();
    }

    /** A periodic job's last launch; views without the table (the scheduler's) have none. */
    default Optional<PeriodicLaunch> periodicLaunch(String namespace, String jobId) {
        return Optional.empty();
    }

    Optional<Evaluation> evaluation(String evalId);

    /** Evaluations of a namespace (or all) whose ID starts with {@code prefix}, sorted by ID. */
    List<Evaluation> evaluations(String namespace, String prefix);

    /** The evaluations of one job, sorted by CreateIndex, then ID. */
    List<Evaluation> evaluationsOfJob(String namespace, String jobId);

    Optional<ServerInfo> server(String serverId);

    // --- nodes and allocations

    Optional<Node> node(String nodeId);

    /** Nodes whose ID starts with {@code prefix}, sorted by ID. */
    List<Node> nodes(String prefix);

    /** An allocation, with the job it was placed for attached. */
    Optional<Allocation> allocation(String allocId);

    /** Allocations of a namespace (or all) whose ID starts with {@code prefix}, sorted by ID, jobs attached. */
    List<Allocation> allocations(String namespace, String prefix);

    /**
     * The allocations of a job, sorted by ID, jobs attached. Unless {@code anyCreateIndex}, only
     * those of the job as registered now (a job purged and registered again under the same ID
     * starts over), as Nomad's AllocsByJob.
     */
    List<Allocation> allocationsOfJob(String namespace, String jobId, boolean anyCreateIndex);

    /** The allocations placed on a node, sorted by ID, jobs attached. */
    List<Allocation> allocationsOfNode(String nodeId);

    /**
     * The allocations on a node whose terminal status ({@link Allocation#terminalStatus()}) is
     * {@code terminal}, sorted by ID, jobs attached (Nomad's AllocsByNodeTerminal). Fit checks
     * want only the live ones, and a node keeps its terminal allocations until they are
     * collected: implementations should skip those without decoding them.
     */
    default List<Allocation> allocationsOfNode(String nodeId, boolean terminal) {
        List<Allocation> out = new java.util.ArrayList<>();
        for (Allocation a : allocationsOfNode(nodeId)) {
            if (a.terminalStatus() == terminal) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * The node's live allocations as fit checks weigh them (the scheduler's and the plan
     * applier's): {@link #allocationsOfNode(String, boolean) allocationsOfNode(nodeId, false)},
     * except that implementations may leave out what no fit check reads, the task states and the
     * placement metrics: most of a running allocation's size. A scheduler pass reads the
     * allocations of every node it visits, all of them on a large cluster.
     */
    default List<Allocation> allocationsOfNodeForFit(String nodeId) {
        return allocationsOfNode(nodeId, false);
    }

    /**
     * The allocations on a node whose ModifyIndex is above {@code index}, sorted by ID, jobs
     * attached: what a node's allocation watch sends. A node keeps its terminal allocations until
     * they are collected: implementations should skip unchanged ones without decoding them.
     */
    default List<Allocation> allocationsOfNodeModifiedAfter(String nodeId, long index) {
        List<Allocation> out = new java.util.ArrayList<>();
        for (Allocation a : allocationsOfNode(nodeId)) {
            if (a.modifyIndex != null && a.modifyIndex > index) {
                out.add(a);
            }
        }
        return out;
    }

    /** The allocations an evaluation placed, sorted by ID, jobs attached. */
    List<Allocation> allocationsOfEval(String evalId);

    @Override
    void close();
}
