package io.drover.scheduler;

import io.drover.model.Allocation;
import io.drover.model.Evaluation;
import io.drover.model.Job;
import io.drover.model.JobSummary;
import io.drover.model.Node;
import io.drover.state.ServerInfo;
import io.drover.state.StateReader;
import io.drover.state.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An in-memory {@link StateReader} for scheduler tests. Every {@code add…} is one write at the
 * next index: it stamps the object's CreateIndex (first write only) and ModifyIndex, and
 * raises its table's index, as Nomad's state store does. Objects are kept and returned as
 * given (no copies), like Nomad's memdb: tests must not change what they stored.
 *
 * <p>Allocations are returned with their job attached: the allocation's own {@code job} if
 * it has one, else the job stored under its namespace and ID.
 */
public final class TestState implements StateReader {
    private final Map<String, Node> nodes = new TreeMap<>();
    private final Map<String, Job> jobs = new TreeMap<>();
    private final Map<String, List<Job>> jobVersions = new TreeMap<>();
    private final Map<String, JobSummary> summaries = new TreeMap<>();
    private final Map<String, Evaluation> evals = new TreeMap<>();
    private final Map<String, Allocation> allocs = new TreeMap<>();
    private final Map<Table, Long> tableIndexes = new EnumMap<>(Table.class);
    private long index;

    /** The index the next write gets; later writes count up from it. */
    public TestState atIndex(long next) {
        index = next - 1;
        return this;
    }

    public TestState addNode(Node node) {
        long i = write(Table.NODES);
        if (!nodes.containsKey(node.id)) {
            node.createIndex = i;
        }
        node.modifyIndex = i;
        nodes.put(node.id, node);
        return this;
    }

    public TestState addNodes(List<Node> many) {
        many.forEach(this::addNode);
        return this;
    }

    /** Registers a job (a new version if one is stored), keeping its versions newest first. */
    public TestState addJob(Job job) {
        long i = write(Table.JOBS);
        tableIndexes.put(Table.JOB_VERSIONS, i);
        String key = key(job.namespace, job.id);
        Job existing = jobs.get(key);
        job.createIndex = existing == null ? Long.valueOf(i) : existing.createIndex;
        job.modifyIndex = i;
        job.jobModifyIndex = i;
        if (job.version == null) {
            job.version = existing == null ? 0L : lng(existing.version) + 1;
        }
        jobs.put(key, job);
        jobVersions.computeIfAbsent(key, k -> new ArrayList<>()).add(0, job);
        return this;
    }

    public TestState addJobSummary(JobSummary summary) {
        long i = write(Table.JOB_SUMMARIES);
        summary.modifyIndex = i;
        summaries.put(key(summary.namespace, summary.jobId), summary);
        return this;
    }

    public TestState addEval(Evaluation eval) {
        long i = write(Table.EVALS);
        if (!evals.containsKey(eval.id)) {
            eval.createIndex = i;
        }
        eval.modifyIndex = i;
        evals.put(eval.id, eval);
        return this;
    }

    /** Upserts an allocation; it gets the stored job if it carries none. */
    public TestState addAlloc(Allocation alloc) {
        long i = write(Table.ALLOCS);
        Allocation existing = allocs.get(alloc.id);
        alloc.createIndex = existing == null ? Long.valueOf(i) : existing.createIndex;
        alloc.modifyIndex = i;
        alloc.allocModifyIndex = i;
        if (alloc.job == null) {
            alloc.job = jobs.get(key(alloc.namespace, alloc.jobId));
        }
        allocs.put(alloc.id, alloc);
        return this;
    }

    public TestState addAllocs(List<Allocation> many) {
        many.forEach(this::addAlloc);
        return this;
    }

    /** Removes a node, as a deregistration would. */
    public TestState removeNode(String nodeId) {
        write(Table.NODES);
        nodes.remove(nodeId);
        return this;
    }

    private long write(Table table) {
        index++;
        tableIndexes.put(table, index);
        return index;
    }

    private static long lng(Long v) {
        return v == null ? 0 : v;
    }

    private static String key(String namespace, String id) {
        return namespace + "\u0000" + id;
    }

    private static boolean inNamespace(String wanted, String namespace) {
        return ALL_NAMESPACES.equals(wanted) || wanted.equals(namespace);
    }

