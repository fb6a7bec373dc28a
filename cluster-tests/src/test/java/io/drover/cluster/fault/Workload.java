package io.drover.cluster.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.testkit.http.Answer;
import io.drover.testkit.process.ServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load a cluster carries while faults strike, as API clients would put it on: a writer per
 * server registering jobs of their own (retrying a write whose outcome is unknown with the same
 * Idempotency-Key, on another server), check-and-set clients racing on a few shared jobs through
 * random servers with {@code ?consistent} reads, and a reader per server and consistency mode
 * watching {@code X-Nomad-Index}. Everything is recorded in a {@link ClientHistory}.
 */
final class Workload implements AutoCloseable {
    static final String WRITE_PREFIX = "w-";
    static final String CAS_PREFIX = "cas-";
    static final String NO_LEADER = "No cluster leader";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int WRITE_ATTEMPTS = 3;
    private static final List<String> MODES = List.of("default", "stale", "consistent");

    private final List<ServerProcess> servers;
    private final ClientHistory history;
    private final Duration writeInterval;
    private final int casKeys;
    private final long seed;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong jobSeq = new AtomicLong();
    private final AtomicLong valueSeq = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();

    Workload(List<ServerProcess> servers, ClientHistory history, Duration writeInterval, int casKeys, long seed) {
        this.servers = List.copyOf(servers);
        this.history = history;
        this.writeInterval = writeInterval;
        this.casKeys = casKeys;
        this.seed = seed;
    }

    void start() {
        for (int i = 0; i < servers.size(); i++) {
            int home = i;
            spawn("writer-" + i, () -> writeLoop(home));
            for (String mode : MODES) {
                spawn("reader-" + i + "-" + mode, () -> readLoop(servers.get(home), mode));
            }
        }
        // Two clients per shared job: their check-and-sets race, so 409s and retries happen.
        int client = 0;
        for (int key = 0; key < casKeys; key++) {
            for (int c = 0; c < 2; c++) {
                int id = client++;
                String job = CAS_PREFIX + key;
                spawn("cas-" + id, () -> casLoop(id, job, new Random(seed * 31 + id)));
            }
        }
    }

