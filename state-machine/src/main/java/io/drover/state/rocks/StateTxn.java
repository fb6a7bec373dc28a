package io.drover.state.rocks;

import io.drover.model.Evaluation;
import io.drover.model.Job;
import io.drover.model.JobSummary;
import io.drover.model.NomadJson;
import io.drover.proto.raft.WriteResult;
import io.drover.state.ServerInfo;
import io.drover.state.Table;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The typed reads and writes one log entry makes. Reads see the entry's own earlier writes.
 * Every write marks its table as changed at this entry's index; the store commits all of it,
 * the table indexes and the applied index in one batch.
 *
 * <p>Objects are decoded once per entry and kept: a read returns the transaction's own instance,
 * so change one only to put it back (or copy it first).
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

    /** Where an object lives: its column family and its key (as text, for hashing). */
    private record Slot(Cf cf, String key) {
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

    public void putJob(Job job) {
        put(jobSlot(Cf.JOBS, job.namespace, job.id), Schema.job(job.namespace, job.id), job);
        touch(Table.JOBS);
    }

    /** Stores a job as the current one and as its version, encoding it once for both. */
    public void putJobAndVersion(Job job) {
        byte[] json = NomadJson.write(job);
        raw.put(Cf.JOBS, Schema.job(job.namespace, job.id), json);
        objects.put(jobSlot(Cf.JOBS, job.namespace, job.id), job);
        raw.put(Cf.JOB_VERSIONS, Schema.jobVersion(job.namespace, job.id, job.version), json);
        // The version is its own object: a later change to the current job must not reach it.
        objects.remove(versionSlot(job.namespace, job.id, job.version));
        touch(Table.JOBS);
        touch(Table.JOB_VERSIONS);
    }

    public void deleteJob(String namespace, String jobId) {
        delete(jobSlot(Cf.JOBS, namespace, jobId), Schema.job(namespace, jobId));
        touch(Table.JOBS);
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

    // --- evaluations

    public Optional<Evaluation> evaluation(String evalId) {
        return cached(new Slot(Cf.EVALS, evalId), () -> reads.evaluation(evalId));
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

    /**
     * Eval ID → status of each of a job's evaluations (exact job ID match), without decoding
     * them. Read once per entry and kept up to date by {@link #putEvaluation}; do not change it.
     */
    public Map<String, String> evaluationStatusesOfJob(String namespace, String jobId) {
        return evalStatuses.computeIfAbsent(jobSlot(Cf.EVALS_BY_JOB, namespace, jobId),
                s -> new java.util.LinkedHashMap<>(reads.evaluationStatusesOfJob(namespace, jobId)));
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
