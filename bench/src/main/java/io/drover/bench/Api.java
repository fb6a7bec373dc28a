package io.drover.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The few Nomad API calls the benchmarks make. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;

    Api() {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static String job(String id) {
        return "{\"Job\":{\"ID\":\"" + id + "\",\"Name\":\"" + id + "\",\"Type\":\"batch\",\"Datacenters\":[\"dc1\"],"
                + "\"TaskGroups\":[{\"Name\":\"g\",\"Count\":1,\"Tasks\":[{\"Name\":\"t\",\"Driver\":\"raw_exec\","
                + "\"Config\":{\"command\":\"/bin/sleep\",\"args\":[\"60\"]},"
                + "\"Resources\":{\"CPU\":100,\"MemoryMB\":32}}]}]}}";
    }

    HttpResponse<String> register(String addr, String id) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://" + addr + "/v1/jobs"))
                .timeout(Duration.ofSeconds(30))
                .header("Idempotency-Key", "bench-" + id)
                .POST(HttpRequest.BodyPublishers.ofString(job(id))).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String addr, String path, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://" + addr + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String addr, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://" + addr + path))
                .timeout(Duration.ofSeconds(30)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String addr, String path, Duration timeout) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://" + addr + path)).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    java.util.concurrent.CompletableFuture<HttpResponse<String>> getAsync(String addr, String path, Duration timeout) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://" + addr + path)).timeout(timeout).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    long index(String addr, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(addr, path, Duration.ofSeconds(10));
        return Long.parseLong(r.headers().firstValue("X-Nomad-Index").orElse("0"));
    }

    String leader(String addr) {
        try {
            HttpResponse<String> r = get(addr, "/v1/status/leader?stale", Duration.ofSeconds(2));
            JsonNode n = JSON.readTree(r.body());
            return r.statusCode() == 200 && n.isTextual() ? n.asText() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static List<String> split(String addrs) {
        return List.of(addrs.split(","));
    }
}
