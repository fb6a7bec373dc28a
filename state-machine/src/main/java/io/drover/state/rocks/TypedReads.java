package io.drover.state.rocks;

import io.drover.model.Job;
import io.drover.model.JobHeader;
import io.drover.model.JobListStub;
import io.drover.model.JobSummary;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.NomadJson;
import io.drover.model.launch.PeriodicLaunch;
import io.drover.model.node.Node;
import io.drover.model.scaling.JobScalingEvents;
import io.drover.model.scheduling.Evaluation;
import io.drover.state.ServerInfo;
import io.drover.state.StateReader;
import io.drover.state.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decoded reads of the state's tables over raw entries; shared by snapshots and transactions. */
final class TypedReads {
    private final KvRead kv;
    /** Where nodes decode through, or null to decode each one (a transaction's reads, which it changes). */
    private final DecodedNodes nodes;
    /** The jobs allocations were placed for, decoded once per view (many allocations share one). */
    private final Map<String, Job> allocJobs = new java.util.HashMap<>();

    TypedReads(KvRead kv) {
        this(kv, null);
    }

    TypedReads(KvRead kv, DecodedNodes nodes) {
        this.kv = kv;
        this.nodes = nodes;
    }

    long tableIndex(Table table) {
        byte[] v = kv.get(Cf.META, Schema.tableIndex(table));
        return v == null ? 0 : Keys.u64(v);
    }

    Optional<Job> job(String namespace, String jobId) {
        return decode(kv.get(Cf.JOBS, Schema.job(namespace, jobId)), Job.class);
    }

    List<Job> jobs(String namespace, String prefix) {
        byte[] scanPrefix = StateReader.ALL_NAMESPACES.equals(namespace)
                ? new byte[0]
                : Schema.jobsOfNamespace(namespace, prefix);
        List<Job> out = new ArrayList<>();
        for (KeyValue e : kv.scan(Cf.JOBS, scanPrefix)) {
            Job job = NomadJson.read(e.value(), Job.class);
            if (job.id.startsWith(prefix)) {
                out.add(job);
            }
        }
        return out;
    }

    /** Every job with a periodic block, in any namespace, found through PERIODIC_JOBS. */
    List<Job> periodicJobs() {
        List<Job> out = new ArrayList<>();
        for (KeyValue e : kv.scan(Cf.PERIODIC_JOBS, new byte[0])) {
            decode(kv.get(Cf.JOBS, e.key()), Job.class).ifPresent(out::add);
        }
        return out;
    }

    List<JobListStub> jobListStubs(String namespace, String prefix) {
        byte[] scanPrefix = StateReader.ALL_NAMESPACES.equals(namespace)
                ? new byte[0]
                : Schema.jobsOfNamespace(namespace, prefix);
        List<JobListStub> out = new ArrayList<>();
        for (KeyValue e : kv.scan(Cf.JOBS, scanPrefix)) {
            JobHeader job = NomadJson.read(e.value(), JobHeader.class);
            if (job.id.startsWith(prefix)) {
                out.add(JobListStub.of(job, jobSummary(job.namespace, job.id).orElse(null)));
            }
        }
        return out;
    }

    /** Newest first. */
    List<Job> jobVersions(String namespace, String jobId) {
        List<KeyValue> entries = kv.scan(Cf.JOB_VERSIONS, Schema.jobVersions(namespace, jobId));
        List<Job> out = new ArrayList<>(entries.size());
        for (int i = entries.size() - 1; i >= 0; i--) {
            out.add(NomadJson.read(entries.get(i).value(), Job.class));
        }
        return out;
    }

    Optional<Job> jobVersion(String namespace, String jobId, long version) {
        return decode(kv.get(Cf.JOB_VERSIONS, Schema.jobVersion(namespace, jobId, version)), Job.class);
    }

    Optional<JobSummary> jobSummary(String namespace, String jobId) {
        return decode(kv.get(Cf.JOB_SUMMARIES, Schema.job(namespace, jobId)), JobSummary.class);
    }

    Optional<PeriodicLaunch> periodicLaunch(String namespace, String jobId) {
        return decode(kv.get(Cf.PERIODIC_LAUNCHES, Schema.job(namespace, jobId)), PeriodicLaunch.class);
    }

    Optional<JobScalingEvents> scalingEvents(String namespace, String jobId) {
        return decode(kv.get(Cf.SCALING_EVENTS, Schema.job(namespace, jobId)), JobScalingEvents.class);
    }

    Optional<Evaluation> evaluation(String evalId) {
        return decode(kv.get(Cf.EVALS, Schema.eval(evalId)), Evaluation.class);
    }

    List<Evaluation> evaluations(String namespace, String prefix) {
        List<Evaluation> out = new ArrayList<>();
        for (KeyValue e : kv.scan(Cf.EVALS, Keys.utf8(prefix))) {
            Evaluation eval = NomadJson.read(e.value(), Evaluation.class);
            if (StateReader.ALL_NAMESPACES.equals(namespace) || namespace.equals(eval.namespace)) {
                out.add(eval);
            }
        }
        return out;
    }

    /** Sorted by CreateIndex, then ID. */
    List<Evaluation> evaluationsOfJob(String namespace, String jobId) {
        List<Evaluation> out = new ArrayList<>();
        for (KeyValue e : kv.scan(Cf.EVALS_BY_JOB, Schema.evalsOfJob(namespace, jobId))) {
            evaluation(Keys.lastPart(e.key())).ifPresent(out::add);
        }
        out.sort(Comparator.comparingLong((Evaluation e) -> e.createIndex == null ? 0 : e.createIndex)
                .thenComparing(e -> e.id));
        return out;
    }

