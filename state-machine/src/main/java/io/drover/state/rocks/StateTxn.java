package io.drover.state.rocks;

import io.drover.model.Job;
import io.drover.model.JobSummary;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.NomadJson;
import io.drover.model.launch.PeriodicLaunch;
import io.drover.model.node.Node;
import io.drover.model.scaling.JobScalingEvents;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.WriteResult;
import io.drover.state.AppliedChanges;
import io.drover.state.ServerInfo;
import io.drover.state.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The typed reads and writes one log entry makes. Reads see the entry's own earlier writes.
 * Every write marks its table as changed at this entry's index; the store commits all of it,
 * the table indexes and the applied index in one batch.
 *
 * <p>Objects are decoded once per entry and kept: a read returns the transaction's own instance,
 * so change one only to put it back (or copy it first). An allocation's job is shared by every
 * allocation placed for the same job version: never change it.
 *
 * <p>Besides the data, the transaction gathers what the leader must hear about once the command
 * is applied ({@link #reportEvaluations}, {@link #reportCapacity}); refusing the command drops it.
 */
public final class StateTxn {
    private static final Object ABSENT = new Object();

    private final WriteTxn raw;
    private final TypedReads reads;
    private final long index;
    private final long leaderTimeNanos;
    private final EnumSet<Table> touched = EnumSet.noneOf(Table.class);
    private final Map<Slot, Object> objects = new HashMap<>();
    private final Map<Slot, Map<String, String>> evalStatuses = new HashMap<>();
    private final Map<Slot, Map<String, Boolean>> allocTerminalFlags = new HashMap<>();
    /** Alloc ID → the keys its secondary-index entries are stored under (learnt when read or put). */
    private final Map<String, AllocKeys> allocKeys = new HashMap<>();
    /** ALLOC_JOBS keys (as text) known to hold their job, so each job version is written once. */
    private final Set<String> allocJobsStored = new HashSet<>();
    private Long nodeCount;
    private final List<Evaluation> reportedEvals = new ArrayList<>();
    private final Set<String> capacityClasses = new LinkedHashSet<>();

    /** Where an object lives: its column family and its key (as text, for hashing). */
    private record Slot(Cf cf, String key) {
    }

    /** The parts of an allocation its secondary indexes are keyed by. */
    private record AllocKeys(String namespace, String jobId, String nodeId, String evalId) {
        static AllocKeys of(Allocation a) {
            return new AllocKeys(a.namespace, a.jobId, a.nodeId, a.evalId);
        }
    }

    StateTxn(WriteTxn raw, long index, long leaderTimeNanos) {
        this.raw = raw;
        this.reads = new TypedReads(raw);
        this.index = index;
        this.leaderTimeNanos = leaderTimeNanos;
    }

    /** The log index of the entry being applied: the Create/ModifyIndex of what it writes. */
    public long index() {
        return index;
    }

    /** The leader's clock when it built the entry; apply's only notion of "now". */
    public long leaderTimeNanos() {
        return leaderTimeNanos;
    }

    public void touch(Table table) {
        touched.add(table);
    }

    Set<Table> touched() {
        return Collections.unmodifiableSet(touched);
    }

    /** Drops every change made so far (e.g. when a command turns out to be refused). */
    public void discardChanges() {
        raw.discard();
        touched.clear();
        objects.clear();
        evalStatuses.clear();
        allocTerminalFlags.clear();
        allocKeys.clear();
        allocJobsStored.clear();
        nodeCount = null;
        reportedEvals.clear();
        capacityClasses.clear();
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> cached(Slot slot, java.util.function.Supplier<Optional<T>> load) {
        Object o = objects.get(slot);
        if (o == null) {
            Optional<T> loaded = load.get();
            objects.put(slot, loaded.isPresent() ? loaded.get() : ABSENT);
            return loaded;
        }
        return o == ABSENT ? Optional.empty() : Optional.of((T) o);
    }

    private void put(Slot slot, byte[] key, Object value) {
        raw.put(slot.cf(), key, NomadJson.write(value));
        objects.put(slot, value);
    }

    private void delete(Slot slot, byte[] key) {
        raw.delete(slot.cf(), key);
        objects.put(slot, ABSENT);
    }

    private static Slot jobSlot(Cf cf, String namespace, String jobId) {
        return new Slot(cf, namespace + '\0' + jobId);
    }

    // --- jobs

    public Optional<Job> job(String namespace, String jobId) {
        return cached(jobSlot(Cf.JOBS, namespace, jobId), () -> reads.job(namespace, jobId));
    }

    /**
     * The stored job's own fields (status, type, stop, periodic, parameterized, parent) without
     * its task groups: the transaction's instance if it has one, else a partial decode that is
     * not kept. Only to read; change and store the job from {@link #job}.
     */
    public Optional<Job> jobHead(String namespace, String jobId) {
        Object o = objects.get(jobSlot(Cf.JOBS, namespace, jobId));
        if (o != null) {
            return o == ABSENT ? Optional.empty() : Optional.of((Job) o);
        }
        byte[] stored = raw.get(Cf.JOBS, Schema.job(namespace, jobId));
        return stored == null ? Optional.empty() : Optional.of(SlimReads.jobHead(stored));
    }

    public void putJob(Job job) {
        put(jobSlot(Cf.JOBS, job.namespace, job.id), Schema.job(job.namespace, job.id), job);
        indexPeriodic(job);
        touch(Table.JOBS);
    }

    /** Stores a job as the current one and as its version, encoding it once for both. */
    public void putJobAndVersion(Job job) {
        byte[] json = NomadJson.write(job);
        raw.put(Cf.JOBS, Schema.job(job.namespace, job.id), json);
        objects.put(jobSlot(Cf.JOBS, job.namespace, job.id), job);
        indexPeriodic(job);
        raw.put(Cf.JOB_VERSIONS, Schema.jobVersion(job.namespace, job.id, job.version), json);
        // The version is its own object: a later change to the current job must not reach it.
        objects.remove(versionSlot(job.namespace, job.id, job.version));
        touch(Table.JOBS);
        touch(Table.JOB_VERSIONS);
    }

    public void deleteJob(String namespace, String jobId) {
        delete(jobSlot(Cf.JOBS, namespace, jobId), Schema.job(namespace, jobId));
        unindexPeriodic(Schema.job(namespace, jobId));
        touch(Table.JOBS);
    }

    /** Keeps PERIODIC_JOBS holding exactly the jobs with a periodic block. */
    private void indexPeriodic(Job job) {
        byte[] key = Schema.job(job.namespace, job.id);
        if (job.periodic != null) {
            raw.put(Cf.PERIODIC_JOBS, key, new byte[0]);
        } else {
            unindexPeriodic(key);
        }
    }

    private void unindexPeriodic(byte[] key) {
        // A point read (bloom-filtered) is cheaper than a tombstone for every non-periodic job write.
        if (raw.get(Cf.PERIODIC_JOBS, key) != null) {
            raw.delete(Cf.PERIODIC_JOBS, key);
        }
    }

    /**
     * The jobs of a namespace whose ID starts with {@code idPrefix}, this entry's writes included.
     * Fresh copies, not the transaction's instances: read them, never put them back.
     */
    public List<Job> jobsByIdPrefix(String namespace, String idPrefix) {
        return reads.jobs(namespace, idPrefix);
    }

    /** Newest first. */
    public List<Job> jobVersions(String namespace, String jobId) {
        return reads.jobVersions(namespace, jobId);
    }

    /** How many versions of a job are stored, without decoding them. */
    public int jobVersionCount(String namespace, String jobId) {
        return raw.scan(Cf.JOB_VERSIONS, Schema.jobVersions(namespace, jobId)).size();
    }

    public Optional<Job> jobVersion(String namespace, String jobId, long version) {
        return cached(versionSlot(namespace, jobId, version), () -> reads.jobVersion(namespace, jobId, version));
    }

    public void putJobVersion(Job job) {
        put(versionSlot(job.namespace, job.id, job.version), Schema.jobVersion(job.namespace, job.id, job.version), job);
        touch(Table.JOB_VERSIONS);
    }

    public void deleteJobVersion(String namespace, String jobId, long version) {
        delete(versionSlot(namespace, jobId, version), Schema.jobVersion(namespace, jobId, version));
        touch(Table.JOB_VERSIONS);
    }

    private static Slot versionSlot(String namespace, String jobId, long version) {
        return new Slot(Cf.JOB_VERSIONS, namespace + '\0' + jobId + '\0' + version);
    }

    // --- job summaries

    public Optional<JobSummary> jobSummary(String namespace, String jobId) {
        return cached(jobSlot(Cf.JOB_SUMMARIES, namespace, jobId), () -> reads.jobSummary(namespace, jobId));
    }

    public void putJobSummary(JobSummary summary) {
        put(jobSlot(Cf.JOB_SUMMARIES, summary.namespace, summary.jobId), Schema.job(summary.namespace, summary.jobId),
                summary);
        touch(Table.JOB_SUMMARIES);
    }

    public void deleteJobSummary(String namespace, String jobId) {
        delete(jobSlot(Cf.JOB_SUMMARIES, namespace, jobId), Schema.job(namespace, jobId));
        touch(Table.JOB_SUMMARIES);
    }

    // --- scaling events

    public Optional<JobScalingEvents> scalingEvents(String namespace, String jobId) {
        return cached(jobSlot(Cf.SCALING_EVENTS, namespace, jobId), () -> reads.scalingEvents(namespace, jobId));
    }

    public void putScalingEvents(JobScalingEvents events) {
        put(jobSlot(Cf.SCALING_EVENTS, events.namespace, events.jobId), Schema.job(events.namespace, events.jobId),
                events);
        touch(Table.SCALING_EVENT);
    }

    public void deleteScalingEvents(String namespace, String jobId) {
        delete(jobSlot(Cf.SCALING_EVENTS, namespace, jobId), Schema.job(namespace, jobId));
        touch(Table.SCALING_EVENT);
    }

    // --- periodic launches

    public Optional<PeriodicLaunch> periodicLaunch(String namespace, String jobId) {
        return cached(jobSlot(Cf.PERIODIC_LAUNCHES, namespace, jobId), () -> reads.periodicLaunch(namespace, jobId));
    }

    public void putPeriodicLaunch(PeriodicLaunch launch) {
        put(jobSlot(Cf.PERIODIC_LAUNCHES, launch.namespace, launch.id), Schema.job(launch.namespace, launch.id),
                launch);
        touch(Table.PERIODIC_LAUNCH);
    }

    public void deletePeriodicLaunch(String namespace, String jobId) {
        delete(jobSlot(Cf.PERIODIC_LAUNCHES, namespace, jobId), Schema.job(namespace, jobId));
        touch(Table.PERIODIC_LAUNCH);
    }

    // --- evaluations

    public Optional<Evaluation> evaluation(String evalId) {
        return cached(new Slot(Cf.EVALS, evalId), () -> reads.evaluation(evalId));
    }

    /** The CreateIndex of a stored evaluation, without decoding the rest of it. */
    public Optional<Long> evaluationCreateIndex(String evalId) {
        Object o = objects.get(new Slot(Cf.EVALS, evalId));
        if (o != null) {
            return o == ABSENT ? Optional.empty() : Optional.ofNullable(((Evaluation) o).createIndex);
        }
        byte[] stored = raw.get(Cf.EVALS, Schema.eval(evalId));
        return stored == null ? Optional.empty() : Optional.ofNullable(SlimReads.createIndex(stored));
    }

    public void putEvaluation(Evaluation eval) {
        put(new Slot(Cf.EVALS, eval.id), Schema.eval(eval.id), eval);
        raw.put(Cf.EVALS_BY_JOB, Schema.evalOfJob(eval.namespace, eval.jobId, eval.id), Keys.utf8(eval.status));
        Map<String, String> statuses = evalStatuses.get(jobSlot(Cf.EVALS_BY_JOB, eval.namespace, eval.jobId));
        if (statuses != null) {
            statuses.put(eval.id, eval.status);
        }
        touch(Table.EVALS);
    }

    /** Removes an evaluation and its by-job index entry (garbage collection); absent is a no-op. */
    public void deleteEvaluation(String evalId) {
        Optional<Evaluation> existing = evaluation(evalId);
        if (existing.isEmpty()) {
            return;
        }
        Evaluation eval = existing.get();
        delete(new Slot(Cf.EVALS, evalId), Schema.eval(evalId));
        raw.delete(Cf.EVALS_BY_JOB, Schema.evalOfJob(eval.namespace, eval.jobId, evalId));
        Map<String, String> statuses = evalStatuses.get(jobSlot(Cf.EVALS_BY_JOB, eval.namespace, eval.jobId));
        if (statuses != null) {
            statuses.remove(evalId);
        }
        touch(Table.EVALS);
    }

    /**
     * Eval ID → status of each of a job's evaluations (exact job ID match), without decoding
     * them. Read once per entry and kept up to date by {@link #putEvaluation}; do not change it.
     */
    public Map<String, String> evaluationStatusesOfJob(String namespace, String jobId) {
        return evalStatuses.computeIfAbsent(jobSlot(Cf.EVALS_BY_JOB, namespace, jobId),
                s -> new java.util.LinkedHashMap<>(reads.evaluationStatusesOfJob(namespace, jobId)));
    }

    // --- nodes

    public Optional<Node> node(String nodeId) {
        return cached(new Slot(Cf.NODES, nodeId), () -> reads.node(nodeId));
    }

    /** Stores a node (new or changed); a new one is counted in {@link #nodeCount()}. */
    public void putNode(Node node) {
        boolean isNew = node(node.id).isEmpty();
        put(new Slot(Cf.NODES, node.id), Schema.node(node.id), node);
        if (isNew) {
            nodeCount = (long) nodeCount() + 1;
            raw.put(Cf.META, Schema.NODE_COUNT, Keys.u64(nodeCount));
        }
        touch(Table.NODES);
    }

    /** Removes a node (garbage collection of a down node); absent is a no-op. */
    public void deleteNode(String nodeId) {
        if (node(nodeId).isEmpty()) {
            return;
        }
        delete(new Slot(Cf.NODES, nodeId), Schema.node(nodeId));
        nodeCount = (long) nodeCount() - 1;
        raw.put(Cf.META, Schema.NODE_COUNT, Keys.u64(nodeCount));
        touch(Table.NODES);
    }

    /** How many nodes are stored, this entry's writes included. */
    public int nodeCount() {
        if (nodeCount == null) {
            byte[] v = raw.get(Cf.META, Schema.NODE_COUNT);
            nodeCount = v == null ? 0 : Keys.u64(v);
        }
        return nodeCount.intValue();
    }

    // --- allocations

    /** An allocation with the job it was placed for attached (shared: do not change the job). */
    public Optional<Allocation> allocation(String allocId) {
        return cached(new Slot(Cf.ALLOCS, allocId), () -> {
            Optional<Allocation> stored = reads.allocation(allocId);
            stored.ifPresent(a -> allocKeys.put(allocId, AllocKeys.of(a)));
            return stored;
        });
    }

    /**
     * Stores an allocation (new or changed) with its job, which is kept once per job version,
     * and moves its entries in the by-job, by-node and by-eval indexes (an in-place update gives
     * an allocation a new evaluation). The index entries record whether it is terminal and its
     * ModifyIndex.
     */
    public void putAllocation(Allocation alloc) {
        Objects.requireNonNull(alloc.job, () -> "allocation " + alloc.id + " has no job");
        allocation(alloc.id);
        AllocKeys before = allocKeys.get(alloc.id);
        AllocKeys now = AllocKeys.of(alloc);
        StoredAlloc stored = StoredAlloc.of(alloc);
        raw.put(Cf.ALLOCS, Schema.alloc(alloc.id), NomadJson.write(stored));
        objects.put(new Slot(Cf.ALLOCS, alloc.id), alloc);
        storeAllocJob(alloc.job, stored);

        if (before != null && !before.equals(now)) {
            if (!before.namespace().equals(now.namespace()) || !before.jobId().equals(now.jobId())) {
                raw.delete(Cf.ALLOCS_BY_JOB, Schema.allocOfJob(before.namespace(), before.jobId(), alloc.id));
                Map<String, Boolean> flags = allocTerminalFlags.get(jobSlot(Cf.ALLOCS_BY_JOB, before.namespace(),
                        before.jobId()));
                if (flags != null) {
                    flags.remove(alloc.id);
                }
            }
            if (!before.nodeId().equals(now.nodeId())) {
                raw.delete(Cf.ALLOCS_BY_NODE, Schema.allocOfNode(before.nodeId(), alloc.id));
            }
            if (!before.evalId().equals(now.evalId())) {
                raw.delete(Cf.ALLOCS_BY_EVAL, Schema.allocOfEval(before.evalId(), alloc.id));
            }
        }
        byte[] indexValue = AllocIndexValue.encode(stored.jobCreateIndex, alloc.terminalStatus(),
                alloc.modifyIndex == null ? Long.MAX_VALUE : alloc.modifyIndex);
        raw.put(Cf.ALLOCS_BY_JOB, Schema.allocOfJob(alloc.namespace, alloc.jobId, alloc.id), indexValue);
        Map<String, Boolean> flags = allocTerminalFlags.get(jobSlot(Cf.ALLOCS_BY_JOB, alloc.namespace, alloc.jobId));
        if (flags != null) {
            flags.put(alloc.id, alloc.terminalStatus());
        }
        raw.put(Cf.ALLOCS_BY_NODE, Schema.allocOfNode(alloc.nodeId, alloc.id), indexValue);
        raw.put(Cf.ALLOCS_BY_EVAL, Schema.allocOfEval(alloc.evalId, alloc.id), new byte[0]);
        allocKeys.put(alloc.id, now);
        touch(Table.ALLOCS);
    }

    /**
     * Removes an allocation and its by-job, by-node and by-eval index entries (garbage
     * collection); absent is a no-op. The job it was placed for stays in ALLOC_JOBS, shared with
     * the job's other allocations.
     */
    public void deleteAllocation(String allocId) {
        if (allocation(allocId).isEmpty()) {
            return;
        }
        AllocKeys keys = allocKeys.get(allocId);
        raw.delete(Cf.ALLOCS, Schema.alloc(allocId));
        objects.put(new Slot(Cf.ALLOCS, allocId), ABSENT);
        raw.delete(Cf.ALLOCS_BY_JOB, Schema.allocOfJob(keys.namespace(), keys.jobId(), allocId));
        raw.delete(Cf.ALLOCS_BY_NODE, Schema.allocOfNode(keys.nodeId(), allocId));
        raw.delete(Cf.ALLOCS_BY_EVAL, Schema.allocOfEval(keys.evalId(), allocId));
        Map<String, Boolean> flags = allocTerminalFlags.get(jobSlot(Cf.ALLOCS_BY_JOB, keys.namespace(), keys.jobId()));
        if (flags != null) {
            flags.remove(allocId);
        }
        allocKeys.remove(allocId);
        touch(Table.ALLOCS);
    }

    private void storeAllocJob(Job job, StoredAlloc stored) {
        byte[] key = Schema.allocJob(stored.alloc.namespace, stored.alloc.jobId, stored.jobCreateIndex,
                stored.jobModifyIndex);
        String text = java.util.HexFormat.of().formatHex(key);
        if (allocJobsStored.add(text) && raw.get(Cf.ALLOC_JOBS, key) == null) {
            raw.put(Cf.ALLOC_JOBS, key, NomadJson.write(job));
        }
    }

    /**
     * Deletes the stored copies of a job (ALLOC_JOBS) that none of its remaining allocations was
     * placed for. Called once per job after garbage collection deleted some of its allocations;
     * it reads every remaining allocation of the job, so it is not for the hot path.
     */
    public void pruneAllocJobs(String namespace, String jobId) {
        java.util.HexFormat hex = java.util.HexFormat.of();
        Set<String> referenced = new HashSet<>();
        for (KeyValue e : raw.scan(Cf.ALLOCS_BY_JOB, Schema.allocsOfJob(namespace, jobId))) {
            byte[] value = raw.get(Cf.ALLOCS, Schema.alloc(Keys.lastPart(e.key())));
            if (value != null) {
                StoredAlloc s = NomadJson.read(value, StoredAlloc.class);
                referenced.add(hex.formatHex(Schema.allocJob(namespace, jobId, s.jobCreateIndex, s.jobModifyIndex)));
            }
        }
        for (KeyValue e : raw.scan(Cf.ALLOC_JOBS, Schema.allocsOfJob(namespace, jobId))) {
            String text = hex.formatHex(e.key());
            if (!referenced.contains(text)) {
                raw.delete(Cf.ALLOC_JOBS, e.key());
                allocJobsStored.remove(text);
            }
        }
    }

    /** A job's allocations, whatever job CreateIndex they were placed for. */
    public List<Allocation> allocationsOfJob(String namespace, String jobId) {
        return allocations(reads.allocIdsOfJob(namespace, jobId).keySet());
    }

    /** The allocations placed on a node. */
    public List<Allocation> allocationsOfNode(String nodeId) {
        return allocations(reads.allocIdsOfNode(nodeId).keySet());
    }

    /**
     * Alloc ID → whether it is terminal, for each of a job's allocations, without decoding them.
     * Scanned once per entry and kept up to date by {@link #putAllocation}: a batch of client
     * updates sets the job's status after each allocation, and a scan each time would make the
     * batch quadratic in the job's count. Do not change it.
     */
    public Map<String, Boolean> allocationTerminalFlagsOfJob(String namespace, String jobId) {
        return allocTerminalFlags.computeIfAbsent(jobSlot(Cf.ALLOCS_BY_JOB, namespace, jobId),
                s -> new java.util.TreeMap<>(reads.allocTerminalOfJob(namespace, jobId)));
    }

    private List<Allocation> allocations(Collection<String> ids) {
        List<Allocation> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            allocation(id).ifPresent(out::add);
        }
        return out;
    }

    // --- what the leader hears after the command

    /** The command stored these evaluations: the leader's broker and blocked-eval tracker need them. */
    public void reportEvaluations(Collection<Evaluation> evals) {
        reportedEvals.addAll(evals);
    }

    /** Capacity may have appeared on nodes of this computed class. */
    public void reportCapacity(String computedClass) {
        if (computedClass != null) {
            capacityClasses.add(computedClass);
        }
    }

    AppliedChanges changes() {
        return new AppliedChanges(index, reportedEvals, capacityClasses);
    }

    // --- servers

    public void putServer(ServerInfo server) {
        raw.put(Cf.SERVERS, Schema.server(server.id()), NomadJson.write(ServerRecord.of(server)));
        touch(Table.SERVERS);
    }

    // --- request deduplication

    /** The result of an earlier write with this request ID, if it is still remembered. */
    public Optional<WriteResult> requestResult(String requestId) {
        byte[] v = raw.get(Cf.REQUESTS, Schema.request(requestId));
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(WriteResult.parseFrom(v));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored result of request " + requestId + " does not decode", e);
        }
    }

    void rememberRequest(String requestId, WriteResult result) {
        raw.put(Cf.REQUESTS, Schema.request(requestId), result.toByteArray());
        raw.put(Cf.REQUEST_EXPIRY, Schema.requestExpiry(index, requestId), new byte[0]);
    }

    WriteTxn raw() {
        return raw;
    }
}
