package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.Answer;
import io.drover.http.testing.GatewayHarness;
import io.drover.model.NomadJson;
import io.drover.proto.rpc.JobScaleRequest;
import io.drover.proto.rpc.WriteRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/job/:id/scale}: what the gateway refuses itself and what it hands the leader. */
class JobScaleWritesTest {
    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aCountForAGroupReachesTheLeaderWithMessageAndMeta() {
        Answer a = h.post("/v1/job/web/scale", "{\"Count\": 3, \"Target\": {\"Group\": \"g\", \"Job\": \"web\"},"
                + " \"Message\": \"busy\", \"Meta\": {\"by\": \"test\"}, \"PolicyOverride\": true}");

        assertThat(a.status()).isEqualTo(200);
        WriteRequest write = h.cluster.lastWrite();
        assertThat(write.getOpCase()).isEqualTo(WriteRequest.OpCase.JOB_SCALE);
        JobScaleRequest scale = write.getJobScale();
        assertThat(scale.getNamespace()).isEqualTo("default");
        assertThat(scale.getJobId()).isEqualTo("web");
        assertThat(scale.getGroup()).isEqualTo("g");
        assertThat(scale.getHasCount()).isTrue();
        assertThat(scale.getCount()).isEqualTo(3);
        assertThat(scale.getMessage()).isEqualTo("busy");
        assertThat(scale.getPolicyOverride()).isTrue();
        assertThat(NomadJson.read(scale.getMetaJson().toByteArray(), Map.class)).isEqualTo(Map.of("by", "test"));
    }

    @Test
    void anErrorWithoutCountIsAnEventOnly() {
        h.post("/v1/job/web/scale", "{\"Error\": true, \"Target\": {\"Group\": \"g\"}}");

        JobScaleRequest scale = h.cluster.lastWrite().getJobScale();
        assertThat(scale.getError()).isTrue();
        assertThat(scale.getHasCount()).isFalse();
        assertThat(scale.getMetaJson().isEmpty()).isTrue();
    }

    @Test
    void malformedActionsAreRefusedWithNomadsMessages() {
        assertRefused("{\"Count\": 1, \"Target\": {\"Group\": \"g\", \"Job\": \"other\"}}",
                "job ID in payload did not match URL");
        assertRefused("{\"Count\": 1, \"Target\": {\"Group\": \"g\", \"Namespace\": \"ops\"}}",
                "namespace in payload did not match header");
        assertRefused("{\"Count\": 1, \"Target\": {}}", "missing task group name for scaling action");
        assertRefused("{\"Count\": 1}", "missing task group name for scaling action");
        // Go decodes null into a map of strings as "": Nomad says the group is missing.
        assertRefused("{\"Count\": 1, \"Target\": {\"Group\": null}}", "missing task group name for scaling action");
        assertRefused("{\"Count\": 1, \"Error\": true, \"Target\": {\"Group\": \"g\"}}",
                "scaling action should not contain count if error is true");
        assertRefused("{\"Count\": -1, \"Target\": {\"Group\": \"g\"}}", "scaling action count can't be negative");
        assertThat(h.cluster.writes).isEmpty();
    }

    @Test
    void nullTargetsReadAsEmptyAsGoDecodesThem() {
        Answer a = h.post("/v1/job/web/scale",
                "{\"Count\": 2, \"Target\": {\"Group\": \"g\", \"Job\": null, \"Namespace\": null}}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(h.cluster.lastWrite().getJobScale().getGroup()).isEqualTo("g");
    }

    @Test
    void otherMethodsThanReadAndWriteAreRefused() {
        assertThat(h.send("DELETE", "/v1/job/web/scale", "").status()).isEqualTo(405);
        assertThat(h.send("PUT", "/v1/job/web/scale", "{\"Count\": 1, \"Target\": {\"Group\": \"g\"}}").status())
                .isEqualTo(200);
    }

    private void assertRefused(String body, String message) {
        Answer a = h.post("/v1/job/web/scale", body);
        assertThat(a.status()).as(body).isEqualTo(400);
        assertThat(a.body()).as(body).isEqualTo(message);
    }
}
