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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The typed reads and writes one log entry makes. Reads see the entry's own earlier writes.
 * Every write marks its table as changed at this entry's index; the store commits all of it,
 * the table indexes and the applied index in one batch.
 */
public final class StateTxn {
    private final WriteTxn raw;
    private final TypedReads reads;
    private final long index;
    private final long leaderTimeNanos;
    private final EnumSet<Table> touched = EnumSet.noneOf(Table.class);

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
    }

    // --- jobs

    public Optional<Job> job(String namespace, String jobId) {
        return reads.job(namespace, jobId);
    }

    public void putJob(Job job) {
        raw.put(Cf.JOBS, Schema.job(job.namespace, job.id), NomadJson.write(job));
        touch(Table.JOBS);
    }

    public void deleteJob(String namespace, String jobId) {
        raw.delete(Cf.JOBS, Schema.job(namespace, jobId));
        touch(Table.JOBS);
    }

    /** Newest first. */
    public List<Job> jobVersions(String namespace, String jobId) {
        return reads.jobVersions(namespace, jobId);
    }

    public Optional<Job> jobVersion(String namespace, String jobId, long version) {
        return reads.jobVersion(namespace, jobId, version);
    }

    public void putJobVersion(Job job) {
        raw.put(Cf.JOB_VERSIONS, Schema.jobVersion(job.namespace, job.id, job.version), NomadJson.write(job));
        touch(Table.JOB_VERSIONS);
    }

    public void deleteJobVersion(String namespace, String jobId, long version) {
        raw.delete(Cf.JOB_VERSIONS, Schema.jobVersion(namespace, jobId, version));
        touch(Table.JOB_VERSIONS);
    }

    // --- job summaries

    public Optional<JobSummary> jobSummary(String namespace, String jobId) {
        return reads.jobSummary(namespace, jobId);
    }

    public void putJobSummary(JobSummary summary) {
        raw.put(Cf.JOB_SUMMARIES, Schema.job(summary.namespace, summary.jobId), NomadJson.write(summary));
        touch(Table.JOB_SUMMARIES);
    }

    public void deleteJobSummary(String namespace, String jobId) {
        raw.delete(Cf.JOB_SUMMARIES, Schema.job(namespace, jobId));
        touch(Table.JOB_SUMMARIES);
    }

    // --- evaluations

    public Optional<Evaluation> evaluation(String evalId) {
        return reads.evaluation(evalId);
    }

    public void putEvaluation(Evaluation eval) {
        raw.put(Cf.EVALS, Schema.eval(eval.id), NomadJson.write(eval));
        raw.put(Cf.EVALS_BY_JOB, Schema.evalOfJob(eval.namespace, eval.jobId, eval.id), Keys.utf8(eval.status));
        touch(Table.EVALS);
    }

    /** Eval ID → status of each of a job's evaluations (exact job ID match), without decoding them. */
    public Map<String, String> evaluationStatusesOfJob(String namespace, String jobId) {
        return reads.evaluationStatusesOfJob(namespace, jobId);
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
