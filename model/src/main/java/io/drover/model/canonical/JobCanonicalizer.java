package io.drover.model.canonical;

import io.drover.model.Job;
import io.drover.model.UpdateStrategy;
import io.drover.model.json.GoZeroValues;

/**
 * Fills a submitted job with Nomad's defaults, exactly as Nomad 0.11.3 prepares a job between the
 * body of {@code POST /v1/jobs} and its state store: the API client's {@code Canonicalize}
 * ({@link ApiCanonicalizer}), the HTTP agent's conversion to the server struct
 * ({@link ApiToStructConversion}), Go's zero values for what the conversion leaves unset
 * ({@link GoZeroValues}), the struct's own {@code Canonicalize} ({@link StructCanonicalizer}) and
 * the register RPC's mutators (Connect sidecars, exposed checks, implied constraints).
 *
 * <p>After it, serializing the job gives what Nomad stores, apart from the fields the state
 * store sets (Status, Version, SubmitTime, indexes, scaling policy IDs).
 */
public final class JobCanonicalizer {
    private JobCanonicalizer() {
    }

    /** Canonicalizes a decoded register body's job in place, on an agent in region {@code global}. */
    public static void canonicalize(Job job) {
        canonicalize(job, Job.GLOBAL_REGION);
    }

    /**
     * Canonicalizes a decoded register body's job in place. As Nomad's agent does, a job without
     * a region, or in region {@code global}, is placed in the agent's region.
     *
     * @throws InvalidJobException when a register mutator refuses the job, with Nomad's message
     */
    public static void canonicalize(Job job, String agentRegion) {
        GoZeroValues.makeMutable(job);
        if (job.region == null || job.region.isEmpty() || Job.GLOBAL_REGION.equals(job.region)) {
            job.region = agentRegion;
        }
        ApiCanonicalizer.canonicalize(job);
        ApiToStructConversion.convert(job);
        GoZeroValues.fill(job);
        canonicalizeForRegister(job);
    }

    /**
     * Only the API client's defaults ({@code api.Job.Canonicalize}), as {@code POST /v1/jobs/parse}
     * with {@code Canonicalize} answers: the job stays in the API's shape (no server-side fields,
     * no conversion to the server struct).
     */
    public static void canonicalizeApi(Job job) {
        ApiCanonicalizer.canonicalize(job);
        // The API client's Canonicalize also zeroes the fields the state store owns.
        job.status = job.status == null ? "" : job.status;
        job.statusDescription = job.statusDescription == null ? "" : job.statusDescription;
        job.stable = job.stable != null && job.stable;
        job.version = job.version == null ? 0L : job.version;
        job.createIndex = job.createIndex == null ? 0L : job.createIndex;
        job.modifyIndex = job.modifyIndex == null ? 0L : job.modifyIndex;
        job.jobModifyIndex = job.jobModifyIndex == null ? 0L : job.jobModifyIndex;
    }

    /**
     * What the register RPC alone does to a job that is already in the server's form (a revert
     * to an older version, for instance): the struct's Canonicalize and the register mutators.
     *
     * @throws InvalidJobException when a register mutator refuses the job, with Nomad's message
     */
    public static void canonicalizeForRegister(Job job) {
        GoZeroValues.makeMutable(job);
        GoZeroValues.fill(job);
        if (job.update == null) {
            // A Go value, never nil in the server struct.
            job.update = new UpdateStrategy();
            GoZeroValues.fill(job.update);
        }
        StructCanonicalizer.canonicalize(job);
        ConnectSidecarHook.apply(job);
        ExposeCheckHook.apply(job);
        ImpliedConstraints.apply(job);
        GoZeroValues.fill(job);
    }
}
