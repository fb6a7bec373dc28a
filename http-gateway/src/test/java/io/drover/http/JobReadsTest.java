package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.http.testing.GatewayHarness;
import io.drover.http.testing.Jobs;
import io.drover.model.Job;
import io.drover.state.Table;
import io.drover.testkit.http.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The job reads, as a client of the leader sees them. */
class JobReadsTest {
    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void emptyListAnswersAnEmptyArrayAtIndexZero() {
        Answer a = h.get("/v1/jobs");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("[]");
        assertThat(a.header("Content-Type")).isEqualTo("application/json");
        assertThat(a.header("X-Nomad-Index")).isEqualTo("0");
        assertThat(a.header("X-Nomad-KnownLeader")).isEqualTo("true");
        assertThat(a.header("X-Nomad-LastContact")).isEqualTo("0");
        assertThat(a.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(a.header("Date")).isEqualTo("Sun, 22 Nov 2026 04:59:25 GMT");
    }

    @Test
    void listShowsStubsWithSummariesAtTheHighestOfJobsAndSummaries() {
        h.store.upsertJob(Jobs.batch("sleep-batch"));
        h.store.upsertJob(Jobs.batch("mock-batch"));
        long summaryIndex = h.store.touch(Table.JOB_SUMMARIES);

        Answer a = h.get("/v1/jobs");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.index()).isEqualTo(summaryIndex);
        JsonNode list = a.json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("ID").asText()).isEqualTo("mock-batch");
        assertThat(list.get(1).get("ID").asText()).isEqualTo("sleep-batch");
        assertThat(list.get(1).get("JobSummary").get("JobID").asText()).isEqualTo("sleep-batch");
        assertThat(list.get(1).get("Type").asText()).isEqualTo("batch");
        assertThat(list.get(1).get("Priority").asInt()).isEqualTo(50);
    }

    @Test
    void listFiltersByPrefixAndNamespace() {
        h.store.upsertJob(Jobs.batch("sleep-batch"));
        h.store.upsertJob(Jobs.batch("mock-batch"));

        assertThat(h.get("/v1/jobs?prefix=mock").json()).extracting(j -> j.get("ID").asText())
                .containsExactly("mock-batch");
        Answer other = h.get("/v1/jobs?namespace=other");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body()).isEqualTo("[]");
        assertThat(h.get("/v1/jobs?namespace=*").json()).hasSize(2);
    }

    @Test
    void oneJobAnswersAtItsModifyIndex() {
        long index = h.store.upsertJob(Jobs.batch("sleep-batch"));
        h.store.upsertJob(Jobs.batch("other"));

        Answer a = h.get("/v1/job/sleep-batch");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.index()).isEqualTo(index);
        assertThat(a.json().get("ID").asText()).isEqualTo("sleep-batch");
        assertThat(a.json().get("ModifyIndex").asLong()).isEqualTo(index);
        assertThat(a.json().has("Stop")).isTrue();
    }

    @Test
    void unknownJobIs404AtTheJobsTableIndexWithMetaHeaders() {
        long index = h.store.upsertJob(Jobs.batch("sleep-batch"));
        h.store.touch(Table.EVALS);

        Answer a = h.get("/v1/job/no-such-job");

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body()).isEqualTo("job not found");
        assertThat(a.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(a.index()).isEqualTo(index);
        assertThat(a.header("X-Nomad-KnownLeader")).isEqualTo("true");
    }

    @Test
    void anUnknownSuffixIsPartOfTheJobIdAndTheEmptyIdIsAJobToo() {
        h.store.upsertJob(Jobs.batch("sleep-batch"));

        Answer suffix = h.get("/v1/job/sleep-batch/bogus");
        Answer empty = h.get("/v1/job/");

        assertThat(suffix.status()).isEqualTo(404);
        assertThat(suffix.body()).isEqualTo("job not found");
        assertThat(empty.status()).isEqualTo(404);
        assertThat(empty.body()).isEqualTo("job not found");
        assertThat(empty.header("X-Nomad-Index")).isNotNull();
    }

    @Test
    void aJobIdMayHoldSlashesAndEscapes() {
        Job job = Jobs.batch("team/web");
        long index = h.store.upsertJob(job);

        assertThat(h.get("/v1/job/team/web").index()).isEqualTo(index);
        assertThat(h.get("/v1/job/team%2Fweb/summary").status()).isEqualTo(200);
    }

    @Test
    void versionsAnswerAnObjectNewestFirstWithMetaInTheBody() {
        h.store.upsertJob(Jobs.batch("sleep-batch"));
        Job v1 = Jobs.batch("sleep-batch");
        v1.priority = 60;
        long latest = h.store.upsertJob(v1);

        Answer a = h.get("/v1/job/sleep-batch/versions");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.index()).isEqualTo(latest);
        JsonNode body = a.json();
        assertThat(body.get("Versions")).extracting(v -> v.get("Version").asLong()).containsExactly(1L, 0L);
        assertThat(body.get("Diffs").isNull()).isTrue();
        assertThat(body.get("Index").asLong()).isEqualTo(latest);
        assertThat(body.get("LastContact").asLong()).isZero();
        assertThat(body.get("KnownLeader").asBoolean()).isTrue();
        assertThat(a.body()).startsWith("{\"Versions\":[").contains("],\"Diffs\":null,\"Index\":" + latest
                + ",\"LastContact\":0,\"KnownLeader\":true}");
    }

    @Test
    void versionsWithDiffsAnswerEachVersionAgainstTheOneBeforeItNewestFirst() {
        h.store.upsertJob(Jobs.batch("sleep-batch"));
        Job v1 = Jobs.batch("sleep-batch");
        v1.priority = 60;
        h.store.upsertJob(v1);
        Job v2 = Jobs.batch("sleep-batch");
        v2.priority = 60;
        v2.taskGroups.get(0).count = 2;
        h.store.upsertJob(v2);

        Answer a = h.get("/v1/job/sleep-batch/versions?diffs=true");

        assertThat(a.status()).isEqualTo(200);
        JsonNode diffs = a.json().get("Diffs");
        assertThat(diffs).hasSize(2);
        assertThat(diffs.get(0).toString()).isEqualTo("{\"Type\":\"Edited\",\"ID\":\"sleep-batch\",\"Fields\":null,"
                + "\"Objects\":null,\"TaskGroups\":[{\"Type\":\"Edited\",\"Name\":\"g\",\"Fields\":[{\"Type\":\"Edited\","
                + "\"Name\":\"Count\",\"Old\":\"1\",\"New\":\"2\",\"Annotations\":null}],\"Objects\":null,"
                + "\"Tasks\":[{\"Type\":\"None\",\"Name\":\"sleep\",\"Fields\":null,\"Objects\":null,"
                + "\"Annotations\":null}],\"Updates\":null}]}");
        assertThat(diffs.get(1).get("Fields").toString()).isEqualTo("[{\"Type\":\"Edited\",\"Name\":\"Priority\","
                + "\"Old\":\"50\",\"New\":\"60\",\"Annotations\":null}]");
        assertThat(h.get("/v1/job/sleep-batch/versions?diffs=false").json().get("Diffs").isNull()).isTrue();
    }

    @Test
    void aSingleVersionHasNullDiffs() {
        h.store.upsertJob(Jobs.batch("sleep-batch"));

        Answer a = h.get("/v1/job/sleep-batch/versions?diffs=true");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).contains(",\"Diffs\":null,");
    }

    @Test
    void versionsOfAnUnknownJobAre404AtTheVersionsTableIndex() {
        long index = h.store.upsertJob(Jobs.batch("sleep-batch"));

        Answer a = h.get("/v1/job/no-such-job/versions");

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body()).isEqualTo("job versions not found");
        assertThat(a.index()).isEqualTo(index);
    }

    @Test
    void versionsRefuseADiffsFlagThatIsNotABoolean() {
        Answer a = h.get("/v1/job/x/versions?diffs=maybe");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).isEqualTo("Failed to parse value of \"diffs\" (maybe) as a bool: "
                + "strconv.ParseBool: parsing \"maybe\": invalid syntax");
    }

    @Test
    void summaryAnswersAtItsModifyIndexOr404AtTheSummariesIndex() {
        long index = h.store.upsertJob(Jobs.batch("sleep-batch"));
        h.store.touch(Table.JOBS);

        Answer found = h.get("/v1/job/sleep-batch/summary");
        Answer missing = h.get("/v1/job/no-such-job/summary");

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.index()).isEqualTo(index);
        assertThat(found.body()).isEqualTo("{\"JobID\":\"sleep-batch\",\"Namespace\":\"default\",\"Summary\":"
                + "{\"g\":{\"Queued\":0,\"Complete\":0,\"Failed\":0,\"Running\":0,\"Starting\":0,\"Lost\":0}},"
                + "\"Children\":{\"Pending\":0,\"Running\":0,\"Dead\":0},\"CreateIndex\":" + index
                + ",\"ModifyIndex\":" + index + "}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("job not found");
        assertThat(missing.index()).isEqualTo(index);
    }

    @Test
    void evaluationsOfAJobAnswerAtTheEvalsTableIndex() {
        h.store.upsertJob(Jobs.batch("sleep-batch"));
        h.store.upsertEval(Jobs.eval("6fa66e67-3736-32e4-c842-f4c4f2c1b91e", "sleep-batch"));
        long index = h.store.upsertEval(Jobs.eval("aaaa6e67-3736-32e4-c842-f4c4f2c1b91e", "other"));

        Answer a = h.get("/v1/job/sleep-batch/evaluations");
        Answer unknown = h.get("/v1/job/no-such-job/evaluations");

        assertThat(a.index()).isEqualTo(index);
        assertThat(a.json()).extracting(e -> e.get("ID").asText())
                .containsExactly("6fa66e67-3736-32e4-c842-f4c4f2c1b91e");
        assertThat(a.json().get(0).has("NodeID")).as("empty fields are omitted").isFalse();
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo("[]");
        assertThat(unknown.index()).isEqualTo(index);
    }

    @Test
    void allocationsAndDeploymentsAreEmptyAtTheirTablesIndexes() {
        long allocs = h.store.touch(Table.ALLOCS);
        long deployments = h.store.touch(Table.DEPLOYMENTS);

        Answer allocations = h.get("/v1/job/sleep-batch/allocations?all=true");
        Answer list = h.get("/v1/job/sleep-batch/deployments");
        Answer latest = h.get("/v1/job/sleep-batch/deployment");

        assertThat(allocations.body()).isEqualTo("[]");
        assertThat(allocations.index()).isEqualTo(allocs);
        assertThat(list.body()).isEqualTo("[]");
        assertThat(list.index()).isEqualTo(deployments);
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.body()).isEqualTo("null");
        assertThat(latest.header("Content-Type")).isEqualTo("application/json");
        assertThat(latest.index()).isEqualTo(deployments);
    }

    @Test
    void readsForAnotherRegionHaveNoPath() {
        Answer a = h.get("/v1/jobs?region=nope");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).isEqualTo("No path to region");
        assertThat(h.get("/v1/jobs?region=global").status()).isEqualTo(200);
    }
}