    private void spawn(String name, Runnable loop) {
        Thread t = new Thread(loop, "workload-" + name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void writeLoop(int home) {
        while (running.get()) {
            String id = WRITE_PREFIX + jobSeq.incrementAndGet();
            write(id, home);
            sleep(writeInterval.toMillis());
        }
    }

    /** One job's registration, retried with its key on the next server while its outcome is unknown. */
    private void write(String id, int home) {
        long started = System.nanoTime();
        String detail = "";
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            ServerProcess s = servers.get((home + attempt) % servers.size());
            try {
                Answer a = s.api().register(FaultJobs.batch(id), id, REQUEST_TIMEOUT);
                if (a.status() == 200) {
                    history.write(new ClientHistory.Write(id, s.name(), started, System.nanoTime(),
                            ClientHistory.Outcome.ACKNOWLEDGED, a.json().get("JobModifyIndex").asLong(), ""));
                    return;
                }
                if (a.status() >= 400 && a.status() < 500) {
                    unexpected(s, "POST /v1/jobs " + id, a);
                    history.write(new ClientHistory.Write(id, s.name(), started, System.nanoTime(),
                            ClientHistory.Outcome.REFUSED, 0, a.status() + " " + a.body()));
                    return;
                }
                classify5xx(s, "POST /v1/jobs " + id, a);
                detail = a.status() + " " + a.body();
            } catch (RuntimeException noAnswer) {
                detail = noAnswer.toString();
            }
            if (!running.get()) {
                break;
            }
        }
        history.write(new ClientHistory.Write(id, servers.get(home).name(), started, System.nanoTime(),
                ClientHistory.Outcome.UNKNOWN, 0, detail));
    }

    private void casLoop(int client, String job, Random random) {
        while (running.get()) {
            ServerProcess reader = servers.get(random.nextInt(servers.size()));
            JobRegisterModel.Output seen = consistentRead(client, job, reader);
            long expected;
            if (seen instanceof JobRegisterModel.Found f) {
                expected = f.index();
            } else if (seen == JobRegisterModel.NOT_FOUND) {
                expected = 0;
            } else {
                sleep(50);
                continue;
            }
            ServerProcess writer = servers.get(random.nextInt(servers.size()));
            String value = "v" + valueSeq.incrementAndGet();
            History.Call<JobRegisterModel.Input, JobRegisterModel.Output> call =
                    history.cas.invoke(client, new JobRegisterModel.Cas(job, value, expected));
            try {
                Answer a = writer.api().post("/v1/jobs", FaultJobs.checkAndSet(job, value, expected),
                        REQUEST_TIMEOUT);
                if (a.status() == 200) {
                    call.ok(new JobRegisterModel.Written(a.json().get("JobModifyIndex").asLong()));
                } else if (a.status() == 409) {
                    call.ok(JobRegisterModel.CONFLICT);
                } else {
                    if (a.status() < 500) {
                        unexpected(writer, "POST /v1/jobs (check-and-set " + job + ")", a);
                    } else {
                        classify5xx(writer, "POST /v1/jobs (check-and-set " + job + ")", a);
                    }
                    call.unknown();
                }
            } catch (RuntimeException noAnswer) {
                call.unknown();
            }
            sleep(20);
        }
    }

    private JobRegisterModel.Output consistentRead(int client, String job, ServerProcess s) {
        History.Call<JobRegisterModel.Input, JobRegisterModel.Output> call =
                history.cas.invoke(client, new JobRegisterModel.Read(job));
        try {
            Answer a = s.api().get("/v1/job/" + job + "?consistent", REQUEST_TIMEOUT);
            history.read("consistent-cas");
            if (a.status() == 200) {
                JsonNode j = a.json();
                JobRegisterModel.Output found = new JobRegisterModel.Found(j.path("Meta").path("value").asText(),
                        j.get("JobModifyIndex").asLong());
                call.ok(found);
                return found;
            }
            if (a.status() == 404) {
                call.ok(JobRegisterModel.NOT_FOUND);
                return JobRegisterModel.NOT_FOUND;
            }
            classify5xx(s, "GET /v1/job/" + job + "?consistent", a);
        } catch (RuntimeException noAnswer) {
            // no answer: the read tells nothing
        }
        call.unknown();
        return null;
    }

    private void readLoop(ServerProcess s, String mode) {
        long last = -1;
        String path = "/v1/job/" + CAS_PREFIX + "0" + (mode.equals("default") ? "" : "?" + mode);
        while (running.get()) {
            try {
                Answer a = s.api().get(path, REQUEST_TIMEOUT);
                if (a.status() == 200 || a.status() == 404) {
                    history.read(mode);
                    long index = a.index();
                    if (index < last) {
                        history.regressions.add(new ClientHistory.Regression(s.name(), mode, last, index,
                                System.nanoTime()));
                    }
                    last = Math.max(last, index);
                } else {
                    classify5xx(s, "GET " + path, a);
                }
            } catch (RuntimeException noAnswer) {
                // the server is down or frozen: what it answers once back is what counts
            }
            sleep(50);
        }
    }

    private void classify5xx(ServerProcess s, String request, Answer a) {
        if (a.status() == 500 && NO_LEADER.equals(a.body())) {
            history.noLeaderAnswers.incrementAndGet();
        } else {
            unexpected(s, request, a);
        }
    }

    private void unexpected(ServerProcess s, String request, Answer a) {
        history.unexpected.add(new ClientHistory.Unexpected(s.name(), request, a.status(),
                a.body().length() > 300 ? a.body().substring(0, 300) : a.body(), System.nanoTime()));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops every client and waits for the requests in flight to end. */
    @Override
    public void close() {
        running.set(false);
        for (Thread t : threads) {
            try {
                t.join(REQUEST_TIMEOUT.toMillis() * (WRITE_ATTEMPTS + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
