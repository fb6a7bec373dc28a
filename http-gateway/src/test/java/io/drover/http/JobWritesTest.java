package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.drover.http.testing.GatewayHarness;
import io.drover.http.testing.Jobs;
import io.drover.model.Job;
import io.drover.model.canonical.JobRegisterBody;
import io.drover.model.json.BodyDecodeException;
import io.drover.model.json.GoJsonDecoder;
import io.drover.model.json.NomadJson;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.WriteRequest;
import io.drover.testkit.http.Answer;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The job writes: what the gateway refuses itself, what it submits, and how results read. */
class JobWritesTest {
    private static final String REGISTERED = "{\"EvalID\":\"6fa66e67-3736-32e4-c842-f4c4f2c1b91e\","
            + "\"EvalCreateIndex\":11,\"JobModifyIndex\":10,\"Warnings\":\"\",\"Index\":11,\"LastContact\":0,"
            + "\"KnownLeader\":false}";

    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void registerSubmitsTheCanonicalJobAndAnswersAsNomad() {
        Answer a = h.post("/v1/jobs", Jobs.registerBody("sleep-batch"));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo(REGISTERED);
        assertThat(a.header("Content-Type")).isEqualTo("application/json");
        assertThat(a.header("X-Nomad-Index")).isEqualTo("11");
        assertThat(a.header("X-Nomad-KnownLeader")).isNull();
        WriteRequest write = h.cluster.lastWrite();
        assertThat(write.getOpCase()).isEqualTo(WriteRequest.OpCase.JOB_REGISTER);
        assertThat(UUID.fromString(write.getRequestId()).version()).isEqualTo(4);
        Job job = NomadJson.read(write.getJobRegister().getJobJson().toByteArray(), Job.class);
        assertThat(job.id).isEqualTo("sleep-batch");
        assertThat(job.namespace).isEqualTo("default");
        assertThat(job.region).isEqualTo("global");
        assertThat(job.priority).isEqualTo(50);
        assertThat(write.getJobRegister().getEnforceIndex()).isFalse();
    }

