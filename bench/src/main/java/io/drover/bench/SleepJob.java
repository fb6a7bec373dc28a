package io.drover.bench;

import io.drover.testkit.fixtures.JobBody;
import io.drover.testkit.http.Answer;
import io.drover.testkit.http.NomadClient;
import java.time.Duration;

/** The job the HTTP load tools register: a batch job of one raw_exec task sleeping 60 s. */
final class SleepJob {
    private SleepJob() {
    }

    static String body(String id) {
        return JobBody.batch(id).rawExec("/bin/sleep", "60").register();
    }

    /** Registers it with an Idempotency-Key of its own, so that a register the client retries is applied once. */
    static Answer register(NomadClient api, String id) {
        return api.register(body(id), "bench-" + id, Duration.ofSeconds(30));
    }
}
