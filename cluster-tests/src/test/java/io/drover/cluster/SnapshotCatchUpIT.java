package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.testkit.await.Await;
import io.drover.testkit.http.Answer;
import io.drover.testkit.http.NomadClient;
import io.drover.testkit.process.ServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server that was down while the others snapshotted and purged their Raft logs cannot be sent
 * the entries it missed: it must be brought up to date by installing a snapshot, and then look
 * to a client exactly like the others.
 */
class SnapshotCatchUpIT {
    private static final int SNAPSHOT_THRESHOLD = 32;
    // Raft log segments roll at 16 MB and only whole segments are purged: large jobs fill one fast.
    private static final int LARGE_JOB_META_BYTES = 256 * 1024;
    private static final int MAX_LARGE_JOBS = 400;

    @RegisterExtension
    static final LocalCluster cluster = LocalCluster.ofThree("-snapshot-threshold",
            Integer.toString(SNAPSHOT_THRESHOLD));

    @Test
    void aServerBehindThePurgedLogCatchesUpByInstallingASnapshot() {
        ServerProcess leader = cluster.leader();
        ServerProcess lagging = cluster.followers().get(0);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(registered(leader, "before-" + i, Jobs.batch("before-" + i)));
        }
        long shared = Views.awaitSameJobs(cluster.servers(), index(leader), Duration.ofSeconds(10));
        lagging.kill();
        List<ServerProcess> survivors = cluster.running();

        // One write the stopped server will only learn of from a snapshot, sent with a key.
        String key = UUID.randomUUID().toString();
        Answer keyed = survivors.get(0).api().register(Jobs.batch("keyed"), key, NomadClient.DEFAULT_TIMEOUT);
        assertThat(keyed.status()).as(keyed.toString()).isEqualTo(200);
        ids.add("keyed");
        int large = 0;
        while (!purgedPast(survivors, shared + 10)) {
            assertThat(large).as("large jobs written before the survivors purged their logs past %d; first log"
                    + " indexes now %s", shared, firstLogIndexes(survivors)).isLessThan(MAX_LARGE_JOBS);
            String id = "large-" + large++;
            ids.add(registered(survivors.get(large % 2), id, Jobs.large(id, LARGE_JOB_META_BYTES)));
        }
        long purgedBelow = firstLogIndexes(survivors).stream().mapToLong(Long::longValue).min().orElseThrow();
        long highest = index(leader);
        System.out.printf("[snapshot] %s stopped at index %d; after %d large jobs the survivors' logs begin at %s,"
                + " their snapshots are at %s and %s, the leader is at index %d%n", lagging.name(), shared, large,
                firstLogIndexes(survivors), DataDir.snapshotIndexes(survivors.get(0)),
                DataDir.snapshotIndexes(survivors.get(1)), highest);

        long restartedAt = System.nanoTime();
        lagging.start();
        Views.awaitConsistentRead(lagging, "/v1/job/" + ids.get(ids.size() - 1), Duration.ofSeconds(60));
        long converged = Views.awaitSameJobs(cluster.servers(), highest, Duration.ofSeconds(60));
        System.out.printf("[snapshot] %s served index %d like the others %d ms after it was started; its"
                + " snapshots: %s, its log begins at %s%n", lagging.name(), converged,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartedAt), DataDir.snapshotIndexes(lagging),
                DataDir.firstLogIndex(lagging));

        assertThat(Views.staleJobs(lagging, "").ids()).containsExactlyInAnyOrderElementsOf(ids);
        Answer largeJob = lagging.api().get("/v1/job/large-0?stale");
        assertThat(largeJob.status()).as(largeJob.toString()).isEqualTo(200);
        JsonNode meta = largeJob.json().get("Meta");
        assertThat(meta.get("blob").asText()).hasSize(LARGE_JOB_META_BYTES);
        assertThat(DataDir.snapshotIndexes(lagging)).as("snapshots in %s", lagging.dataDir())
                .anySatisfy(i -> assertThat(i).isGreaterThanOrEqualTo(purgedBelow - 1));
        assertThat(DataDir.firstLogIndex(lagging).orElseThrow()).as("first index of the log in %s", lagging.dataDir())
                .isGreaterThan(shared);

        // The snapshot carried everything a server needs to apply later entries as the others do:
        // the keyed write sent again is answered, and applied, as the first time, on every server.
        Answer again = lagging.api().register(Jobs.batch("keyed"), key, NomadClient.DEFAULT_TIMEOUT);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        for (String field : List.of("EvalID", "EvalCreateIndex", "JobModifyIndex", "Index")) {
            assertThat(again.json().get(field)).as(field).isEqualTo(keyed.json().get(field));
        }
        // And it is a full member again: its writes reach everyone, and every server holds the same.
        Answer last = lagging.api().register(Jobs.batch("after-catch-up"));
        assertThat(last.status()).as(last.toString()).isEqualTo(200);
        Views.awaitSameJobs(cluster.servers(), last.json().get("Index").asLong(), Duration.ofSeconds(10));
        // The register's evaluation is scheduled after the register is acknowledged, and the
        // scheduler's write (its blocked evaluation) reaches the servers a moment apart.
        Await.until("every server holds the leader's evaluations", Duration.ofSeconds(10),
                () -> cluster.servers().stream().allMatch(
                        s -> Views.staleEvaluationIds(s).equals(Views.staleEvaluationIds(leader))));
        for (ServerProcess s : cluster.servers()) {
            assertThat(Views.staleEvaluationIds(s)).as("evaluations on %s", s.name())
                    .isEqualTo(Views.staleEvaluationIds(leader));
            Answer versions = s.api().get("/v1/job/keyed/versions?stale");
            assertThat(versions.json().get("Versions")).as("versions of the keyed job on %s", s.name()).hasSize(1);
        }
    }

    /** Whether every one of {@code servers} has purged its Raft log below {@code index}. */
    private static boolean purgedPast(List<ServerProcess> servers, long index) {
        return firstLogIndexes(servers).stream().allMatch(first -> first > index);
    }

    private static List<Long> firstLogIndexes(List<ServerProcess> servers) {
        return servers.stream().map(s -> DataDir.firstLogIndex(s).orElse(0)).toList();
    }

    private static String registered(ServerProcess s, String id, String body) {
        Answer reg = s.api().register(body);
        assertThat(reg.status()).as(reg.toString()).isEqualTo(200);
        return id;
    }

    private static long index(ServerProcess s) {
        return s.api().get("/v1/jobs").index();
    }
}
