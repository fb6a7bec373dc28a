package io.drover.model.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drover.model.Job;
import io.drover.model.canonical.JobCanonicalizer;
import io.drover.model.canonical.JobRegisterBody;
import io.drover.model.json.BodyDecodeException;
import io.drover.model.json.GoJsonDecoder;
import io.drover.model.json.NomadJson;
import io.drover.model.scheduling.DesiredUpdates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diffs a real Nomad 0.11.3 agent returned, reproduced byte for byte. */
class RecordedDiffTest {
    private static final ObjectMapper JSON = NomadJson.mapper();

    /** {@code reference/nomad-0.11.3/bodies/job_sleep_batch.json}: the job registered before 056. */
    private static final String SLEEP_BATCH_V0 = """
            {
              "Job": {
                "ID": "sleep-batch",
                "Name": "sleep-batch",
                "Type": "batch",
                "Datacenters": ["dc1"],
                "TaskGroups": [
                  {
                    "Name": "g",
                    "Count": 1,
                    "Tasks": [
                      {
                        "Name": "sleep",
                        "Driver": "raw_exec",
                        "Config": {
                          "command": "/bin/sleep",
                          "args": ["5"]
                        },
                        "Resources": { "CPU": 100, "MemoryMB": 32 }
                      }
                    ]
                  }
                ]
              }
            }
            """;

    /** {@code 056_job_plan_diff.txt}: the request body of {@code POST /v1/job/sleep-batch/plan}. */
    private static final String PLAN_REQUEST = "{\"Job\": {\"ID\": \"sleep-batch\", \"Name\": \"sleep-batch\", "
            + "\"Type\": \"batch\", \"Datacenters\": [\"dc1\"], \"TaskGroups\": [{\"Name\": \"g\", \"Count\": 1, "
            + "\"Tasks\": [{\"Name\": \"sleep\", \"Driver\": \"raw_exec\", \"Config\": {\"command\": \"/bin/sleep\", "
            + "\"args\": [\"6\"]}, \"Resources\": {\"CPU\": 100, \"MemoryMB\": 32}}]}]}, \"Diff\": true}";

    /** {@code 056_job_plan_diff.txt}: the response body, verbatim. */
    private static final String PLAN_RESPONSE = "{\"Annotations\":{\"DesiredTGUpdates\":{\"g\":{\"Ignore\":1,"
            + "\"Place\":1,\"Migrate\":0,\"Stop\":0,\"InPlaceUpdate\":0,\"DestructiveUpdate\":0,\"Canary\":0,"
            + "\"Preemptions\":0}},\"PreemptedAllocs\":null},\"FailedTGAllocs\":null,\"JobModifyIndex\":10,"
            + "\"CreatedEvals\":null,\"Diff\":{\"Type\":\"Edited\",\"ID\":\"sleep-batch\",\"Fields\":null,"
            + "\"Objects\":null,\"TaskGroups\":[{\"Type\":\"Edited\",\"Name\":\"g\",\"Fields\":null,\"Objects\":null,"
            + "\"Tasks\":[{\"Type\":\"Edited\",\"Name\":\"sleep\",\"Fields\":null,\"Objects\":[{\"Type\":\"Edited\","
            + "\"Name\":\"Config\",\"Fields\":[{\"Type\":\"Edited\",\"Name\":\"args[0]\",\"Old\":\"5\",\"New\":\"6\","
            + "\"Annotations\":null},{\"Type\":\"None\",\"Name\":\"command\",\"Old\":\"/bin/sleep\","
            + "\"New\":\"/bin/sleep\",\"Annotations\":null}],\"Objects\":null}],"
            + "\"Annotations\":[\"forces create/destroy update\"]}],\"Updates\":{\"create\":1,\"ignore\":1}}]},"
            + "\"NextPeriodicLaunch\":null,\"Warnings\":\"\",\"Index\":10}";

    @Test
    void planOfChangedArgsIsTheRecordedDiff() throws Exception {
        Job stored = canonical(SLEEP_BATCH_V0);
        Job submitted = canonical(PLAN_REQUEST);
        JsonNode recorded = JSON.readTree(PLAN_RESPONSE);

        JobDiff diff = JobDiffs.diff(stored, submitted, true);
        JobDiff annotated = PlanAnnotator.annotate(diff,
                Map.of("g", DesiredUpdates.none().withPlace(1).withIgnore(1)));

        assertThat(JSON.writeValueAsString(annotated)).isEqualTo(JSON.writeValueAsString(recorded.get("Diff")));
    }

