package io.drover.http.routes;

import io.drover.http.core.GatewayRequest;
import io.drover.http.core.HttpError;
import io.drover.http.core.Regions;
import io.drover.model.Job;
import io.drover.model.Namespaces;
import io.drover.model.canonical.JobCanonicalizer;
import io.drover.model.validate.InvalidJobException;
import io.drover.model.validate.JobMaxCount;
import io.drover.model.validate.JobValidator;
import io.drover.model.validate.MultiError;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a job from a request body into the job the servers would store, as Nomad's agent and its
 * register RPC do: region, defaults, register mutators, validation. A register and a plan share
 * it, so a job plans exactly as it would register, and both refuse it with the same 400s.
 */
final class SubmittedJobs {
    private static final String GLOBAL_REGION = "global";

    private SubmittedJobs() {
    }

    /**
     * Prepares {@code job} in place. The caller has checked that it has an ID.
     *
     * @param jobMaxCount the most instances the job may ask for (0: no limit), checked with the
     *     register's validation as Nomad's job validation hook checks it
     *
     * @throws HttpError 400 with Nomad's message for an invalid job, a namespace that does not
     *     exist or a region this agent cannot reach
     */
    static Job prepare(Job job, GatewayRequest request, String agentRegion, int jobMaxCount) {
        // As Nomad: ?region= overrides the job's region; none, or "global", means this agent's.
        String queryRegion = request.query("region");
        if (!queryRegion.isEmpty()) {
            job.region = queryRegion;
        }
        if (job.region == null || job.region.isEmpty() || job.region.equals(GLOBAL_REGION)) {
            job.region = agentRegion;
        }
        try {
            JobCanonicalizer.canonicalize(job);
        } catch (InvalidJobException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        List<String> errors = validate(job, jobMaxCount);
        if (!errors.isEmpty()) {
            throw HttpError.badRequest(MultiError.format(errors));
        }
        if (!Namespaces.exists(job.namespace)) {
            throw HttpError.badRequest(
                    "job \"" + job.id + "\" is in nonexistent namespace \"" + job.namespace + "\"");
        }
        Regions.check(job.region, agentRegion);
        return job;
    }

    /** A register's validation errors, the job's instance limit last as in Nomad. */
    static List<String> validate(Job job, int jobMaxCount) {
        List<String> errors = new ArrayList<>(JobValidator.validate(job));
        String tooMany = JobMaxCount.violation(job, jobMaxCount);
        if (tooMany != null) {
            errors.add(tooMany);
        }
        return errors;
    }
}
