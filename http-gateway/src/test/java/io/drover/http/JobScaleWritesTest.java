package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.GatewayHarness;
import io.drover.model.json.NomadJson;
import io.drover.proto.rpc.JobScaleRequest;
import io.drover.proto.rpc.WriteRequest;
import io.drover.testkit.http.Answer;
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
    void theDocsReasonIsTheEventsMessage() {
        Answer a = h.post("/v1/job/web/scale", "{\"Count\": 5, \"Target\": {\"Group\": \"g\"},"
                + " \"Reason\": \"metric did not satisfy SLA\", \"Meta\": {\"metrics\": [\"cpu\", \"memory\"]}}");

        assertThat(a.status()).isEqualTo(200);
        JobScaleRequest scale = h.cluster.lastWrite().getJobScale();
        assertThat(scale.getMessage()).isEqualTo("metric did not satisfy SLA");
        assertThat(scale.getError()).isFalse();
        assertThat(scale.getCount()).isEqualTo(5);
    }

    @Test
    void aMessageBesideAReasonWins() {
        h.post("/v1/job/web/scale", "{\"Count\": 5, \"Target\": {\"Group\": \"g\"}, \"Reason\": \"r\", \"Message\": \"m\"}");

        assertThat(h.cluster.lastWrite().getJobScale().getMessage()).isEqualTo("m");
    }

    @Test
    void theDocsErrorStringIsTheMessageOfAnErrorEvent() {
        Answer a = h.post("/v1/job/web/scale",
                "{\"Target\": {\"Group\": \"g\"}, \"Error\": \"metrics source unreachable\"}");

        assertThat(a.status()).isEqualTo(200);
        JobScaleRequest scale = h.cluster.lastWrite().getJobScale();
        assertThat(scale.getError()).isTrue();
        assertThat(scale.getMessage()).isEqualTo("metrics source unreachable");
        assertThat(scale.getHasCount()).isFalse();
    }

    @Test
    void anErrorBoolMarksTheMessageOrReasonAsAnError() {
        h.post("/v1/job/web/scale", "{\"Target\": {\"Group\": \"g\"}, \"Error\": true, \"Reason\": \"no metrics\"}");

        JobScaleRequest scale = h.cluster.lastWrite().getJobScale();
        assertThat(scale.getError()).isTrue();
        assertThat(scale.getMessage()).isEqualTo("no metrics");
    }

    @Test
    void anEmptyFalseOrNullErrorIsNoError() {
        for (String error : new String[] {"\"\"", "false", "null"}) {
            Answer a = h.post("/v1/job/web/scale",
                    "{\"Count\": 2, \"Target\": {\"Group\": \"g\"}, \"Message\": \"m\", \"Error\": " + error + "}");

            assertThat(a.status()).as(error).isEqualTo(200);
            JobScaleRequest scale = h.cluster.lastWrite().getJobScale();
            assertThat(scale.getError()).as(error).isFalse();
            assertThat(scale.getMessage()).as(error).isEqualTo("m");
            assertThat(scale.getCount()).as(error).isEqualTo(2);
        }
    }

    @Test
    void anErrorOfEitherFormChangesNoCount() {
        assertRefused("{\"Count\": 1, \"Error\": \"too slow\", \"Target\": {\"Group\": \"g\"}}",
                "scaling action should not contain count if error is true");
        assertThat(h.cluster.writes).isEmpty();
    }

    @Test
    void anErrorOfNeitherFormIsRefusedAsGoWouldDecodeIt() {
        assertRefused("{\"Error\": 1, \"Target\": {\"Group\": \"g\"}}",
                "json: cannot unmarshal number into Go struct field ScalingRequest.Error of type bool");
        assertRefused("{\"Error\": {\"why\": \"x\"}, \"Target\": {\"Group\": \"g\"}}",
                "json: cannot unmarshal object into Go struct field ScalingRequest.Error of type bool");
        assertRefused("{\"Error\": [true], \"Target\": {\"Group\": \"g\"}}",
                "json: cannot unmarshal array into Go struct field ScalingRequest.Error of type bool");
        assertThat(h.cluster.writes).isEmpty();
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