    @Test
    void desiredUpdatesWriteAsTheRecordedAnnotations() throws Exception {
        JsonNode recorded = JSON.readTree(PLAN_RESPONSE).at("/Annotations/DesiredTGUpdates/g");

        DesiredUpdates updates = DesiredUpdates.none().withPlace(1).withIgnore(1);

        assertThat(JSON.writeValueAsString(updates)).isEqualTo(JSON.writeValueAsString(recorded));
        assertThat(JSON.treeToValue(recorded, DesiredUpdates.class)).isEqualTo(updates);
    }

    @Test
    void recordedDiffReadsBackToTheSameValue() throws Exception {
        JsonNode recorded = JSON.readTree(PLAN_RESPONSE).get("Diff");

        JobDiff parsed = JSON.treeToValue(recorded, JobDiff.class);

        assertThat(JSON.writeValueAsString(parsed)).isEqualTo(JSON.writeValueAsString(recorded));
    }

    /**
     * {@code 058_job_versions.txt} holds the two stored versions (args 5, then 6) that 056's plan
     * compared; the versions endpoint diffs them the same way, without annotations.
     */
    @Test
    void storedVersionsDiffLikeThePlanWithoutAnnotations() throws Exception {
        JsonNode versions = JSON.readTree(recordedResponse("058_job_versions.txt")).get("Versions");
        Job v1 = JSON.treeToValue(versions.get(0), Job.class);
        Job v0 = JSON.treeToValue(versions.get(1), Job.class);

        JobDiff diff = JobDiffs.diff(v0, v1, true);

        JsonNode expected = JSON.readTree(PLAN_RESPONSE).get("Diff").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected.at("/TaskGroups/0")).putNull("Updates");
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected.at("/TaskGroups/0/Tasks/0")).putNull("Annotations");
        assertThat(JSON.writeValueAsString(diff)).isEqualTo(JSON.writeValueAsString(expected));
    }

    /**
     * {@code 306_job_versions_diffs.txt}: four versions (a count and job meta change, new task
     * args, then priority, a group constraint, the group's update block and a task env): the
     * versions endpoint's Diffs, each version against the one before it, newest first.
     */
    @Test
    void versionDiffsOfTheRecordedVersionsAreTheRecordedDiffs() throws Exception {
        JsonNode recorded = JSON.readTree(recordedResponse("306_job_versions_diffs.txt"));
        List<Job> versions = new ArrayList<>();
        for (JsonNode v : recorded.get("Versions")) {
            versions.add(JSON.treeToValue(v, Job.class));
        }

        List<JobDiff> diffs = JobDiffs.versions(versions);

        assertThat(diffs).hasSize(3);
        assertThat(JSON.writeValueAsString(diffs)).isEqualTo(JSON.writeValueAsString(recorded.get("Diffs")));
    }

    @Test
    void aJobWithOneVersionHasNoVersionDiffs() throws Exception {
        JsonNode recorded = JSON.readTree(recordedResponse("302_job_versions_diffs_one_version.txt"));
        Job only = JSON.treeToValue(recorded.get("Versions").get(0), Job.class);

        assertThat(recorded.get("Diffs").isNull()).isTrue();
        assertThat(JobDiffs.versions(List.of(only))).isNull();
    }

    @Test
    void resubmittingTheStoredJobChangesNothing() throws Exception {
        Job stored = canonical(SLEEP_BATCH_V0);
        Job same = canonical(SLEEP_BATCH_V0);

        JobDiff diff = PlanAnnotator.annotate(JobDiffs.diff(stored, same, true),
                Map.of("g", DesiredUpdates.none().withIgnore(1)));

        assertThat(JSON.writeValueAsString(diff)).isEqualTo("{\"Type\":\"None\",\"ID\":\"sleep-batch\",\"Fields\":null,"
                + "\"Objects\":null,\"TaskGroups\":[{\"Type\":\"None\",\"Name\":\"g\",\"Fields\":null,\"Objects\":null,"
                + "\"Tasks\":[{\"Type\":\"None\",\"Name\":\"sleep\",\"Fields\":null,\"Objects\":null,"
                + "\"Annotations\":null}],\"Updates\":{\"ignore\":1}}]}");
    }

    private static Job canonical(String registerBody) throws BodyDecodeException {
        Job job = GoJsonDecoder.decode(registerBody.getBytes(StandardCharsets.UTF_8), JobRegisterBody.class).job;
        JobCanonicalizer.canonicalize(job);
        return job;
    }

    /** The response body of a recording in the test resources (headers, then the body, then a marker). */
    private static String recordedResponse(String name) throws IOException {
        try (InputStream in = RecordedDiffTest.class.getResourceAsStream("/nomad-0.11.3/" + name)) {
            assertThat(in).as("recording " + name).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int response = text.indexOf("=== RESPONSE ===\n");
            int bodyStart = text.indexOf("\n\n", response) + 2;
            int bodyEnd = text.indexOf("\n=== ", bodyStart);
            return text.substring(bodyStart, bodyEnd).trim();
        }
    }
}
