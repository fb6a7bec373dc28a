package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.GatewayHarness;
import io.drover.http.testing.Jobs;
import io.drover.testkit.http.Answer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every route shares: unknown routes, methods, body limits, encodings, connections. */
class TransportTest {
    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void anUnknownRouteIs404WithNothingElse() {
        for (String path : new String[] {"/v1/jobz", "/", "/v1/jobs/", "/v1/job", "/v1/node/x/evaluate",
            "/v1/node/x/purge"}) {
            Answer a = h.get(path);

            assertThat(a.status()).as(path).isEqualTo(404);
            assertThat(a.body()).as(path).isEmpty();
            assertThat(a.header("Content-Type")).as(path).isNull();
            assertThat(a.header("X-Nomad-Index")).as(path).isNull();
        }
    }

    @Test
    void aWrongMethodOnAKnownRouteIs405() {
        String[][] calls = {{"DELETE", "/v1/jobs"}, {"PATCH", "/v1/job/sleep-batch"}, {"GET", "/v1/job/x/evaluate"}, {"GET", "/v1/job/x/periodic/force"},
            {"POST", "/v1/job/x/summary"}, {"GET", "/v1/job/x/revert"}, {"DELETE", "/v1/job/x/stable"},
            {"POST", "/v1/evaluations"}, {"PUT", "/v1/evaluation/abc"}, {"POST", "/v1/status/leader"},
            {"DELETE", "/v1/agent/self"}, {"POST", "/v1/operator/raft/configuration"}, {"GET", "/v1/job/x/plan"},
            {"POST", "/v1/nodes"}, {"PUT", "/v1/node/n1"}, {"POST", "/v1/node/n1/allocations"},
            {"GET", "/v1/node/n1/drain"}, {"GET", "/v1/node/n1/eligibility"}, {"DELETE", "/v1/allocations"},
            {"POST", "/v1/allocation/a1"}, {"GET", "/v1/allocation/a1/stop"}, {"GET", "/v1/job/x/dispatch"}, {"DELETE", "/v1/job/x/scale"}};
        for (String[] call : calls) {
            Answer a = h.send(call[0], call[1], null);

            assertThat(a.status()).as(call[0] + " " + call[1]).isEqualTo(405);
            assertThat(a.body()).isEqualTo("Invalid method");
            assertThat(a.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        }
        assertThat(h.cluster.writes).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIs413AndTheConnectionStaysUsable() {
        try (GatewayHarness small = GatewayHarness.withBodyLimit(1024)) {
            Answer tooLarge = small.post("/v1/jobs", "{\"Job\": {\"ID\": \"" + "x".repeat(2000) + "\"}}");
            Answer next = small.get("/v1/jobs");

            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.body()).isEqualTo("Request body too large");
            assertThat(tooLarge.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(next.status()).isEqualTo(200);
            assertThat(small.cluster.writes).isEmpty();
            assertThat(small.post("/v1/jobs", Jobs.registerBody("fits")).status()).isEqualTo(200);
        }
    }

    @Test
    void aClientExpectingToContinueIsToldTheBodyIsTooLarge() throws IOException {
        try (GatewayHarness small = GatewayHarness.withBodyLimit(1024)) {
            // Java 17's HttpClient hangs on a final answer to Expect: 100-continue; speak raw HTTP.
            String response = raw(small, "POST /v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: 4096\r\n"
                    + "Expect: 100-continue\r\nConnection: close\r\n\r\n");

            assertThat(response).startsWith("HTTP/1.1 413 Request Entity Too Large")
                    .contains("Content-Type: text/plain; charset=utf-8").endsWith("Request body too large");
        }
    }

    @Test
    void bodiesAreGzippedForClientsThatAcceptIt() throws IOException {
        h.store.upsertJob(Jobs.batch("sleep-batch"));
        String plain = h.get("/v1/jobs").body();

        Answer gzipped = h.send(h.request("/v1/jobs").header("Accept-Encoding", "deflate, gzip, br, zstd").GET()
                .build());
        Answer refused = h.send(h.request("/v1/jobs").header("Accept-Encoding", "gzip;q=0, identity").GET().build());

        assertThat(gzipped.status()).isEqualTo(200);
        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(gzipped.header("Content-Length")).isEqualTo(Integer.toString(gzipped.bytes().length));
        assertThat(gunzip(gzipped.bytes())).isEqualTo(plain);
        assertThat(refused.header("Content-Encoding")).isNull();
        assertThat(refused.body()).isEqualTo(plain);
    }

    @Test
    void errorsAreGzippedTooButEmptyBodiesAreNot() throws IOException {
        Answer error = h.send(h.request("/v1/job/nope").header("Accept-Encoding", "gzip").GET().build());
        Answer empty = h.send(h.request("/v1/nope").header("Accept-Encoding", "gzip").GET().build());

        assertThat(error.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gunzip(error.bytes())).isEqualTo("job not found");
        assertThat(empty.header("Content-Encoding")).isNull();
        assertThat(empty.bytes()).isEmpty();
    }

    @Test
    void prettyIndentsAnyAnswer() {
        assertThat(h.get("/v1/jobs?pretty").body()).isEqualTo("[]\n");
        assertThat(h.get("/v1/jobs?pretty=0").body()).isEqualTo("[]");
        assertThat(h.get("/v1/status/peers?pretty=true").body())
                .isEqualTo("[\n    \"127.0.0.1:4647\",\n    \"127.0.0.2:4647\"\n]\n");
    }

    @Test
    void aMalformedPathEscapeIs400() throws IOException {
        String response = raw("GET /v1/job/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 Bad Request").endsWith("invalid URL escape");
    }

    @Test
    void aBadRequestBehindAGoodOneIsAnsweredInItsTurn() throws IOException {
        String response = raw("GET /v1/status/leader HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /v1/job/%zz HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 200 OK");
        assertThat(response.indexOf("HTTP/1.1 400 Bad Request")).isGreaterThan(0);
        assertThat(response).endsWith("invalid URL escape");
    }

    @Test
    void aRequestThatIsNotHttpIs400AndCloses() throws IOException {
        String response = raw("NOT HTTP AT ALL\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 Bad Request").containsIgnoringCase("Connection: close")
                .endsWith("Bad Request");
    }

    @Test
    void oneConnectionServesPipelinedRequestsInOrder() throws IOException {
        h.store.upsertJob(Jobs.batch("sleep-batch"));

        String response = raw("GET /v1/job/sleep-batch/summary HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /v1/jobz HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /v1/status/leader HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        int first = response.indexOf("HTTP/1.1 200 OK");
        int second = response.indexOf("HTTP/1.1 404 Not Found");
        int third = response.indexOf("HTTP/1.1 200 OK", second);
        assertThat(first).isZero();
        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
        assertThat(response).endsWith("\"127.0.0.1:4647\"");
    }

    @Test
    void longPrefixesFitInTheRequestLine() {
        Answer a = h.get("/v1/jobs?prefix=" + "p".repeat(10_000));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("[]");
    }

    @Test
    void putWorksWhereverPostDoes() {
        Answer a = h.send(h.request("/v1/job/x/evaluate").PUT(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(a.status()).isEqualTo(200);
    }

    private String raw(String request) throws IOException {
        return raw(h, request);
    }

    /** Sends raw bytes on a fresh connection and reads until the server closes it. */
    private static String raw(GatewayHarness harness, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", harness.gateway.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
