package io.drover.bench;

import io.drover.model.Allocation;
import io.drover.model.Evaluation;
import io.drover.model.Job;
import io.drover.model.JobSummary;
import io.drover.model.Node;
import io.drover.state.ServerInfo;
import io.drover.state.StateReader;
import io.drover.state.Table;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The smallest {@link StateReader} the schedulers can run on: nodes, jobs, evaluations and
 * allocations in maps, allocations indexed by node and by job so that thousands of nodes stay
 * cheap. Every write takes the next index and stamps Create/ModifyIndex as the state store does.
 * Objects are kept as given. For {@code scheduler-placements} only: no versions, no summaries.
 */
final class InMemoryState implements StateReader {
    private final Map<String, Node> nodes = new TreeMap<>();
    private final Map<String, Job> jobs = new HashMap<>();
    private final Map<String, Evaluation> evals = new TreeMap<>();
    private final Map<String, Allocation> allocs = new HashMap<>();
    private final Map<String, Map<String, Allocation>> allocsByNode = new HashMap<>();
    private final Map<String, Map<String, Allocation>> allocsByJob = new HashMap<>();
    private final Map<Table, Long> tableIndexes = new EnumMap<>(Table.class);
    private long index;

    long nextIndex() {
        return ++index;
    }

    void upsertNode(Node node) {
        long i = write(Table.NODES);
        Node existing = nodes.get(node.id);
        node.createIndex = existing == null ? i : existing.createIndex;
        node.modifyIndex = i;
        nodes.put(node.id, node);
    }

    /** Stores the first version of a job (the benchmark never updates one). */
    void insertJob(Job job) {
        long i = write(Table.JOBS);
        job.createIndex = i;
        job.modifyIndex = i;
        job.jobModifyIndex = i;
        job.version = 0L;
        job.status = Job.STATUS_PENDING;
        jobs.put(key(job.namespace, job.id), job);
    }

    void upsertEval(Evaluation eval) {
        long i = write(Table.EVALS);
        Evaluation existing = evals.get(eval.id);
        eval.createIndex = existing == null ? i : existing.createIndex;
        eval.modifyIndex = i;
        evals.put(eval.id, eval);
    }

    /** Stores an allocation at index {@code i}: one plan's allocations share its index. */
    void putAlloc(Allocation alloc, long i) {
        tableIndexes.put(Table.ALLOCS, i);
        Allocation existing = allocs.get(alloc.id);
        alloc.createIndex = existing == null ? i : existing.createIndex;
        alloc.modifyIndex = i;
        allocs.put(alloc.id, alloc);
        allocsByNode.computeIfAbsent(alloc.nodeId, k -> new LinkedHashMap<>()).put(alloc.id, alloc);
        allocsByJob.computeIfAbsent(key(alloc.namespace, alloc.jobId), k -> new LinkedHashMap<>()).put(alloc.id, alloc);
    }

    private long write(Table table) {
        long i = nextIndex();
        tableIndexes.put(table, i);
        return i;
    }

    private static String key(String namespace, String id) {
        return namespace + "\u0000" + id;
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
            if ((ALL_NAMESPACES.equals(namespace) || namespace.equals(j.namespace)) && j.id.startsWith(prefix)) {
                out.add(j);
            }
        }
        out.sort((a, b) -> a.namespace.equals(b.namespace) ? a.id.compareTo(b.id) : a.namespace.compareTo(b.namespace));
        return out;
    }

    @Override
    public List<Job> jobVersions(String namespace, String jobId) {
        return job(namespace, jobId).map(List::of).orElse(List.of());
    }

    @Override
    public Optional<Job> jobVersion(String namespace, String jobId, long version) {
        return job(namespace, jobId).filter(j -> j.version != null && j.version == version);
    }

    @Override
    public Optional<JobSummary> jobSummary(String namespace, String jobId) {
        return Optional.empty();
    }

    @Override
    public Optional<Evaluation> evaluation(String evalId) {
        return Optional.ofNullable(evals.get(evalId));
    }

    @Override
    public List<Evaluation> evaluations(String namespace, String prefix) {
        List<Evaluation> out = new ArrayList<>();
        for (Evaluation e : evals.values()) {
            if ((ALL_NAMESPACES.equals(namespace) || namespace.equals(e.namespace)) && e.id.startsWith(prefix)) {
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
        out.sort((a, b) -> Long.compare(a.createIndex, b.createIndex));
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
        return Optional.ofNullable(allocs.get(allocId));
    }

    @Override
    public List<Allocation> allocations(String namespace, String prefix) {
        List<Allocation> out = new ArrayList<>();
        for (Allocation a : allocs.values()) {
            if ((ALL_NAMESPACES.equals(namespace) || namespace.equals(a.namespace)) && a.id.startsWith(prefix)) {
                out.add(a);
            }
        }
        out.sort((a, b) -> a.id.compareTo(b.id));
        return out;
    }

    @Override
    public List<Allocation> allocationsOfJob(String namespace, String jobId, boolean anyCreateIndex) {
        // Jobs are never purged and registered again here, so every allocation is of the current job.
        return new ArrayList<>(allocsByJob.getOrDefault(key(namespace, jobId), Map.of()).values());
    }

    @Override
    public List<Allocation> allocationsOfNode(String nodeId) {
        return new ArrayList<>(allocsByNode.getOrDefault(nodeId, Map.of()).values());
    }

    @Override
    public List<Allocation> allocationsOfEval(String evalId) {
        List<Allocation> out = new ArrayList<>();
        for (Allocation a : allocs.values()) {
            if (evalId.equals(a.evalId)) {
                out.add(a);
            }
        }
        return out;
    }

    @Override
    public void close() {
    }
}
