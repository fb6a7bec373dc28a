package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.testkit.await.Await;
import io.drover.testkit.http.Answer;
import io.drover.testkit.process.ServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The leader dies (SIGKILL) while clients are registering jobs through every server; later it
 * comes back on the same data dir. A client must lose nothing it was told was written, see no
 * index go backwards, get no write applied twice, and find the returning server in step with the
 * others. The second test continues from where the first left the cluster.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeaderFailoverIT {
    @RegisterExtension
    static final LocalCluster cluster = LocalCluster.ofThreeWithoutScheduling();

    private static final String PREFIX = "load-";
    private static final Duration CATCH_UP_BOUND = Duration.ofSeconds(30);

    /** The server the first test killed, for the second to restart. */
    private static ServerProcess killed;
    private static List<WriteLoad.Ack> acknowledged = List.of();

    @Test
    @Order(1)
    void killingTheLeaderUnderWriteLoadLosesNoAcknowledgedWrite() throws Exception {
        ServerProcess oldLeader = cluster.leader();
        IndexHistory history = new IndexHistory();
        WriteLoad load = new WriteLoad(cluster.servers(), PREFIX, history);
        ReadProbe probe = new ReadProbe(cluster.servers(), history);
        long startedAt = System.nanoTime();
        long killedAt;
        load.start(4);
        probe.start();
        try {
            Await.until("100 writes acknowledged before the kill", Duration.ofSeconds(30),
                    () -> load.acks().size() >= 100);
            killedAt = System.nanoTime();
            oldLeader.kill();
            killed = oldLeader;
            Await.until("50 writes sent after the kill acknowledged", Duration.ofSeconds(40),
                    () -> sentAfter(load.acks(), killedAt).size() >= 50);
        } finally {
            load.stop();
            probe.stop();
        }
        acknowledged = load.acks();

        List<WriteLoad.Ack> afterKill = sentAfter(acknowledged, killedAt);
        long resumedMillis = millis(afterKill.stream().mapToLong(WriteLoad.Ack::ackNanos).min().orElseThrow() - killedAt);
        long anyAckMillis = millis(acknowledged.stream().mapToLong(WriteLoad.Ack::ackNanos)
                .filter(t -> t > killedAt).min().orElseThrow() - killedAt);
        System.out.printf("[failover] killed leader %s %d ms into the load; the first write sent after the kill was"
                + " acknowledged %d ms after it (first acknowledgement of any write: %d ms); longest pause between"
                + " acknowledgements: %d ms; %d writes acknowledged (%d after the kill), %d retried attempts,"
                + " %d indexes observed%n", oldLeader.name(), millis(killedAt - startedAt), resumedMillis,
                anyAckMillis, longestPauseMillis(acknowledged), acknowledged.size(), afterKill.size(),
                load.retries(), history.size());

        assertThat(load.problems()).as("writes refused or never acknowledged").isEmpty();
        assertThat(resumedMillis).as("ms from the kill until writes were acknowledged again").isLessThan(10_000);
        assertThat(history.indexesGoingBackwards()).as("indexes that went backwards").isEmpty();
        assertThat(history.writesOutOfOrder()).as("writes ordered before writes acknowledged earlier").isEmpty();
        assertThat(history.defaultReadsMissingAcknowledgedWrites())
                .as("default reads older than writes acknowledged before them").isEmpty();

        ServerProcess newLeader = cluster.leader();
        assertThat(newLeader).isNotSameAs(oldLeader);
        List<ServerProcess> survivors = cluster.running();
        assertThat(survivors).hasSize(2);
        long highestAck = acknowledged.stream().mapToLong(WriteLoad.Ack::index).max().orElseThrow();
        Views.awaitSameJobs(survivors, highestAck, CATCH_UP_BOUND);
        for (ServerProcess s : survivors) {
            assertHoldsExactlyOnce(s, acknowledged);
        }
    }

    @Test
    @Order(2)
    void theKilledLeaderRestartsOnItsDataDirAndCatchesUp() throws Exception {
        assumeTrue(killed != null, "needs the leader killed by the first test");
        List<ServerProcess> survivors = cluster.running();
        assertThat(survivors).as("servers running besides the killed one").hasSize(2);
        List<String> writtenWhileDown = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = PREFIX + "while-down-" + i;
            Answer reg = survivors.get(i % survivors.size()).api().register(Jobs.batch(id));
            assertThat(reg.status()).as(reg.toString()).isEqualTo(200);
            writtenWhileDown.add(id);
        }
        long highest = survivors.get(0).api().get("/v1/jobs").index();

        long restartedAt = System.nanoTime();
        killed.start();
        Views.awaitConsistentRead(killed, "/v1/job/" + writtenWhileDown.get(writtenWhileDown.size() - 1),
                CATCH_UP_BOUND);
        long converged = Views.awaitSameJobs(cluster.servers(), highest, CATCH_UP_BOUND);
        System.out.printf("[failover] %s restarted on its data dir and served index %d like the others %d ms"
                + " after it was started%n", killed.name(), converged, millis(System.nanoTime() - restartedAt));

        Views.JobList onRestarted = Views.staleJobs(killed, PREFIX);
        assertThat(onRestarted.ids()).doesNotHaveDuplicates().containsAll(writtenWhileDown);
        assertHoldsExactlyOnce(killed, acknowledged);
        for (ServerProcess s : cluster.servers()) {
            assertThat(Views.staleJobs(s, "")).as(s.name()).usingRecursiveComparison().ignoringFields("server")
                    .isEqualTo(Views.staleJobs(killed, ""));
            assertThat(Views.staleEvaluationIds(s)).as("evaluations on " + s.name())
                    .isEqualTo(Views.staleEvaluationIds(killed));
        }

        // The returning server takes writes again, and they reach everyone.
        Answer reg = killed.api().register(Jobs.batch(PREFIX + "after-restart"));
        assertThat(reg.status()).as(reg.toString()).isEqualTo(200);
        long index = reg.json().get("JobModifyIndex").asLong();
        for (ServerProcess s : cluster.servers()) {
            Answer read = s.api().get("/v1/job/" + PREFIX + "after-restart?consistent");
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().get("JobModifyIndex").asLong()).isEqualTo(index);
        }
    }

    /**
     * Every acknowledged job is on {@code s}, listed once, with the JobModifyIndex its client was
     * told, and with exactly the one evaluation its client was told about, however many times its
     * write was sent.
     */
    private static void assertHoldsExactlyOnce(ServerProcess s, List<WriteLoad.Ack> acks) {
        Views.JobList jobs = Views.staleJobs(s, PREFIX);
        assertThat(jobs.ids()).as("jobs listed by " + s.name()).doesNotHaveDuplicates();
        Map<String, List<JsonNode>> evals = Views.staleEvaluationsByJob(s);
        List<String> wrong = new ArrayList<>();
        for (WriteLoad.Ack ack : acks) {
            Long jobModifyIndex = jobs.jobModifyIndexes().get(ack.jobId());
            if (jobModifyIndex == null || jobModifyIndex != ack.jobModifyIndex()) {
                wrong.add(ack + ": listed with JobModifyIndex " + jobModifyIndex);
            }
            List<JsonNode> forJob = evals.getOrDefault(ack.jobId(), List.of());
            if (forJob.size() != 1 || !forJob.get(0).get("ID").asText().equals(ack.evalId())
                    || forJob.get(0).get("CreateIndex").asLong() != ack.evalCreateIndex()) {
                wrong.add(ack + ": evaluations " + forJob);
            }
        }
        assertThat(wrong).as("acknowledged writes not held exactly as acknowledged by " + s.name()).isEmpty();
    }

    private static List<WriteLoad.Ack> sentAfter(List<WriteLoad.Ack> acks, long nanos) {
        return acks.stream().filter(a -> a.firstSentNanos() > nanos).toList();
    }

    private static long longestPauseMillis(List<WriteLoad.Ack> acks) {
        List<Long> times = acks.stream().map(WriteLoad.Ack::ackNanos).sorted(Comparator.naturalOrder()).toList();
        long longest = 0;
        for (int i = 1; i < times.size(); i++) {
            longest = Math.max(longest, times.get(i) - times.get(i - 1));
        }
        return millis(longest);
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
