package io.drover.state.rocks;

import io.drover.model.Evaluation;
import io.drover.model.Job;
import io.drover.model.JobHeader;
import io.drover.model.JobListStub;
import io.drover.model.JobSummary;
import io.drover.model.NomadJson;
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

    TypedReads(KvRead kv) {
        this.kv = kv;
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

    Optional<ServerInfo> server(String serverId) {
        return decode(kv.get(Cf.SERVERS, Schema.server(serverId)), ServerRecord.class).map(ServerRecord::toInfo);
    }

    private static <T> Optional<T> decode(byte[] bytes, Class<T> type) {
        return bytes == null ? Optional.empty() : Optional.of(NomadJson.read(bytes, type));
    }
}
