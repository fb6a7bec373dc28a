package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.GatewayHarness;
import io.drover.http.testing.Jobs;
import io.drover.http.testing.Reference;
import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.AllocStopRequest;
import io.drover.state.Table;
import io.drover.testkit.await.Await;
import io.drover.testkit.http.Answer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The allocation routes: lists of stubs, one whole allocation, the lists of a job and an eval, and stop. */
class AllocRoutesTest {
    private static final String ALLOC = Reference.ALLOC_ID;

    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    private static Allocation alloc(String id) {
        Allocation a = Reference.sleepBatchAllocation();
        a.id = id;
        return a;
    }

    @Test
    void jobAllocationsAreNomadsStubsAtTheAllocsIndex() {
        // Placed at 12 and updated by the node at 14, as in the recording.
        h.store.skipTo(11);
        h.store.upsertAllocs(Reference.sleepBatchAllocation());
        h.store.skipTo(13);
        long index = h.store.upsertAllocs(Reference.sleepBatchAllocation());

        Answer a = h.get("/v1/job/sleep-batch/allocations");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.index()).isEqualTo(index).isEqualTo(14);
        assertThat(a.json()).as("display messages filled in, as Nomad's endpoint does")
                .isEqualTo(Reference.json("008_job_allocations"));
    }

    @Test
    void jobAllocationsOfAnEarlierJobWithTheSameIdNeedAll() {
        long registered = h.store.upsertJob(Jobs.batch("sleep-batch"));
        Allocation current = alloc("aaaa0000-0000-4000-8000-000000000001");
        current.job.createIndex = registered;
        Allocation earlier = alloc("bbbb0000-0000-4000-8000-000000000002");
        earlier.job.createIndex = registered - 1;
        long index = h.store.upsertAllocs(current, earlier);

        Answer now = h.get("/v1/job/sleep-batch/allocations");
        Answer all = h.get("/v1/job/sleep-batch/allocations?all=true");
        Answer notABool = h.get("/v1/job/sleep-batch/allocations?all=yes");

        assertThat(now.json()).extracting(s -> s.get("ID").asText()).containsExactly(current.id);
        assertThat(all.json()).extracting(s -> s.get("ID").asText()).containsExactly(current.id, earlier.id);
        assertThat(notABool.json()).as("Nomad reads it as false").hasSize(1);
        assertThat(all.index()).isEqualTo(index);
        assertThat(h.get("/v1/job/sleep-batch/allocations?namespace=other").body()).isEqualTo("[]");
    }

    @Test
    void listAnswersStubsByPrefixAndNamespaceAtTheAllocsIndex() {
        h.store.upsertAllocs(alloc("aaaa0000-0000-4000-8000-000000000001"));
        long index = h.store.upsertAllocs(alloc("bbbb0000-0000-4000-8000-000000000002"));

        Answer all = h.get("/v1/allocations");
        Answer prefixed = h.get("/v1/allocations?prefix=bbbb");

        assertThat(all.index()).isEqualTo(index);
        assertThat(all.json()).hasSize(2);
        assertThat(all.json().get(0).get("JobType").asText()).isEqualTo("batch");
        assertThat(all.json().get(0).has("Job")).as("a stub").isFalse();
        assertThat(prefixed.json()).extracting(s -> s.get("ID").asText())
                .containsExactly("bbbb0000-0000-4000-8000-000000000002");
        assertThat(h.get("/v1/allocations?namespace=other").body()).isEqualTo("[]");
    }

    @Test
    void oneAllocationIsWholeWithItsJobAtItsModifyIndex() {
        long index = h.store.upsertAllocs(Reference.sleepBatchAllocation());
        h.store.touch(Table.ALLOCS);

        Answer a = h.get("/v1/allocation/" + ALLOC);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.index()).isEqualTo(index);
        assertThat(a.json().get("ID").asText()).isEqualTo(ALLOC);
        assertThat(a.json().get("Job").get("ID").asText()).isEqualTo("sleep-batch");
        assertThat(a.json().at("/TaskStates/sleep/Events/2/DisplayMessage").asText())
                .isEqualTo("Task started by client");
    }

    @Test
    void anUnknownAllocationIs404AtTheAllocsIndex() {
        long index = h.store.upsertAllocs(Reference.sleepBatchAllocation());

        Answer a = h.get("/v1/allocation/nope");

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body()).isEqualTo("alloc not found");
        assertThat(a.index()).isEqualTo(index);
    }

    @Test
    void anAllocationPathWithAnUnknownActionIsResourceNotFound() {
        for (String path : new String[] {"/v1/allocation/" + ALLOC + "/bogus", "/v1/allocation/a/b/c"}) {
            Answer a = h.get(path);

            assertThat(a.status()).as(path).isEqualTo(404);
            assertThat(a.body()).as(path).isEqualTo("resource not found");
        }
    }

    @Test
    void evalAllocationsAreStubsOfWhatItPlaced() {
        Allocation other = alloc("cccc0000-0000-4000-8000-000000000003");
        other.evalId = "another-eval";
        long index = h.store.upsertAllocs(Reference.sleepBatchAllocation(), other);

        Answer a = h.get("/v1/evaluation/" + Reference.EVAL_ID + "/allocations");

        assertThat(a.index()).isEqualTo(index);
        assertThat(a.json()).extracting(s -> s.get("ID").asText()).containsExactly(ALLOC);
        assertThat(a.json().get(0).at("/TaskStates/sleep/Events/0/DisplayMessage").asText())
                .as("Nomad's eval endpoint leaves them as stored").isEmpty();
    }

    @Test
    void aParkedListWakesWhenAnAllocationChanges() throws Exception {
        long index = h.store.upsertAllocs(Reference.sleepBatchAllocation());
        CompletableFuture<Answer> parked = h.getAsync("/v1/allocations?index=" + index + "&wait=30s");
        Await.until("the query parks", Duration.ofSeconds(20), () -> h.gateway.parkedQueries() == 1);

        Allocation complete = Reference.sleepBatchAllocation();
        complete.clientStatus = Allocation.CLIENT_COMPLETE;
        long next = h.store.upsertAllocs(complete);

        Answer a = parked.get(10, TimeUnit.SECONDS);
        assertThat(a.index()).isEqualTo(next);
        assertThat(a.json().get(0).get("ClientStatus").asText()).isEqualTo("complete");
    }

    @Test
    void aJobRegisteredAgainUnderTheSameIdStartsWithoutAllocations() {
        Job job = Jobs.batch("sleep-batch");
        long registered = h.store.upsertJob(job);
        Allocation alloc = Reference.sleepBatchAllocation();
        alloc.job.createIndex = registered;
        long index = h.store.upsertAllocs(alloc);
        assertThat(h.get("/v1/job/sleep-batch/allocations").json()).hasSize(1);

        h.store.purgeJob("default", "sleep-batch");
        h.store.upsertJob(job);
        Answer after = h.get("/v1/job/sleep-batch/allocations");

        assertThat(after.json()).as("not the answer cached before, though allocs did not change").isEmpty();
        assertThat(after.index()).as("still the allocs index").isEqualTo(index);
    }

    @Test
    void stopSubmitsTheAllocationAndAnswersTheFollowUpEval() {
        h.cluster.answerWrites(WriteResult.newBuilder().setIndex(51).setEvalId("eval-51").build());

        Answer a = h.send("PUT", "/v1/allocation/" + ALLOC + "/stop", null);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("{\"EvalID\":\"eval-51\",\"Index\":51}");
        assertThat(a.header("X-Nomad-Index")).isEqualTo("51");
        AllocStopRequest sent = h.cluster.lastWrite().getAllocStop();
        assertThat(sent.getAllocId()).isEqualTo(ALLOC);
        assertThat(sent.getNamespace()).isEqualTo("default");
    }

    @Test
    void stoppingAnUnknownAllocationIs404() {
        h.cluster.answerWrites(WriteResult.newBuilder().setCode(WriteResult.Code.NOT_FOUND)
                .setError("Unknown allocation \"nope\"").build());

        Answer a = h.post("/v1/allocation/nope/stop", "");

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body()).isEqualTo("allocation not found");
    }
}
