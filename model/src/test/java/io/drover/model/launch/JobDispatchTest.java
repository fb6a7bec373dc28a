package io.drover.model.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.ParameterizedJobConfig;
import io.drover.model.json.NomadJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks Nomad's dispatch endpoint makes, with its messages, and the child it derives. */
class JobDispatchTest {
    @Test
    void payloadMustMatchTheParentsPayloadRule() {
        assertThat(JobDispatch.validate(parent("required", List.of(), List.of()), new byte[0], Map.of()))
                .isEqualTo("Payload is not provided but required by parameterized job");
        assertThat(JobDispatch.validate(parent("forbidden", List.of(), List.of()), bytes("x"), Map.of()))
                .isEqualTo("Payload provided but forbidden by parameterized job");
        assertThat(JobDispatch.validate(parent("optional", List.of(), List.of()), null, Map.of())).isNull();
        assertThat(JobDispatch.validate(parent("required", List.of(), List.of()), bytes("x"), Map.of())).isNull();
    }

    @Test
    void payloadIsLimitedTo16KiBDecoded() {
        Job job = parent("optional", List.of(), List.of());
        assertThat(JobDispatch.validate(job, new byte[16 * 1024], Map.of())).isNull();
        assertThat(JobDispatch.validate(job, new byte[16 * 1024 + 1], Map.of()))
                .isEqualTo("Payload exceeds maximum size; 16385 > 16384");
    }

    @Test
    void metaKeysMustBeRequiredOrOptionalAndRequiredOnesPresent() {
        Job job = parent("optional", List.of("a", "b"), List.of("c"));
        assertThat(JobDispatch.validate(job, null, Map.of("a", "1", "b", "2", "z", "9", "y", "8")))
                .isEqualTo("Dispatch request included unpermitted metadata keys: [y z]");
        assertThat(JobDispatch.validate(job, null, Map.of("c", "3")))
                .isEqualTo("Dispatch did not provide required meta keys: [a b]");
        assertThat(JobDispatch.validate(job, null, Map.of("a", "1", "b", "2", "c", "3"))).isNull();
    }

    @Test
    void childIsADispatchedCopyWithMergedMetaAndCompressedPayload() {
        Job parent = parent("optional", List.of(), List.of("k"));
        parent.id = "p";
        parent.meta = Map.of("k", "parent", "keep", "yes");
        String id = JobDispatch.childId("p", 1700000000L, "0123abcd-0000-4000-8000-000000000000");

        Job child = JobDispatch.child(parent, id, 42L, bytes("data"), Map.of("k", "child"), "tok");

        assertThat(id).isEqualTo("p/dispatch-1700000000-0123abcd");
        assertThat(child.id).isEqualTo(id);
        assertThat(child.name).isEqualTo(id);
        assertThat(child.parentId).isEqualTo("p");
        assertThat(child.dispatched).isTrue();
        assertThat(child.submitTime).isEqualTo(42L);
        assertThat(child.dispatchIdempotencyToken).isEqualTo("tok");
        assertThat(child.meta).containsExactlyInAnyOrderEntriesOf(Map.of("k", "child", "keep", "yes"));
        assertThat(JobPayload.decompress(child.payload)).isEqualTo(bytes("data"));
        assertThat(parent.meta).containsEntry("k", "parent");
    }

    @Test
    void theTokenIsLeftOutOfTheJsonUnlessSet() {
        Job parent = parent("optional", List.of(), List.of());
        parent.id = "p";
        String withToken = new String(NomadJson.write(JobDispatch.child(parent, "c", 1, null, null, "tok")),
                StandardCharsets.UTF_8);
        String without = new String(NomadJson.write(JobDispatch.child(parent, "c", 1, null, null, "")),
                StandardCharsets.UTF_8);
        assertThat(withToken).contains("\"DispatchIdempotencyToken\":\"tok\"");
        assertThat(without).doesNotContain("DispatchIdempotencyToken");
    }

    private static Job parent(String payload, List<String> required, List<String> optional) {
        Job job = new Job();
        job.id = "work";
        job.parameterizedJob = new ParameterizedJobConfig();
        job.parameterizedJob.payload = payload;
        job.parameterizedJob.metaRequired = required;
        job.parameterizedJob.metaOptional = optional;
        return job;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
