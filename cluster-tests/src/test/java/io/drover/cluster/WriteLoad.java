package io.drover.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.testkit.http.Answer;
import io.drover.testkit.process.ServerProcess;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients that keep registering distinct jobs, spread over every server, the way a careful
 * Nomad user scripts it: each job gets its own {@code Idempotency-Key}, and a write that fails
 * (no answer, a timeout, a 5xx) is sent again with the same key to the next server until it is
 * acknowledged. Every acknowledgement and every index seen is recorded in an {@link IndexHistory}.
 */
final class WriteLoad {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(30);
    private static final long RETRY_PAUSE_MILLIS = 50;

    private final List<ServerProcess> servers;
    private final String prefix;
    private final IndexHistory history;
    private final AtomicInteger sequence = new AtomicInteger();
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final AtomicInteger retries = new AtomicInteger();
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean stopping;

    WriteLoad(List<ServerProcess> servers, String prefix, IndexHistory history) {
        this.servers = List.copyOf(servers);
        this.prefix = prefix;
        this.history = history;
    }

    /** An acknowledged registration: what the client was told, and when. */
    record Ack(String jobId, String server, long firstSentNanos, long ackNanos, int attempts, long index,
            long jobModifyIndex, String evalId, long evalCreateIndex) {
    }

    void start(int clientCount) {
        for (int c = 0; c < clientCount; c++) {
            int client = c;
            Thread t = new Thread(() -> run(client), "write-load-" + c);
            t.setDaemon(true);
            clients.add(t);
            t.start();
        }
    }

    /** Lets each client finish the job it is on (acknowledged or given up), then returns. */
    void stop() throws InterruptedException {
        stopping = true;
        for (Thread t : clients) {
            t.join(GIVE_UP_AFTER.plus(REQUEST_TIMEOUT).toMillis() + 5_000);
        }
    }

    List<Ack> acks() {
        return List.copyOf(acks);
    }

    /** Writes that were refused (4xx) or never acknowledged: none is expected. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** How many attempts were repeats of a job already sent. */
    int retries() {
        return retries.get();
    }

    private void run(int client) {
        while (!stopping) {
            int n = sequence.incrementAndGet();
            register(client, prefix + n, n);
        }
    }

    private void register(int client, String jobId, int n) {
        String key = UUID.randomUUID().toString();
        String body = Jobs.batch(jobId);
        long firstSent = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            ServerProcess server = servers.get((client + n + attempt) % servers.size());
            Optional<String> failure;
            try {
                Answer a = server.api().register(body, key, REQUEST_TIMEOUT);
                long received = System.nanoTime();
                if (a.status() == 200) {
                    JsonNode r = a.json();
                    Ack ack = new Ack(jobId, server.name(), firstSent, received, attempt + 1, r.get("Index").asLong(),
                            r.get("JobModifyIndex").asLong(), r.get("EvalID").asText(),
                            r.get("EvalCreateIndex").asLong());
                    acks.add(ack);
                    // A retry may be answered with what its first attempt did, so it orders from its first sending.
                    history.observe(server.name(), IndexHistory.WRITE, firstSent, received, ack.index());
                    return;
                }
                if (a.status() < 500) {
                    problems.add(jobId + " refused: " + a);
                    return;
                }
                failure = Optional.of(a.toString());
            } catch (UncheckedIOException e) {
                failure = Optional.of(e.getMessage());
            }
            if (System.nanoTime() - firstSent > GIVE_UP_AFTER.toNanos()) {
                problems.add(jobId + " never acknowledged in " + (attempt + 1) + " attempts; last: " + failure.get());
                return;
            }
            retries.incrementAndGet();
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
