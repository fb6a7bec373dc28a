package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.testkit.http.Answer;
import io.drover.testkit.process.ServerProcess;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server killed (SIGKILL: nothing flushed) and started again must not answer reads, in any
 * mode, from a state older than it had before: a client that saw index N and all N's jobs must
 * never see less from it afterwards. (It once answered {@code ?consistent} and {@code ?stale}
 * with {@code X-Nomad-Index: 0} and no jobs for seconds after the restart.)
 */
class RestartedServerReadsIT {
    private static final int JOBS = 200;
    private static final Duration READING_FOR = Duration.ofSeconds(60);

    @RegisterExtension
    static final LocalCluster cluster = LocalCluster.ofOne();

    @Test
    void noReadAfterAKillAndRestartAnswersFromAnOlderState() {
        ServerProcess server = cluster.leader();
        for (int i = 0; i < JOBS; i++) {
            Answer a = server.api().register(Jobs.batch("before-kill-" + i));
            assertThat(a.status()).as(a.toString()).isEqualTo(200);
        }
        Answer before = server.api().get("/v1/jobs?stale");
        long indexBefore = before.index();
        assertThat(before.json().size()).isEqualTo(JOBS);

        server.kill();
        server.start();

        List<String> answers = new ArrayList<>();
        boolean caughtUp = false;
        long end = System.nanoTime() + READING_FOR.toNanos();
        while (!caughtUp && System.nanoTime() < end) {
            for (String mode : List.of("?consistent", "?stale", "")) {
                Answer a;
                try {
                    a = server.api().get("/v1/jobs" + mode, Duration.ofSeconds(10));
                } catch (UncheckedIOException notListeningYet) {
                    continue;
                }
                String seen = (mode.isEmpty() ? "default" : mode) + " " + a.status();
                if (a.status() == 200) {
                    seen += " index " + a.index() + " jobs " + a.json().size();
                    assertThat(a.index()).as("X-Nomad-Index of %s after the restart (before: %d); answers so far %s",
                            mode, indexBefore, answers).isGreaterThanOrEqualTo(indexBefore);
                    assertThat(a.json().size()).as("jobs listed by %s after the restart; answers so far %s", mode,
                            answers).isEqualTo(JOBS);
                    caughtUp |= mode.isEmpty();
                } else {
                    assertThat(a.body()).as(a.toString()).isEqualTo("No cluster leader");
                }
                answers.add(seen);
            }
        }
        assertThat(caughtUp).as("a default read answered within %s; answers %s", READING_FOR, answers).isTrue();
    }
}