    /** Eval ID → status of each of a job's evaluations, read from the index without decoding them. */
    Map<String, String> evaluationStatusesOfJob(String namespace, String jobId) {
        Map<String, String> out = new LinkedHashMap<>();
        for (KeyValue e : kv.scan(Cf.EVALS_BY_JOB, Schema.evalsOfJob(namespace, jobId))) {
            out.put(Keys.lastPart(e.key()), Keys.string(e.value()));
        }
        return out;
    }

    // --- nodes and allocations

    Optional<Node> node(String nodeId) {
        byte[] stored = kv.get(Cf.NODES, Schema.node(nodeId));
        return stored == null ? Optional.empty() : Optional.of(decodeNode(nodeId, stored));
    }

    List<Node> nodes(String prefix) {
        List<Node> out = new ArrayList<>();
        for (KeyValue e : kv.scan(Cf.NODES, Keys.utf8(prefix))) {
            out.add(decodeNode(Keys.string(e.key()), e.value()));
        }
        if (nodes != null && prefix.isEmpty()) {
            nodes.retainOnly(out.stream().map(n -> n.id).collect(java.util.stream.Collectors.toSet()));
        }
        return out;
    }

    private Node decodeNode(String nodeId, byte[] stored) {
        return nodes == null ? NomadJson.read(stored, Node.class) : nodes.decode(nodeId, stored);
    }

    /** An allocation with the job it was placed for attached. */
    Optional<Allocation> allocation(String allocId) {
        byte[] v = kv.get(Cf.ALLOCS, Schema.alloc(allocId));
        return v == null ? Optional.empty() : Optional.of(withJob(NomadJson.read(v, StoredAlloc.class)));
    }

    List<Allocation> allocations(String namespace, String prefix) {
        List<Allocation> out = new ArrayList<>();
        for (KeyValue e : kv.scan(Cf.ALLOCS, Keys.utf8(prefix))) {
            StoredAlloc s = NomadJson.read(e.value(), StoredAlloc.class);
            if (StateReader.ALL_NAMESPACES.equals(namespace) || namespace.equals(s.alloc.namespace)) {
                out.add(withJob(s));
            }
        }
        return out;
    }

    List<Allocation> allocations(Iterable<String> allocIds) {
        List<Allocation> out = new ArrayList<>();
        for (String id : allocIds) {
            allocation(id).ifPresent(out::add);
        }
        return out;
    }

    /** {@link #allocations(Iterable)} without task states and metrics (see {@link FitAllocs}). */
    List<Allocation> allocationsForFit(Iterable<String> allocIds) {
        List<Allocation> out = new ArrayList<>();
        for (String id : allocIds) {
            byte[] v = kv.get(Cf.ALLOCS, Schema.alloc(id));
            if (v != null) {
                out.add(withJob(FitAllocs.read(v)));
            }
        }
        return out;
    }

    private Allocation withJob(StoredAlloc s) {
        Allocation a = s.alloc;
        String key = a.namespace + '\0' + a.jobId + '\0' + s.jobCreateIndex + '\0' + s.jobModifyIndex;
        a.job = allocJobs.computeIfAbsent(key, k -> decode(kv.get(Cf.ALLOC_JOBS,
                Schema.allocJob(a.namespace, a.jobId, s.jobCreateIndex, s.jobModifyIndex)), Job.class).orElse(null));
        return a;
    }

    /** IDs of a job's allocations, with the job CreateIndex each was placed for. */
    Map<String, Long> allocIdsOfJob(String namespace, String jobId) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (KeyValue e : kv.scan(Cf.ALLOCS_BY_JOB, Schema.allocsOfJob(namespace, jobId))) {
            out.put(Keys.lastPart(e.key()), AllocIndexValue.createIndex(e.value()));
        }
        return out;
    }

    /** IDs of a job's allocations (any job CreateIndex), with whether each is terminal. */
    Map<String, Boolean> allocTerminalOfJob(String namespace, String jobId) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (KeyValue e : kv.scan(Cf.ALLOCS_BY_JOB, Schema.allocsOfJob(namespace, jobId))) {
            out.put(Keys.lastPart(e.key()), AllocIndexValue.terminal(e.value()));
        }
        return out;
    }

    /** IDs of the allocations on a node, with whether each is terminal. */
    Map<String, Boolean> allocIdsOfNode(String nodeId) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (KeyValue e : kv.scan(Cf.ALLOCS_BY_NODE, Schema.allocsOfNode(nodeId))) {
            out.put(Keys.lastPart(e.key()), AllocIndexValue.terminal(e.value()));
        }
        return out;
    }

    /** IDs of the allocations on a node, with the ModifyIndex of each ({@link Long#MAX_VALUE} if unknown). */
    Map<String, Long> allocModifyIndexesOfNode(String nodeId) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (KeyValue e : kv.scan(Cf.ALLOCS_BY_NODE, Schema.allocsOfNode(nodeId))) {
            out.put(Keys.lastPart(e.key()), AllocIndexValue.modifyIndex(e.value()));
        }
        return out;
    }

    List<String> allocIdsOfEval(String evalId) {
        List<String> out = new ArrayList<>();
        for (KeyValue e : kv.scan(Cf.ALLOCS_BY_EVAL, Schema.allocsOfEval(evalId))) {
            out.add(Keys.lastPart(e.key()));
        }
        return out;
    }

    Optional<ServerInfo> server(String serverId) {
        return decode(kv.get(Cf.SERVERS, Schema.server(serverId)), ServerRecord.class).map(ServerRecord::toInfo);
    }

    private static <T> Optional<T> decode(byte[] bytes, Class<T> type) {
        return bytes == null ? Optional.empty() : Optional.of(NomadJson.read(bytes, type));
    }
}