    @Override
    public long appliedIndex() {
        return index;
    }

    @Override
    public long tableIndex(Table table) {
        return tableIndexes.getOrDefault(table, 0L);
    }

    @Override
    public Optional<Job> job(String namespace, String jobId) {
        return Optional.ofNullable(jobs.get(key(namespace, jobId)));
    }

    @Override
    public List<Job> jobs(String namespace, String prefix) {
        List<Job> out = new ArrayList<>();
        for (Job j : jobs.values()) {
            if (inNamespace(namespace, j.namespace) && j.id.startsWith(prefix)) {
                out.add(j);
            }
        }
        return out;
    }

    @Override
    public List<Job> jobVersions(String namespace, String jobId) {
        return List.copyOf(jobVersions.getOrDefault(key(namespace, jobId), List.of()));
    }

    @Override
    public Optional<Job> jobVersion(String namespace, String jobId, long version) {
        return jobVersions(namespace, jobId).stream()
                .filter(j -> lng(j.version) == version).findFirst();
    }

    @Override
    public Optional<JobSummary> jobSummary(String namespace, String jobId) {
        return Optional.ofNullable(summaries.get(key(namespace, jobId)));
    }

    @Override
    public Optional<Evaluation> evaluation(String evalId) {
        return Optional.ofNullable(evals.get(evalId));
    }

    @Override
    public List<Evaluation> evaluations(String namespace, String prefix) {
        List<Evaluation> out = new ArrayList<>();
        for (Evaluation e : evals.values()) {
            if (inNamespace(namespace, e.namespace) && e.id.startsWith(prefix)) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public List<Evaluation> evaluationsOfJob(String namespace, String jobId) {
        List<Evaluation> out = new ArrayList<>();
        for (Evaluation e : evals.values()) {
            if (namespace.equals(e.namespace) && jobId.equals(e.jobId)) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparingLong(e -> lng(e.createIndex)));
        return out;
    }

    @Override
    public Optional<ServerInfo> server(String serverId) {
        return Optional.empty();
    }

    @Override
    public Optional<Node> node(String nodeId) {
        return Optional.ofNullable(nodes.get(nodeId));
    }

    @Override
    public List<Node> nodes(String prefix) {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes.values()) {
            if (n.id.startsWith(prefix)) {
                out.add(n);
            }
        }
        return out;
    }

    @Override
    public Optional<Allocation> allocation(String allocId) {
        return Optional.ofNullable(allocs.get(allocId)).map(this::withJob);
    }

    @Override
    public List<Allocation> allocations(String namespace, String prefix) {
        List<Allocation> out = new ArrayList<>();
        for (Allocation a : allocs.values()) {
            if (inNamespace(namespace, a.namespace) && a.id.startsWith(prefix)) {
                out.add(withJob(a));
            }
        }
        return out;
    }

    @Override
    public List<Allocation> allocationsOfJob(String namespace, String jobId, boolean anyCreateIndex) {
        Job current = jobs.get(key(namespace, jobId));
        List<Allocation> out = new ArrayList<>();
        for (Allocation a : allocs.values()) {
            if (!namespace.equals(a.namespace) || !jobId.equals(a.jobId)) {
                continue;
            }
            withJob(a);
            if (!anyCreateIndex && current != null && a.job != null
                    && lng(a.job.createIndex) != lng(current.createIndex)) {
                continue;
            }
            out.add(a);
        }
        return out;
    }

    @Override
    public List<Allocation> allocationsOfNode(String nodeId) {
        List<Allocation> out = new ArrayList<>();
        for (Allocation a : allocs.values()) {
            if (nodeId.equals(a.nodeId)) {
                out.add(withJob(a));
            }
        }
        return out;
    }

    @Override
    public List<Allocation> allocationsOfEval(String evalId) {
        List<Allocation> out = new ArrayList<>();
        for (Allocation a : allocs.values()) {
            if (evalId.equals(a.evalId)) {
                out.add(withJob(a));
            }
        }
        return out;
    }

    private Allocation withJob(Allocation a) {
        if (a.job == null) {
            a.job = jobs.get(key(a.namespace, a.jobId));
        }
        return a;
    }

    @Override
    public void close() {
    }
}
