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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An in-memory, indexed {@link StateReader} for scheduler tests and the simulation: every
 * {@code upsert…} is one write at the next index and stamps Create/ModifyIndex as Nomad's
 * state store does. Allocations are indexed by node and by job, so thousands of nodes stay
 * cheap. Stored objects are kept as given: writers replace them, never change them.
 */
public final class MemState implements StateReader {
    private final Map<String, Node> nodes = new TreeMap<>();
    private final Map<String, Job> jobs = new TreeMap<>();
    private final Map<String, List<Job>> versions = new TreeMap<>();
    private final Map<String, Evaluation> evals = new TreeMap<>();
    private final Map<String, Allocation> allocs = new TreeMap<>();
    private final Map<String, Map<String, Allocation>> allocsByNode = new LinkedHashMap<>();
    private final Map<String, Map<String, Allocation>> allocsByJob = new LinkedHashMap<>();
    private final Map<Table, Long> tableIndexes = new EnumMap<>(Table.class);
    private long index;

    public long nextIndex() {
        return ++index;
    }

    public MemState upsertNode(Node node) {
        long i = write(Table.NODES);
        Node existing = nodes.get(node.id);
        node.createIndex = existing == null ? i : existing.createIndex;
        node.modifyIndex = i;
        nodes.put(node.id, node);
        return this;
    }

    /** Registers a job version: a new version number unless the caller set one. */
    public MemState upsertJob(Job job) {
        long i = write(Table.JOBS);
        String key = key(job.namespace, job.id);
        Job existing = jobs.get(key);
        job.createIndex = existing == null ? i : existing.createIndex;
        job.modifyIndex = i;
        job.jobModifyIndex = i;
        job.version = existing == null ? 0L : lng(existing.version) + 1;
        job.status = job.status == null ? Job.STATUS_PENDING : job.status;
        jobs.put(key, job);
        versions.computeIfAbsent(key, k -> new ArrayList<>()).add(0, job);
        return this;
    }

    public MemState upsertEval(Evaluation eval) {
        long i = write(Table.EVALS);
        Evaluation existing = evals.get(eval.id);
        eval.createIndex = existing == null ? i : existing.createIndex;
        eval.modifyIndex = i;
        evals.put(eval.id, eval);
        return this;
    }

    /** Stores an allocation at index {@code i} (one plan's allocations share an index). */
    public void putAlloc(Allocation alloc, long i) {
        tableIndexes.put(Table.ALLOCS, i);
        Allocation existing = allocs.get(alloc.id);
        alloc.createIndex = existing == null ? i : existing.createIndex;
        alloc.modifyIndex = i;
        if (alloc.job == null) {
            alloc.job = existing != null ? existing.job : jobs.get(key(alloc.namespace, alloc.jobId));
        }
        allocs.put(alloc.id, alloc);
        allocsByNode.computeIfAbsent(alloc.nodeId, k -> new TreeMap<>()).put(alloc.id, alloc);
        allocsByJob.computeIfAbsent(key(alloc.namespace, alloc.jobId), k -> new TreeMap<>()).put(alloc.id, alloc);
    }

    public MemState upsertAlloc(Allocation alloc) {
        putAlloc(alloc, nextIndex());
        return this;
    }

    private long write(Table table) {
        long i = nextIndex();
        tableIndexes.put(table, i);
        return i;
    }

    private static long lng(Long v) {
        return v == null ? 0 : v;
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
        return out;
    }

    @Override
    public List<Job> jobVersions(String namespace, String jobId) {
        return List.copyOf(versions.getOrDefault(key(namespace, jobId), List.of()));
    }

    @Override
    public Optional<Job> jobVersion(String namespace, String jobId, long version) {
        return jobVersions(namespace, jobId).stream().filter(j -> lng(j.version) == version).findFirst();
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
        if (prefix.isEmpty()) {
            return new ArrayList<>(nodes.values());
        }
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
        return out;
    }

    @Override
    public List<Allocation> allocationsOfJob(String namespace, String jobId, boolean anyCreateIndex) {
        Job current = jobs.get(key(namespace, jobId));
        List<Allocation> out = new ArrayList<>();
        for (Allocation a : allocsByJob.getOrDefault(key(namespace, jobId), Map.of()).values()) {
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
