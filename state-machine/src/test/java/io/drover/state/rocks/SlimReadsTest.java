package io.drover.state.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.json.NomadJson;
import io.drover.model.scheduling.Evaluation;
import io.drover.testkit.fixtures.Commands;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlimReadsTest {
    @TempDir
    Path dir;

    @Test
    void aJobHeadHasTheJobsOwnFieldsButNoTaskGroups() {
        Job job = Commands.job("web", "5");
        job.status = Job.STATUS_RUNNING;
        job.parentId = "parent";
        job.stop = true;
        Job head = SlimReads.jobHead(NomadJson.write(job));
        assertThat(head.id).isEqualTo("web");
        assertThat(head.status).isEqualTo(Job.STATUS_RUNNING);
        assertThat(head.type).isEqualTo(job.type);
        assertThat(head.parentId).isEqualTo("parent");
        assertThat(head.isStopped()).isTrue();
        assertThat(head.taskGroups == null || head.taskGroups.isEmpty()).isTrue();
    }

    @Test
    void readingAHeadLeavesTheTransactionsJobWhole() {
        try (RocksDatabase db = new RocksDatabase(dir.resolve("db")); WriteTxn raw = new WriteTxn(db)) {
            Job job = Commands.job("web", "5");
            job.status = Job.STATUS_PENDING;
            Evaluation eval = Commands.eval(job, Evaluation.TRIGGER_JOB_REGISTER, 1);
            eval.createIndex = 7L;
            StateTxn first = new StateTxn(raw, 7, 1);
            first.putJob(job);
            first.putEvaluation(eval);
            raw.commit();

            StateTxn txn = new StateTxn(raw, 8, 1);
            assertThat(txn.jobHead("default", "web").orElseThrow().status).isEqualTo(Job.STATUS_PENDING);
            assertThat(txn.job("default", "web").orElseThrow().taskGroups).hasSize(1);
            assertThat(txn.evaluationCreateIndex(eval.id)).contains(7L);
            assertThat(txn.evaluationCreateIndex("nope")).isEmpty();
            assertThat(txn.jobHead("default", "nope")).isEmpty();
            assertThat(List.of(txn.evaluation(eval.id).orElseThrow().jobId)).containsExactly("web");
        }
    }
}
