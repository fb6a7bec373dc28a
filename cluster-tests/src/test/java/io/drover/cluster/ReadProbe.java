package io.drover.cluster;

import io.drover.testkit.http.Answer;
import io.drover.testkit.process.ServerProcess;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * A client that keeps reading the jobs index from every server in turn, both the default way
 * (answered by the leader) and {@code ?stale} (answered by the server itself), and records what
 * it is shown. Reads that get no answer or an error are skipped: only answers carry a promise.
 */
final class ReadProbe {
    // An ID prefix no job has: the answer is small, and its index is still the jobs index.
    private static final String QUERY = "/v1/jobs?prefix=no-such-job-";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long PACE_MILLIS = 10;

    private final List<ServerProcess> servers;
    private final IndexHistory history;
    private final Thread thread;
    private volatile boolean stopping;

    ReadProbe(List<ServerProcess> servers, IndexHistory history) {
        this.servers = List.copyOf(servers);
        this.history = history;
        this.thread = new Thread(this::run, "read-probe");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() throws InterruptedException {
        stopping = true;
        thread.join(2 * TIMEOUT.toMillis() + 5_000);
    }

    /** A few reads per server per 100 ms: enough to see every change, little CPU taken from the servers. */
    private static void pace() {
        try {
            Thread.sleep(PACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        for (int i = 0; !stopping; i++) {
            ServerProcess s = servers.get(i % servers.size());
            boolean stale = (i / servers.size()) % 2 == 1;
            long sent = System.nanoTime();
            try {
                Answer a = s.api().get(stale ? QUERY + "&stale" : QUERY, TIMEOUT);
                if (a.status() == 200) {
                    history.observe(s.name(), stale ? IndexHistory.STALE_READ : IndexHistory.DEFAULT_READ, sent,
                            System.nanoTime(), a.index());
                }
            } catch (UncheckedIOException e) {
                // a server that is down or restarting: nothing was promised
            }
            pace();
        }
    }
}
