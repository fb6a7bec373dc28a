package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.testkit.await.Await;
import io.drover.testkit.http.Answer;
import io.drover.testkit.process.ServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Periodic launches on three server processes across a SIGKILL of the leader: the new leader
 * goes on launching from the replicated launch record, no launch is made twice, and launches
 * missed while no leader existed are made up by one launch, as Nomad does.
 */
class PeriodicFailoverIT {
    @RegisterExtension
    static final LocalCluster cluster = LocalCluster.ofThreeWithoutScheduling();

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String JOB = "tick";
    /** Every two seconds (7 fields: seconds first, year last). */
    private static final long PERIOD = 2;

    @Test
    void launchesGoOnAfterTheLeaderIsKilledNoneTwiceAndNoneLost() {
        ServerProcess oldLeader = cluster.leader();
        Answer reg = oldLeader.api().register("{\"Job\": {\"ID\": \"" + JOB + "\", \"Type\": \"batch\","
                + " \"Datacenters\": [\"dc1\"],"
                + " \"Periodic\": {\"Enabled\": true, \"SpecType\": \"cron\", \"Spec\": \"*/2 * * * * * *\"},"
                + " \"TaskGroups\": [{\"Name\": \"g\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"mock_driver\","
                + " \"Config\": {\"run_for\": \"1s\"}}]}]}}");
        assertThat(reg.status()).as(reg.toString()).isEqualTo(200);
        Await.until("the first leader launches 3 children", BOUND, () -> launches(oldLeader).size() >= 3);

        long killedAt = System.currentTimeMillis() / 1000;
        oldLeader.kill();
        ServerProcess newLeader = cluster.leader();
        long ledAgainAt = System.currentTimeMillis() / 1000;
        assertThat(newLeader).isNotSameAs(oldLeader);
        Await.until("the new leader launches 3 more children", BOUND,
                () -> launches(newLeader).stream().filter(s -> s > ledAgainAt + 1).count() >= 3);

        List<Long> launched = launches(newLeader);
        assertThat(new TreeSet<>(launched)).as("launch times, each once").hasSize(launched.size());
        // Only a catch-up launch for the leaderless time may fall between the cron's marks.
        assertThat(launched.stream().filter(s -> s % PERIOD != 0).count()).as("off-mark launches in " + launched)
                .isLessThanOrEqualTo(1);
        // Apart from the failover window, every mark has its launch: no gap wider than the period.
        List<String> gaps = new ArrayList<>();
        for (int i = 1; i < launched.size(); i++) {
            long a = launched.get(i - 1);
            long b = launched.get(i);
            boolean spansFailover = a <= ledAgainAt + 1 && b >= killedAt - 1;
            if (b - a > PERIOD && !spansFailover) {
                gaps.add(a + ".." + b);
            }
        }
        assertThat(gaps).as("marks without a launch outside the failover window (killed at " + killedAt
                + ", leader again at " + ledAgainAt + ") in " + launched).isEmpty();
        System.out.printf("[periodic] launches %s; leader killed at %d, new leader at %d%n", launched, killedAt,
                ledAgainAt);
    }

    /** The children's launch times (unix seconds, from their IDs), in order. */
    private static List<Long> launches(ServerProcess server) {
        Answer a = server.api().get("/v1/jobs?prefix=" + JOB + "/periodic-");
        if (a.status() != 200) {
            return List.of();
        }
        List<Long> seconds = new ArrayList<>();
        for (JsonNode j : a.json()) {
            String id = j.get("ID").asText();
            seconds.add(Long.parseLong(id.substring(id.lastIndexOf('-') + 1)));
        }
        seconds.sort(null);
        return seconds;
    }
}
