package io.drover.http.testing;

import io.drover.model.Job;
import io.drover.model.canonical.JobCanonicalizer;
import io.drover.model.canonical.JobRegisterBody;
import io.drover.model.json.NomadJson;
import io.drover.model.scheduling.Evaluation;
import java.nio.charset.StandardCharsets;

/** Jobs and bodies as the recorded Nomad exchanges use them. */
public final class Jobs {
    private Jobs() {
    }

    /** The body of a register of a small valid batch job. */
    public static String registerBody(String id) {
        return "{\"Job\": {\"ID\": \"" + id + "\", \"Name\": \"" + id + "\", \"Type\": \"batch\", "
                + "\"Datacenters\": [\"dc1\"], \"TaskGroups\": [{\"Name\": \"g\", \"Count\": 1, \"Tasks\": "
                + "[{\"Name\": \"sleep\", \"Driver\": \"raw_exec\", \"Config\": {\"command\": \"/bin/sleep\", "
                + "\"args\": [\"5\"]}, \"Resources\": {\"CPU\": 100, \"MemoryMB\": 32}}]}]}}";
    }

    /** A stored-looking batch job, canonicalized as a register would. */
    public static Job batch(String id) {
        String json = registerBody(id);
        Job job = NomadJson.read(json.getBytes(StandardCharsets.UTF_8), JobRegisterBody.class).job;
        JobCanonicalizer.canonicalize(job);
        return job;
    }

    public static Evaluation eval(String id, String jobId) {
        Evaluation e = new Evaluation();
        e.id = id;
        e.namespace = "default";
        e.priority = 50;
        e.type = Job.TYPE_BATCH;
        e.triggeredBy = Evaluation.TRIGGER_JOB_REGISTER;
        e.jobId = jobId;
        e.status = Evaluation.STATUS_PENDING;
        return e;
    }
}
