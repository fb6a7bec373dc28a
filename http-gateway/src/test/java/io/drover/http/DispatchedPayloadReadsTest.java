package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.GatewayHarness;
import io.drover.http.testing.Jobs;
import io.drover.http.testing.Reference;
import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.launch.JobPayload;
import io.drover.testkit.http.Answer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A dispatched job's payload is stored Snappy-compressed, as Nomad stores it, but every answer
 * that carries the job shows the bytes the client dispatched: "hello" reads back as
 * {@code aGVsbG8=}, never as the stored {@code BRBoZWxsbw==}.
 */
class DispatchedPayloadReadsTest {
    private static final String CHILD = "work/dispatch-1700000000-0123abcd";
    private static final String HELLO = "aGVsbG8=";

    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void theStoredPayloadIsSnappyCompressed() {
        assertThat(java.util.Base64.getEncoder().encodeToString(JobPayload.compress(bytes("hello"))))
                .isEqualTo("BRBoZWxsbw==");
    }

    @Test
    void aJobReadAnswersTheDispatchedBytes() {
        h.store.upsertJob(child());

        Answer a = h.get("/v1/job/" + CHILD);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("Payload").asText()).isEqualTo(HELLO);
        assertThat(h.get("/v1/job/" + CHILD).json().get("Payload").asText()).as("read twice").isEqualTo(HELLO);
        assertThat(h.store.reader().job("default", CHILD).orElseThrow().payload).as("the stored job")
                .isEqualTo(JobPayload.compress(bytes("hello")));
    }

    @Test
    void everyVersionAnswersTheDispatchedBytes() {
        h.store.upsertJob(child());
        Job meta = child();
        meta.meta = new java.util.LinkedHashMap<>(java.util.Map.of("k", "v"));
        h.store.upsertJob(meta);

        Answer a = h.get("/v1/job/" + CHILD + "/versions");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("Versions")).hasSize(2)
                .allSatisfy(v -> assertThat(v.get("Payload").asText()).isEqualTo(HELLO));
    }

    @Test
    void anAllocationsEmbeddedJobAnswersTheDispatchedBytes() {
        h.store.upsertAllocs(allocationOf(child()));

        Answer a = h.get("/v1/allocation/" + Reference.ALLOC_ID);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("Job").get("Payload").asText()).isEqualTo(HELLO);
    }

    @Test
    void aNodesAllocationsAnswerTheDispatchedBytes() {
        Allocation first = allocationOf(child());
        Allocation second = allocationOf(child());
        second.id = "134a8d7a-3d5d-f20c-291c-f861e25a0745";
        Allocation plain = allocationOf(Jobs.batch("sleep-batch"));
        plain.id = "234a8d7a-3d5d-f20c-291c-f861e25a0745";
        h.store.upsertAllocs(first, second, plain);

        Answer a = h.get("/v1/node/" + first.nodeId + "/allocations");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json()).hasSize(3);
        a.json().forEach(alloc -> assertThat(alloc.get("Job").get("Payload").isNull() ? null
                : alloc.get("Job").get("Payload").asText()).as(alloc.get("ID").asText())
                .isEqualTo(alloc.get("JobID").asText().equals(CHILD) ? HELLO : null));
    }

    private static Job child() {
        Job job = Jobs.batch(CHILD);
        job.parentId = "work";
        job.dispatched = true;
        job.payload = JobPayload.compress(bytes("hello"));
        return job;
    }

    private static Allocation allocationOf(Job job) {
        Allocation alloc = Reference.sleepBatchAllocation();
        alloc.jobId = job.id;
        alloc.job = job;
        return alloc;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
