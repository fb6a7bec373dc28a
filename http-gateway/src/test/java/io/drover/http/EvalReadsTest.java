package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.GatewayHarness;
import io.drover.http.testing.Jobs;
import io.drover.state.Table;
import io.drover.testkit.http.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The evaluation reads. */
class EvalReadsTest {
    private static final String EVAL = "6fa66e67-3736-32e4-c842-f4c4f2c1b91e";

    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void listAnswersEveryEvalOfTheNamespaceAtTheEvalsIndex() {
        h.store.upsertEval(Jobs.eval(EVAL, "sleep-batch"));
        long index = h.store.upsertEval(Jobs.eval("0e0e75af-66c2-8bcb-ce9e-b5b2494cc034", "web"));

        Answer all = h.get("/v1/evaluations");
        Answer prefixed = h.get("/v1/evaluations?prefix=6fa6");

        assertThat(all.index()).isEqualTo(index);
        assertThat(all.json()).hasSize(2);
        assertThat(prefixed.json()).extracting(e -> e.get("ID").asText()).containsExactly(EVAL);
        assertThat(h.get("/v1/evaluations?namespace=other").body()).isEqualTo("[]");
    }

    @Test
    void oneEvalAnswersAtItsModifyIndexOmittingEmptyFields() {
        long index = h.store.upsertEval(Jobs.eval(EVAL, "sleep-batch"));
        h.store.touch(Table.EVALS);

        Answer a = h.get("/v1/evaluation/" + EVAL);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.index()).isEqualTo(index);
        assertThat(a.body()).isEqualTo("{\"ID\":\"" + EVAL + "\",\"Namespace\":\"default\",\"Priority\":50,"
                + "\"Type\":\"batch\",\"TriggeredBy\":\"job-register\",\"JobID\":\"sleep-batch\","
                + "\"Status\":\"pending\",\"CreateIndex\":" + index + ",\"ModifyIndex\":" + index + "}");
    }

    @Test
    void anUnknownEvalIs404AtTheEvalsIndex() {
        long index = h.store.upsertEval(Jobs.eval(EVAL, "sleep-batch"));

        Answer a = h.get("/v1/evaluation/nope");

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body()).isEqualTo("eval not found");
        assertThat(a.index()).isEqualTo(index);
    }

    @Test
    void allocationsOfAnEvalAreEmptyAtTheAllocsIndex() {
        long index = h.store.touch(Table.ALLOCS);

        Answer a = h.get("/v1/evaluation/" + EVAL + "/allocations");

        assertThat(a.body()).isEqualTo("[]");
        assertThat(a.index()).isEqualTo(index);
    }

    @Test
    void evalReadsBlockToo() {
        long index = h.store.upsertEval(Jobs.eval(EVAL, "sleep-batch"));

        Answer a = h.get("/v1/evaluation/" + EVAL + "?index=" + index + "&wait=50ms");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.index()).isEqualTo(index);
    }
}
