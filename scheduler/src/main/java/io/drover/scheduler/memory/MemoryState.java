package io.drover.scheduler.memory;

import io.drover.model.Job;
import io.drover.model.JobSummary;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.ModelCopy;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Evaluation;
import io.drover.state.ServerInfo;
import io.drover.state.StateReader;
import io.drover.state.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An indexed, in-memory {@link StateReader} for running the schedulers without Raft or RocksDB:
 * scheduler tests, the simulation and the in-process benchmark. Every {@code upsert…} and
 * {@code delete…} is one write at the next index: it stamps CreateIndex (first write of an ID
 * only) and ModifyIndex, and raises its table's index, as Nomad's state store does.
 *
 * <p>Objects are kept as given (a write stamps the caller's instance, as Nomad's memdb does):
 * callers replace what they stored, never change it. Reads hand out copies, as the store's
 * reader decodes each read afresh, so what a caller reads is its own to change (see
 * {@link StateReader}); the job attached to an allocation is shared and read-only. Allocations
 * are indexed by node and by job so that thousands of nodes stay cheap, and come back with their
 * job attached (their own, else the stored one).
 *
 * <p>Unlike the store's readers this is a live view, not a point-in-time one: a read sees every
 * write made before it. Not thread-safe.
 */
public final class MemoryState implements StateReader {
    private final Map<String, Node> nodes = new TreeMap<>();
    private final Map<String, Job> jobs = new TreeMap<>();
    private final Map<String, List<Job>> versions = new HashMap<>();
    private final Map<String, JobSummary> summaries = new HashMap<>();
    private final Map<String, Evaluation> evals = new TreeMap<>();
    private final Map<String, Allocation> allocs = new TreeMap<>();
    private final Map<String, Map<String, Allocation>> allocsByNode = new HashMap<>();
    private final Map<String, Map<String, Allocation>> allocsByJob = new HashMap<>();
    private final Map<Table, Long> tableIndexes = new EnumMap<>(Table.class);
    private long index;

    /** Makes {@code next} the index of the next write; later writes count up from it. */
    public MemoryState atIndex(long next) {
        index = next - 1;
        return this;
    }

    /** Takes the next index without writing: a plan's allocations share one ({@link #putAlloc}). */
    public long nextIndex() {
        return ++index;
    }

    public MemoryState upsertNode(Node node) {
        long i = write(Table.NODES);
        Node existing = nodes.get(node.id);
        node.createIndex = existing == null ? i : existing.createIndex;
        node.modifyIndex = i;
        nodes.put(node.id, node);
        return this;
    }

    public MemoryState upsertNodes(List<Node> many) {
        many.forEach(this::upsertNode);
        return this;
    }

    /** Removes a node, as a deregistration would; its allocations stay. */
    public MemoryState deleteNode(String nodeId) {
        write(Table.NODES);
        nodes.remove(nodeId);
        return this;
    }

    /**
     * Registers a job: version 0 if none is stored, else the stored version plus one, kept
     * newest first. A job without a status is pending, as a registration leaves it.
     */
    public MemoryState upsertJob(Job job) {
        long i = write(Table.JOBS);
        tableIndexes.put(Table.JOB_VERSIONS, i);
        String key = key(job.namespace, job.id);
        Job existing = jobs.get(key);
        job.createIndex = existing == null ? i : existing.createIndex;
        job.modifyIndex = i;
        job.jobModifyIndex = i;
        job.version = existing == null ? 0L : lng(existing.version) + 1;
        if (job.status == null) {
            job.status = Job.STATUS_PENDING;
        }
        jobs.put(key, job);
        versions.computeIfAbsent(key, k -> new ArrayList<>()).add(0, job);
        return this;
    }

    public MemoryState upsertJobSummary(JobSummary summary) {
        summary.modifyIndex = write(Table.JOB_SUMMARIES);
        summaries.put(key(summary.namespace, summary.jobId), summary);
        return this;
    }

    public MemoryState upsertEval(Evaluation eval) {
        long i = write(Table.EVALS);
        Evaluation existing = evals.get(eval.id);
        eval.createIndex = existing == null ? i : existing.createIndex;
        eval.modifyIndex = i;
        evals.put(eval.id, eval);
        return this;
    }

    /** Upserts an allocation as a client or an operator would: its own write, AllocModifyIndex too. */
    public MemoryState upsertAlloc(Allocation alloc) {
        long i = nextIndex();
        alloc.allocModifyIndex = i;
        putAlloc(alloc, i);
        return this;
    }

    public MemoryState upsertAllocs(List<Allocation> many) {
        many.forEach(this::upsertAlloc);
        return this;
    }

