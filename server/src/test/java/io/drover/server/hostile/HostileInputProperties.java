package io.drover.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.server.Agent;
import io.drover.server.config.AgentConfigBuilder;
import io.drover.server.config.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile input against a real dev agent in this process (Raft, RocksDB, the scheduler, the dev
 * node, the HTTP gateway on ports below the ephemeral range): every generated request must be
 * answered, or its connection closed, within a bound; never with a 5xx but 500 "No cluster
 * leader"; with a 4xx where the request is invalid by construction; and leave what a client sees
 * of the state (jobs, allocations, a baseline job's evaluations and index) as it was. Open files
 * and threads must not pile up, and at the end memory must not have grown past a bound.
 *
 * <p>{@code mvn verify} runs a few hundred cases ({@code jqwik.tries.default} in
 * {@code junit-platform.properties}); the long run is in {@code docs/robustness.md}. Shrinking is
 * off: once the agent's state has changed every later case fails too, so the first failing case
 * is the one to read. The report of the run is {@code target/hostile-input-report.txt}.
 */
class HostileInputProperties {
    private static final String BASELINE = "hostile-baseline";
    /** An ordinary request answers in milliseconds; the slowest generated ones (a 4 MiB body) in well under a second. */
    private static final long ANSWER_BOUND_MILLIS = 20_000;
    /**
     * Read timeout of the agent under test: an unfinished request is closed after it. Short, so the
     * cases that wait for it do not dominate the run; the largest body still arrives in time over
     * loopback.
     */
    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);
    /** Connections are closed after each answer: open files grow only by what is being closed. */
    private static final int OPEN_FILES_SLACK = 200;
    private static final int THREADS_SLACK = 50;
    /**
     * The agent runs with the heap bin/drover gives it (256 MiB, see the surefire execution), so
     * the resident set can grow by what the heap fills after start-up plus RocksDB's memtables and
     * block cache (56 MiB) and Netty's buffers; a leak of request bodies or connections would pass
     * it within a few thousand requests. Live heap after a full collection is the finer measure.
     */
    private static final long RSS_GROWTH_BOUND = 320L << 20;
    private static final long HEAP_GROWTH_BOUND = 48L << 20;

    private static Path dir;
    private static Agent agent;
    private static int port;
    private static HostileRequests requests;
    private static StateFingerprint before;
    private static ResourceUsage start;
    private static HostileTally tally;
    private static long startedNanos;

    @BeforeContainer
    static void startAgent() throws Exception {
        dir = Files.createTempDirectory("drover-hostile-");
        int[] ports = LowPorts.pick(3);
        agent = Agent.start(new AgentConfigBuilder().dev(true).name("hostile").dataDir(dir)
                .httpPort(ports[0]).rpcPort(ports[1]).serfPort(ports[2])
                .limits(new Limits(Duration.ofSeconds(5), 100, Duration.ofSeconds(5), 100, READ_TIMEOUT,
                        Duration.ofSeconds(30)))
                .build());
        port = agent.httpPort();
        String nodeId = awaitReadyNode();
        String register = "{\"Job\":{\"ID\":\"" + BASELINE + "\",\"Type\":\"service\",\"Datacenters\":[\"dc1\"],"
                + "\"TaskGroups\":[{\"Name\":\"g\",\"Count\":1,\"Scaling\":{\"Min\":1,\"Max\":1},\"Tasks\":[{\"Name\":\"t\","
                + "\"Driver\":\"mock_driver\",\"Config\":{\"run_for\":\"24h\"},\"Resources\":{\"CPU\":20,\"MemoryMB\":10}}]}]}}";
        RawHttp.Answer registered = send("POST", "/v1/jobs", register);
        assertThat(registered.status()).as(registered.bodyText()).isEqualTo(200);
        JsonNode alloc = awaitRunningAllocation();
        requests = new HostileRequests(new HostileRequests.Known(BASELINE, nodeId, alloc.path("ID").asText(),
                alloc.path("EvalID").asText()));
        before = awaitSettledState();
        tally = new HostileTally();
        start = ResourceUsage.now();
        startedNanos = System.nanoTime();
    }

    @AfterContainer
    static void stopAgent() throws Exception {
        try {
            if (tally != null) {
                ResourceUsage end = ResourceUsage.now();
                String report = tally.report((System.nanoTime() - startedNanos) / 1_000_000_000L, start, end);
                System.out.println(report);
                tally.write(Path.of("target", "hostile-input-report.txt"), report);
                StateFingerprint.capture(port, BASELINE).assertUnchangedSince(before, tally.acceptedDeregisters());
                assertThat(end.rssBytes() - start.rssBytes()).as("resident memory growth").isLessThan(RSS_GROWTH_BOUND);
                assertThat(end.heapAfterGcBytes() - start.heapAfterGcBytes()).as("live heap growth")
                        .isLessThan(HEAP_GROWTH_BOUND);
            }
        } finally {
            if (agent != null) {
                agent.close();
            }
            deleteQuietly(dir);
        }
    }

    @Property(shrinking = ShrinkingMode.OFF, afterFailure = AfterFailureMode.RANDOM_SEED)
    void aHostileRequestIsRefusedOrHarmlessAndNeverFailsTheServer(@ForAll("hostile") HostileRequest request)
            throws IOException {
        RawHttp.Answer answer = RawHttp.exchange(port, request.bytes(), request.isHead(),
                request.expect().allowsClose ? READ_TIMEOUT.toMillis() + ANSWER_BOUND_MILLIS : ANSWER_BOUND_MILLIS);
        tally.record(request, answer);
        Statistics.label("family").collect(request.family());
        Statistics.label("answer").collect(answer.closedUnanswered() ? "closed" : answer.status() / 100 + "xx");

        String seen = HostileTally.classOf(answer);
        if (answer.status() >= 500) {
            assertThat(answer.status() + " " + answer.bodyText()).as("a 5xx other than no leader")
                    .isEqualTo("500 No cluster leader");
        }
        if (answer.closedUnanswered()) {
            assertThat(request.expect().allowsClose).as("closed without an answer").isTrue();
        } else if (answer.status() < 300) {
            assertThat(request.expect().allows2xx).as("accepted (" + seen + ") though invalid").isTrue();
        } else {
            assertThat(answer.status()).as(seen).isBetween(400, 499);
        }
        if (request.expect() == HostileRequest.Expect.ACCOUNTED_DEREGISTER && answer.status() == 200) {
            tally.acceptedDeregister();
        }
        StateFingerprint.capture(port, BASELINE).assertUnchangedSince(before, tally.acceptedDeregisters());
        assertThat(ResourceUsage.openFilesNow()).as("open files").isLessThan(start.openFiles() + OPEN_FILES_SLACK);
        assertThat(Thread.activeCount()).as("threads").isLessThan(start.threads() + THREADS_SLACK);
    }

    @Provide
    Arbitrary<HostileRequest> hostile() {
        return requests.all();
    }

    private static String awaitReadyNode() throws Exception {
        for (int i = 0; i < 600; i++) {
            RawHttp.Answer nodes = send("GET", "/v1/nodes", null);
            if (nodes.status() == 200) {
                for (JsonNode n : JsonMutations.parse(nodes.bodyText())) {
                    if ("ready".equals(n.path("Status").asText())) {
                        return n.path("ID").asText();
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the dev node never became ready");
    }

    private static JsonNode awaitRunningAllocation() throws Exception {
        for (int i = 0; i < 600; i++) {
            RawHttp.Answer allocs = send("GET", "/v1/job/" + BASELINE + "/allocations", null);
            for (JsonNode a : JsonMutations.parse(allocs.bodyText())) {
                if ("running".equals(a.path("ClientStatus").asText())) {
                    return a;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the baseline job's allocation never ran");
    }

    /** The state once the baseline job's evaluation and allocation have stopped changing. */
    private static StateFingerprint awaitSettledState() throws Exception {
        StateFingerprint last = StateFingerprint.capture(port, BASELINE);
        for (int i = 0; i < 100; i++) {
            Thread.sleep(200);
            StateFingerprint now = StateFingerprint.capture(port, BASELINE);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the agent's state never settled");
    }

    private static RawHttp.Answer send(String method, String path, String body) throws IOException {
        byte[] b = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.exchange(port, HostileRequest.of("setup", method, path, b, HostileRequest.Expect.ANY).bytes(),
                false, ANSWER_BOUND_MILLIS);
    }

    private static void deleteQuietly(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
