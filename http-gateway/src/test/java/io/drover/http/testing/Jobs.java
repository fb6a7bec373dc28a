package io.drover.http.testing;

import io.drover.model.Job;
import io.drover.model.scheduling.Evaluation;
import io.drover.testkit.fixtures.JobBody;

/** Jobs and bodies as the recorded Nomad exchanges use them. */
public final class Jobs {
    private Jobs() {
    }

    /** The body of a register of a small valid batch job: one task "sleep" running {@code /bin/sleep 5}. */
    public static String registerBody(String id) {
        return sleepBatch(id).register();
    }

    /** A stored-looking batch job, canonicalized as a register would. */
    public static Job batch(String id) {
        return sleepBatch(id).canonical();
    }

    private static JobBody sleepBatch(String id) {
        return JobBody.batch(id).task("sleep").rawExec("/bin/sleep", "5");
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