    /**
     * Stores an allocation at index {@code i} from {@link #nextIndex}, as the plan applier does:
     * one plan's allocations share its index. One without a job keeps its stored one's, else
     * gets the job stored now.
     */
    public void putAlloc(Allocation alloc, long i) {
        tableIndexes.put(Table.ALLOCS, i);
        Allocation existing = allocs.get(alloc.id);
        alloc.createIndex = existing == null ? i : existing.createIndex;
        alloc.modifyIndex = i;
        if (alloc.job == null && existing != null) {
            alloc.job = existing.job;
        }
        if (alloc.job == null) {
            alloc.job = jobs.get(key(alloc.namespace, alloc.jobId));
        }
        if (existing != null) {
            unindex(existing);
        }
        allocs.put(alloc.id, alloc);
        allocsByNode.computeIfAbsent(alloc.nodeId, k -> new TreeMap<>()).put(alloc.id, alloc);
        allocsByJob.computeIfAbsent(key(alloc.namespace, alloc.jobId), k -> new TreeMap<>()).put(alloc.id, alloc);
    }

    private void unindex(Allocation a) {
        Map<String, Allocation> onNode = allocsByNode.get(a.nodeId);
        if (onNode != null) {
            onNode.remove(a.id);
        }
        Map<String, Allocation> ofJob = allocsByJob.get(key(a.namespace, a.jobId));
        if (ofJob != null) {
            ofJob.remove(a.id);
        }
    }

    private long write(Table table) {
        long i = nextIndex();
        tableIndexes.put(table, i);
        return i;
    }

    /** A reader's copy of a stored allocation, with its job (the stored one if it was stored before its job). */
    private Allocation withJob(Allocation a) {
        Allocation copy = a.copySkipJob();
        if (copy.job == null) {
            copy.job = jobs.get(key(a.namespace, a.jobId));
        }
        return copy;
    }

    // Copies for readers. Field by field where the model allows it: the schedulers read every
    // node on each pass. Jobs carry a byte array (a dispatch payload) that only JSON copies.

    private static Node copy(Node n) {
        return ModelCopy.deep(n, null);
    }

    private static Job copy(Job j) {
        return j.copy();
    }

    private static Evaluation copy(Evaluation e) {
        return ModelCopy.deep(e, null);
    }

    private static JobSummary copy(JobSummary s) {
        return ModelCopy.deep(s, null);
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
        return Optional.ofNullable(jobs.get(key(namespace, jobId))).map(MemoryState::copy);
    }

    @Override
    public List<Job> jobs(String namespace, String prefix) {
        // Keyed by namespace then ID, so already in the order the interface promises.
        List<Job> out = new ArrayList<>();
        for (Job j : jobs.values()) {
            if (inNamespace(namespace, j.namespace) && j.id.startsWith(prefix)) {
                out.add(copy(j));
            }
        }
        return out;
    }

    @Override
    public List<Job> jobVersions(String namespace, String jobId) {
        return versions.getOrDefault(key(namespace, jobId), List.of()).stream().map(MemoryState::copy).toList();
    }

    @Override
    public Optional<Job> jobVersion(String namespace, String jobId, long version) {
        return versions.getOrDefault(key(namespace, jobId), List.of()).stream()
                .filter(j -> lng(j.version) == version).findFirst().map(MemoryState::copy);
    }

    @Override
    public Optional<JobSummary> jobSummary(String namespace, String jobId) {
        return Optional.ofNullable(summaries.get(key(namespace, jobId))).map(MemoryState::copy);
    }

    @Override
    public Optional<Evaluation> evaluation(String evalId) {
        return Optional.ofNullable(evals.get(evalId)).map(MemoryState::copy);
    }

    @Override
    public List<Evaluation> evaluations(String namespace, String prefix) {
        List<Evaluation> out = new ArrayList<>();
        for (Evaluation e : evals.values()) {
            if (inNamespace(namespace, e.namespace) && e.id.startsWith(prefix)) {
                out.add(copy(e));
            }
        }
        return out;
    }

    @Override
    public List<Evaluation> evaluationsOfJob(String namespace, String jobId) {
        List<Evaluation> out = new ArrayList<>();
        for (Evaluation e : evals.values()) {
            if (namespace.equals(e.namespace) && jobId.equals(e.jobId)) {
                out.add(copy(e));
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
        return Optional.ofNullable(nodes.get(nodeId)).map(MemoryState::copy);
    }

    @Override
    public List<Node> nodes(String prefix) {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes.values()) {
            if (n.id.startsWith(prefix)) {
                out.add(copy(n));
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
        for (Allocation stored : allocsByJob.getOrDefault(key(namespace, jobId), Map.of()).values()) {
            Allocation a = withJob(stored);
            // A job purged and registered again starts over: older allocations are not its own.
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
        for (Allocation a : allocsByNode.getOrDefault(nodeId, Map.of()).values()) {
            out.add(withJob(a));
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

    @Override
    public void close() {
    }
}
