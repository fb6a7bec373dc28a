package io.drover.http.routes;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.drover.http.Cluster;
import io.drover.http.core.Body;
import io.drover.http.core.GatewayRequest;
import io.drover.http.core.HttpError;
import io.drover.http.core.Json;
import io.drover.http.core.Reply;
import io.drover.http.query.QueryOptions;
import io.drover.jobspec.ApiJobJson;
import io.drover.jobspec.JobSpecException;
import io.drover.jobspec.JobSpecParser;
import io.drover.model.Job;
import io.drover.model.canonical.JobCanonicalizer;
import io.drover.model.json.GoStruct;
import io.drover.model.validate.InvalidJobException;
import io.drover.model.validate.JobWarnings;
import io.drover.model.validate.MultiError;
import java.util.List;
import java.util.Objects;

/**
 * {@code POST /v1/jobs/parse} (an HCL job file to its API JSON) and {@code POST /v1/validate/job}
 * (what a register would say of a job, without registering it). Neither writes through Raft nor
 * reads state: any server answers them itself.
 */
final class JobSpecRoutes {
    private final Cluster cluster;
    private final int jobMaxCount;

    JobSpecRoutes(Cluster cluster, int jobMaxCount) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.jobMaxCount = jobMaxCount;
    }

    /** Nomad's JobsParseRequest. */
    @GoStruct("JobsParseRequest")
    public static final class ParseBody {
        @JsonProperty("JobHCL") public String jobHcl;
        @JsonProperty("Canonicalize") public Boolean canonicalize;
    }

    /** Nomad's JobValidateRequest: the API job, and a Region promoted from the WriteRequest. */
    @GoStruct("JobValidateRequest")
    public static final class ValidateBody {
        @JsonProperty("Job") public Job job;
        @JsonProperty("Region") public String region;
    }

    /** Nomad's JobValidateResponse, fields in Go's order. */
    @JsonPropertyOrder({"DriverConfigValidated", "ValidationErrors", "Error", "Warnings"})
    public record ValidateResponse(
            @JsonProperty("DriverConfigValidated") boolean driverConfigValidated,
            @JsonProperty("ValidationErrors") List<String> validationErrors,
            @JsonProperty("Error") String error,
            @JsonProperty("Warnings") String warnings) {
    }

    Reply parse(GatewayRequest request) {
        ParseBody body = RequestBodies.decode(request, ParseBody.class);
        if (body.jobHcl == null || body.jobHcl.isEmpty()) {
            throw HttpError.badRequest("Job spec is empty");
        }
        Job job;
        try {
            job = JobSpecParser.parse(body.jobHcl);
        } catch (JobSpecException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        boolean canonicalize = Boolean.TRUE.equals(body.canonicalize);
        if (canonicalize) {
            JobCanonicalizer.canonicalizeApi(job);
        }
        return Reply.json(200, Body.text(ApiJobJson.write(job)));
    }

    /**
     * Canonicalizes the job as a register would and reports the register validators' verdict in
     * the body, with 200 either way: only a missing job or an undecodable body is a 400.
     */
    Reply validate(GatewayRequest request) {
        ValidateBody body = RequestBodies.decode(request, ValidateBody.class);
        if (body.job == null) {
            throw HttpError.badRequest("Job must be specified");
        }
        Job job = body.job;
        String region = request.query("region");
        if (region.isEmpty() && body.region != null) {
            region = body.region;
        }
        if (!region.isEmpty()) {
            job.region = region;
        }
        try {
            JobCanonicalizer.canonicalize(job, cluster.agent().region());
        } catch (InvalidJobException e) {
            // A register mutator's refusal is the RPC's error, not a validation result.
            throw new HttpError(500, e.getMessage());
        }
        List<String> errors = SubmittedJobs.validate(job, jobMaxCount);
        ValidateResponse response = new ValidateResponse(true,
                errors.isEmpty() ? null : errors,
                errors.isEmpty() ? "" : MultiError.format(errors),
                JobWarnings.format(job));
        return Reply.json(200, Json.render(response, QueryOptions.pretty(request)));
    }
}
