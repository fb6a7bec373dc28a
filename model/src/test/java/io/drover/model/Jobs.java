package io.drover.model;

import io.drover.model.canonical.JobCanonicalizer;
import io.drover.model.canonical.JobRegisterBody;
import io.drover.model.json.BodyDecodeException;
import io.drover.model.json.GoJsonDecoder;
import java.nio.charset.StandardCharsets;

/** Test jobs, decoded from JSON bodies the way the HTTP API receives them. */
public final class Jobs {
    private Jobs() {
    }

    /** A valid batch job like the recorded sleep-batch: one group "g" with one raw_exec task "t". */
    public static Job batch() {
        return decode("{\"ID\": \"j\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"], \"TaskGroups\": [{\"Name\": \"g\","
                + " \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"raw_exec\", \"Config\": {\"command\": \"/bin/true\"},"
                + " \"Resources\": {\"CPU\": 100, \"MemoryMB\": 32}}]}]}");
    }

    /** A valid service job: one group "web" with one mock_driver task "srv". */
    public static Job service() {
        return decode("{\"ID\": \"s\", \"Type\": \"service\", \"Datacenters\": [\"dc1\"], \"TaskGroups\": [{\"Name\": \"web\","
                + " \"Tasks\": [{\"Name\": \"srv\", \"Driver\": \"mock_driver\", \"Config\": {\"run_for\": \"10m\"}}]}]}");
    }

    /** The job of a register body {@code {"Job": <json>}}. */
    public static Job decode(String jobJson) {
        try {
            return GoJsonDecoder.decode(("{\"Job\": " + jobJson + "}").getBytes(StandardCharsets.UTF_8),
                    JobRegisterBody.class).job;
        } catch (BodyDecodeException e) {
            throw new AssertionError("test job does not decode: " + e.getMessage(), e);
        }
    }

    public static Job canonical(String jobJson) {
        Job job = decode(jobJson);
        JobCanonicalizer.canonicalize(job);
        return job;
    }

    public static TaskGroup group(Job job) {
        return job.taskGroups.get(0);
    }

    public static Task task(Job job) {
        return job.taskGroups.get(0).tasks.get(0);
    }
}
