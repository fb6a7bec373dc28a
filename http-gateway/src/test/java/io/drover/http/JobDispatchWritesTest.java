package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.GatewayHarness;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.JobDispatchRequest;
import io.drover.proto.rpc.WriteRequest;
import io.drover.testkit.http.Answer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/job/:id/dispatch}: what reaches the leader and how its answer reads. */
class JobDispatchWritesTest {
    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void theDecodedPayloadMetaAndTokenReachTheWriteAndTheAnswerIsNomads() {
        h.cluster.answerWrites(WriteResult.newBuilder().setIndex(12).setDispatchedJobId("work/dispatch-1-0a1b2c3d")
                .setEvalId("e1").setEvalCreateIndex(12).setJobCreateIndex(12).build());

        Answer a = h.post("/v1/job/work/dispatch",
                "{\"Payload\":\"aGVsbG8=\",\"Meta\":{\"who\":\"me\"},\"IdempotencyToken\":\"tok\"}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("{\"DispatchedJobID\":\"work/dispatch-1-0a1b2c3d\",\"EvalID\":\"e1\","
                + "\"EvalCreateIndex\":12,\"JobCreateIndex\":12,\"Index\":12}");
        assertThat(a.header("X-Nomad-Index")).isEqualTo("12");
        WriteRequest write = h.cluster.lastWrite();
        JobDispatchRequest d = write.getJobDispatch();
        assertThat(d.getJobId()).isEqualTo("work");
        assertThat(d.getNamespace()).isEqualTo("default");
        assertThat(d.getPayload().toString(StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(d.getMetaMap()).isEqualTo(Map.of("who", "me"));
        assertThat(d.getIdempotencyToken()).isEqualTo("tok");
    }

    @Test
    void anEmptyBodyDispatchesWithNothing() {
        h.cluster.answerWrites(WriteResult.newBuilder().setIndex(3).build());

        assertThat(h.send("PUT", "/v1/job/work/dispatch", "{}").status()).isEqualTo(200);
        assertThat(h.cluster.lastWrite().getJobDispatch().getPayload().isEmpty()).isTrue();
    }

    @Test
    void badInputIsRefusedBeforeTheLeader() {
        Answer badBase64 = h.post("/v1/job/work/dispatch", "{\"Payload\":\"not base64!\"}");
        Answer otherId = h.post("/v1/job/work/dispatch", "{\"JobID\":\"other\"}");

        assertThat(badBase64.status()).isEqualTo(400);
        assertThat(badBase64.body()).startsWith("illegal base64 data at input byte");
        assertThat(otherId.status()).isEqualTo(400);
        assertThat(otherId.body()).isEqualTo("Job ID does not match");
        assertThat(h.cluster.writes).isEmpty();
    }

    @Test
    void theLeadersRefusalsAreAnsweredWithTheirTexts() {
        h.cluster.answerWrites(WriteResult.newBuilder().setCode(WriteResult.Code.INVALID)
                .setError("Payload exceeds maximum size; 16385 > 16384").build());
        Answer tooBig = h.post("/v1/job/work/dispatch", "{}");
        h.cluster.answerWrites(WriteResult.newBuilder().setCode(WriteResult.Code.NOT_FOUND).build());
        Answer missing = h.post("/v1/job/nope/dispatch", "{}");

        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.body()).isEqualTo("Payload exceeds maximum size; 16385 > 16384");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("parameterized job not found");
    }
}
