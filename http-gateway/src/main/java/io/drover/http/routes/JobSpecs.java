package io.drover.http.routes;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.http.core.Body;
import io.drover.http.core.GatewayRequest;
import io.drover.http.core.HttpError;
import io.drover.http.core.Reply;
import io.drover.jobspec.ApiJobJson;
import io.drover.jobspec.JobSpecException;
import io.drover.jobspec.JobSpecParser;
import io.drover.model.Job;
import io.drover.model.JobCanonicalizer;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/jobs/parse}: an HCL job file to its API JSON. No Raft write and no state:
 * any server answers it itself, as Nomad's agent does.
 */
final class JobSpecs {
    private JobSpecs() {
    }

    /** Nomad's JobsParseRequest. */
    public static final class ParseBody {
        @JsonProperty("JobHCL") public String jobHcl;
        @JsonProperty("Canonicalize") public Boolean canonicalize;
    }

    static CompletableFuture<Reply> parse(GatewayRequest request) {
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
        return CompletableFuture.completedFuture(Reply.json(200, Body.text(ApiJobJson.write(job, canonicalize))));
    }
}
