package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.GatewayHarness;
import io.drover.http.testing.Jobs;
import io.drover.http.testing.Reference;
import io.drover.testkit.http.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What each write reply says of the leader, as Nomad 0.11.3's: replies whose struct embeds a
 * QueryMeta carry {@code LastContact} and {@code KnownLeader} in the body, {@code true} only for
 * Job.Scale (the one write endpoint that fills it in); replies embedding a WriteMeta carry only
 * {@code Index}. Only revert sets the query meta as headers; every write sets X-Nomad-Index.
 */
class WriteReplyMetaTest {
    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void scaleAnswersKnownLeaderTrueInItsBodyOnly() {
        Answer a = h.post("/v1/job/web/scale", "{\"Count\": 3, \"Target\": {\"Group\": \"g\"}}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("{\"EvalID\":\"6fa66e67-3736-32e4-c842-f4c4f2c1b91e\",\"EvalCreateIndex\":11,"
                + "\"JobModifyIndex\":10,\"Warnings\":\"\",\"Index\":11,\"LastContact\":0,\"KnownLeader\":true}");
        assertThat(a.header("X-Nomad-Index")).isEqualTo("11");
        assertThat(a.header("X-Nomad-KnownLeader")).as("Nomad sets only the index header").isNull();
        assertThat(a.header("X-Nomad-LastContact")).isNull();
    }

    @Test
    void theOtherJobWritesLeaveTheirQueryMetaUnset() {
        Answer[] answers = {
            h.post("/v1/jobs", Jobs.registerBody("web")),
            h.post("/v1/job/web", Jobs.registerBody("web")),
            h.post("/v1/job/web/evaluate", ""),
            h.post("/v1/job/web/revert", "{\"JobID\": \"web\", \"JobVersion\": 0}"),
            h.send("DELETE", "/v1/job/web", null),
        };
        for (Answer a : answers) {
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            assertThat(a.json().get("KnownLeader").asBoolean()).as(a.body()).isFalse();
            assertThat(a.json().get("LastContact").asLong()).isZero();
            assertThat(a.header("X-Nomad-Index")).isEqualTo("11");
        }
        assertThat(answers[3].header("X-Nomad-KnownLeader")).as("revert sets its query meta as headers")
                .isEqualTo("false");
        assertThat(answers[0].header("X-Nomad-KnownLeader")).isNull();
    }

    @Test
    void writesWhoseRepliesEmbedAWriteMetaCarryOnlyTheIndex() {
        Answer[] answers = {
            h.post("/v1/job/web/stable", "{\"JobID\": \"web\", \"JobVersion\": 0, \"Stable\": true}"),
            h.post("/v1/job/web/dispatch", "{}"),
            h.post("/v1/job/web/periodic/force", ""),
            h.post("/v1/node/" + Reference.NODE_ID + "/eligibility", "{\"Eligibility\": \"eligible\"}"),
            h.post("/v1/node/" + Reference.NODE_ID + "/drain", "{\"DrainSpec\": null}"),
            h.post("/v1/allocation/" + Reference.ALLOC_ID + "/stop", ""),
        };
        for (Answer a : answers) {
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            assertThat(a.json().has("Index")).as(a.body()).isTrue();
            assertThat(a.json().has("KnownLeader")).as(a.body()).isFalse();
            assertThat(a.json().has("LastContact")).as(a.body()).isFalse();
            assertThat(a.header("X-Nomad-Index")).as(a.body()).isNotNull();
            assertThat(a.header("X-Nomad-KnownLeader")).as(a.body()).isNull();
        }
    }
}