    @Test
    void aRegisterThatCreatedNoEvaluationAnswersIndexZeroAsNomadsRegisterLeavesIt() {
        // A periodic or parameterized job: the leader wrote the job at 12 and no evaluation.
        h.cluster.answerWrites(WriteResult.newBuilder().setIndex(12).setJobModifyIndex(12).build());

        for (Answer a : new Answer[] {h.post("/v1/jobs", Jobs.registerBody("nightly")),
                h.post("/v1/job/nightly/revert", "{\"JobID\": \"nightly\", \"JobVersion\": 0}")}) {
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body()).isEqualTo("{\"EvalID\":\"\",\"EvalCreateIndex\":0,\"JobModifyIndex\":12,"
                    + "\"Warnings\":\"\",\"Index\":0,\"LastContact\":0,\"KnownLeader\":false}");
            assertThat(a.header("X-Nomad-Index")).isEqualTo("0");
        }
        Answer stop = h.send("DELETE", "/v1/job/nightly", null);
        assertThat(stop.body()).isEqualTo("{\"EvalID\":\"\",\"EvalCreateIndex\":0,\"JobModifyIndex\":12,"
                + "\"VolumeEvalID\":\"\",\"VolumeEvalIndex\":0,\"Index\":0,\"LastContact\":0,\"KnownLeader\":false}");
        assertThat(stop.header("X-Nomad-Index")).isEqualTo("0");
    }

    @Test
    void putRegistersLikePostAndTheJobPathChecksTheId() {
        assertThat(h.send("PUT", "/v1/jobs", Jobs.registerBody("a")).status()).isEqualTo(200);
        assertThat(h.send("PUT", "/v1/job/a", Jobs.registerBody("a")).status()).isEqualTo(200);
        assertThat(h.post("/v1/job/a", Jobs.registerBody("a")).status()).isEqualTo(200);

        Answer mismatch = h.post("/v1/job/sleep-batch", Jobs.registerBody("other-id"));

        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body()).isEqualTo("Job ID does not match name");
        assertThat(mismatch.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(h.cluster.writes).hasSize(3);
    }

    @Test
    void checkAndSetFieldsAndTheIdempotencyKeyReachTheWrite() {
        String body = Jobs.registerBody("sleep-batch");
        body = body.substring(0, body.length() - 1) + ", \"EnforceIndex\": true, \"JobModifyIndex\": 7}";

        h.send(h.request("/v1/jobs").header("Idempotency-Key", "retry-me-1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());

        WriteRequest write = h.cluster.lastWrite();
        assertThat(write.getRequestId()).isEqualTo("retry-me-1");
        assertThat(write.getJobRegister().getEnforceIndex()).isTrue();
        assertThat(write.getJobRegister().getJobModifyIndex()).isEqualTo(7);
    }

    @Test
    void keysMatchCaseInsensitivelyAndContentTypeIsIgnored() {
        // Reference 054: every key in the wrong case, and no JSON content type.
        String body = "{\"job\": {\"iD\": \"lower-keys\", \"type\": \"batch\", \"datacenters\": [\"dc1\"], "
                + "\"taskGroups\": [{\"name\": \"g\", \"count\": 1, \"tasks\": [{\"name\": \"sleep\", "
                + "\"driver\": \"raw_exec\", \"config\": {\"command\": \"/bin/sleep\"}, "
                + "\"resources\": {\"cPU\": 100, \"memoryMB\": 32}}]}]}}";

        Answer a = h.send(h.request("/v1/jobs").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(a.status()).isEqualTo(200);
    }

    @Test
    void emptyBodyIsEof() {
        Answer a = h.post("/v1/jobs", "");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).isEqualTo("EOF");
        assertThat(h.cluster.writes).isEmpty();
    }

    @Test
    void malformedJsonAnswersTheDecodersMessage() {
        String malformed = "{\"Job\": {\"ID\": \"x\", ";
        BodyDecodeException expected = catchThrowableOfType(BodyDecodeException.class,
                () -> GoJsonDecoder.decode(malformed.getBytes(StandardCharsets.UTF_8), JobRegisterBody.class));

        Answer a = h.post("/v1/jobs", malformed);

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).isEqualTo(expected.getMessage()).doesNotContain("\tat ");
        assertThat(a.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void aBodyWithoutJobOrWithoutIdIsRefused() {
        Answer noJob = h.post("/v1/jobs", "{}\n");
        Answer hcl = h.post("/v1/jobs", "{\"JobHCL\": \"job \\\"x\\\" {}\"}");
        Answer noId = h.post("/v1/jobs", "{\"Job\": {\"Name\": \"noid\", \"Type\": \"batch\", "
                + "\"Datacenters\": [\"dc1\"], \"TaskGroups\": [{\"Name\": \"g\"}]}}");

        assertThat(noJob.status()).isEqualTo(400);
        assertThat(noJob.body()).isEqualTo("Job must be specified");
        assertThat(hcl.body()).isEqualTo("Job must be specified");
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.body()).isEqualTo("Job ID hasn't been provided");
    }

    @Test
    void anInvalidJobIs400WithEveryError() {
        Answer a = h.post("/v1/jobs", "{\"Job\": {\"ID\": \"invalid-job\", \"Type\": \"batch\"}}");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).isEqualTo(
                "2 errors occurred:\n\t* Missing job datacenters\n\t* Missing job task groups\n\n");
        assertThat(h.cluster.writes).isEmpty();
    }

    @Test
    void aJobInAnotherNamespaceOrRegionIsRefused() {
        String body = Jobs.registerBody("ns-job");
        Answer namespace = h.post("/v1/jobs", body.replace("\"Type\"", "\"Namespace\": \"other\", \"Type\""));
        Answer region = h.post("/v1/jobs", body.replace("\"Type\"", "\"Region\": \"europe\", \"Type\""));
        Answer queryRegion = h.post("/v1/jobs?region=europe", body);

        assertThat(namespace.status()).isEqualTo(400);
        assertThat(namespace.body()).isEqualTo("job \"ns-job\" is in nonexistent namespace \"other\"");
        assertThat(region.status()).isEqualTo(400);
        assertThat(region.body()).isEqualTo("No path to region");
        assertThat(queryRegion.body()).isEqualTo("No path to region");
        assertThat(h.cluster.writes).isEmpty();
    }

    @Test
    void writeResultsMapToStatuses() {
        h.cluster.answerWrites(failure(WriteResult.Code.CONFLICT,
                "Enforcing job modify index 1: job exists with conflicting job modify index: 10"));
        Answer conflict = h.post("/v1/jobs", Jobs.registerBody("a"));
        h.cluster.answerWrites(failure(WriteResult.Code.NOT_FOUND, "job not found"));
        Answer notFound = h.post("/v1/job/a/evaluate", null);
        h.cluster.answerWrites(failure(WriteResult.Code.INVALID, "can't evaluate periodic job"));
        Answer invalid = h.post("/v1/job/a/evaluate", null);
        h.cluster.answerWrites(failure(WriteResult.Code.NO_LEADER, ""));
        Answer noLeader = h.post("/v1/jobs", Jobs.registerBody("a"));
        h.cluster.answerWrites(failure(WriteResult.Code.INTERNAL, "disk on fire"));
        Answer internal = h.post("/v1/jobs", Jobs.registerBody("a"));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body())
                .isEqualTo("Enforcing job modify index 1: job exists with conflicting job modify index: 10");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.body()).isEqualTo("job not found");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).isEqualTo("can't evaluate periodic job");
        assertThat(noLeader.status()).isEqualTo(500);
        assertThat(noLeader.body()).isEqualTo("No cluster leader");
        assertThat(internal.status()).isEqualTo(500);
        assertThat(internal.body()).isEqualTo("disk on fire");
        assertThat(conflict.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void deregisterAnswersWithVolumeFieldsAndPassesPurge() {
        h.cluster.answerWrites(WriteResult.newBuilder().setIndex(58).setJobModifyIndex(57)
                .setEvalId("0e0e75af-66c2-8bcb-ce9e-b5b2494cc034").setEvalCreateIndex(58).build());

        Answer stop = h.send("DELETE", "/v1/job/no-such-job", null);
        WriteRequest stopWrite = h.cluster.lastWrite();
        Answer purge = h.send("DELETE", "/v1/job/sleep-batch?purge=true", null);

        assertThat(stop.status()).isEqualTo(200);
        assertThat(stop.body()).isEqualTo("{\"EvalID\":\"0e0e75af-66c2-8bcb-ce9e-b5b2494cc034\",\"EvalCreateIndex\":58,"
                + "\"JobModifyIndex\":57,\"VolumeEvalID\":\"\",\"VolumeEvalIndex\":0,\"Index\":58,\"LastContact\":0,"
                + "\"KnownLeader\":false}");
        assertThat(stop.header("X-Nomad-Index")).isEqualTo("58");
        assertThat(stopWrite.getJobDeregister().getJobId()).isEqualTo("no-such-job");
        assertThat(stopWrite.getJobDeregister().getNamespace()).isEqualTo("default");
        assertThat(stopWrite.getJobDeregister().getPurge()).isFalse();
        assertThat(purge.status()).isEqualTo(200);
        assertThat(h.cluster.lastWrite().getJobDeregister().getPurge()).isTrue();
    }

    @Test
    void deregisterRefusesAPurgeFlagThatIsNotABoolean() {
        Answer a = h.send("DELETE", "/v1/job/x?purge=yes", null);

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).isEqualTo(
                "Failed to parse value of \"purge\" (yes) as a bool: strconv.ParseBool: parsing \"yes\": invalid syntax");
        assertThat(h.cluster.writes).isEmpty();
    }

    @Test
    void revertChecksTheBodyAndPassesThePriorVersion() {
        Answer ok = h.post("/v1/job/web/revert", "{\"JobID\": \"web\", \"JobVersion\": 2, \"EnforcePriorVersion\": 3}");
        WriteRequest write = h.cluster.lastWrite();
        Answer noId = h.post("/v1/job/web/revert", "{\"JobVersion\": 2}");
        Answer otherId = h.post("/v1/job/web/revert", "{\"JobID\": \"api\", \"JobVersion\": 2}");
        h.post("/v1/job/web/revert", "{\"JobID\": \"web\", \"JobVersion\": 1}");

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(REGISTERED);
        assertThat(ok.header("X-Nomad-Index")).isEqualTo("11");
        assertThat(ok.header("X-Nomad-KnownLeader")).isEqualTo("false");
        assertThat(ok.header("X-Nomad-LastContact")).isEqualTo("0");
        assertThat(write.getJobRevert().getJobId()).isEqualTo("web");
        assertThat(write.getJobRevert().getJobVersion()).isEqualTo(2);
        assertThat(write.getJobRevert().getHasEnforcePriorVersion()).isTrue();
        assertThat(write.getJobRevert().getEnforcePriorVersion()).isEqualTo(3);
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.body()).isEqualTo("JobID must be specified");
        assertThat(otherId.status()).isEqualTo(400);
        assertThat(otherId.body()).isEqualTo("Job ID does not match");
        assertThat(h.cluster.lastWrite().getJobRevert().getHasEnforcePriorVersion()).isFalse();
    }

    @Test
    void stableAnswersBothIndexAndJobModifyIndex() {
        h.cluster.answerWrites(WriteResult.newBuilder().setIndex(34).build());

        Answer a = h.send("PUT", "/v1/job/web/stable", "{\"JobID\": \"web\", \"JobVersion\": 2, \"Stable\": true}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("{\"Index\":34,\"JobModifyIndex\":34}");
        assertThat(a.header("X-Nomad-Index")).isEqualTo("34");
        WriteRequest write = h.cluster.lastWrite();
        assertThat(write.getJobStability().getJobVersion()).isEqualTo(2);
        assertThat(write.getJobStability().getStable()).isTrue();
        assertThat(h.post("/v1/job/web/stable", "{\"JobVersion\": 2}").body()).isEqualTo("JobID must be specified");
    }

    @Test
    void evaluateTakesNoBodyOrOneNamingTheJob() {
        Answer bare = h.post("/v1/job/sleep-batch/evaluate", null);
        WriteRequest bareWrite = h.cluster.lastWrite();
        Answer forced = h.post("/v1/job/sleep-batch/evaluate",
                "{\"JobID\": \"sleep-batch\", \"EvalOptions\": {\"ForceReschedule\": true}}");
        WriteRequest forcedWrite = h.cluster.lastWrite();
        Answer noId = h.post("/v1/job/sleep-batch/evaluate", "{}");
        Answer otherId = h.post("/v1/job/sleep-batch/evaluate", "{\"JobID\": \"other\"}");

        assertThat(bare.status()).isEqualTo(200);
        assertThat(bare.body()).isEqualTo(REGISTERED);
        assertThat(bareWrite.getJobEvaluate().getJobId()).isEqualTo("sleep-batch");
        assertThat(bareWrite.getJobEvaluate().getForceReschedule()).isFalse();
        assertThat(forced.status()).isEqualTo(200);
        assertThat(forcedWrite.getJobEvaluate().getForceReschedule()).isTrue();
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.body()).isEqualTo("Job ID must be specified");
        assertThat(otherId.body()).isEqualTo("JobID not same as job name");
    }

    @Test
    void writesHonourPretty() {
        Answer a = h.post("/v1/jobs?pretty", Jobs.registerBody("a"));

        assertThat(a.body()).startsWith("{\n    \"EvalID\": \"6fa66e67").endsWith("\"KnownLeader\": false\n}\n");
    }

    private static WriteResult failure(WriteResult.Code code, String error) {
        return WriteResult.newBuilder().setCode(code).setError(error).build();
    }
}
