package io.drover.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reads per second of one job (or the job list) with many concurrent connections. */
@Command(name = "read", description = "Reads a job (or /v1/jobs) from many connections for a while.")
final class ReadLoad implements Runnable {
    @Option(names = "--addr", required = true, description = "host:port of each server's HTTP API, comma-separated")
    String addrs;

    @Option(names = "--path", defaultValue = "/v1/job/bench-read")
    String path;

    @Option(names = "--connections", defaultValue = "64")
    int connections;

    @Option(names = "--seconds", defaultValue = "20")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "5")
    int warmupSeconds;

    @Override
    public void run() {
        List<String> servers = Api.split(addrs);
        Api api = new Api();
        try {
            api.register(servers.get(0), "bench-read");
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the job to read", e);
        }
        Stats stats = new Stats();
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            String addr = servers.get(c % servers.size());
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long started = System.nanoTime();
                        boolean ok;
                        try {
                            HttpResponse<String> r = api.get(addr, path, Duration.ofSeconds(30));
                            ok = r.statusCode() == 200;
                        } catch (Exception e) {
                            ok = false;
                        }
                        if (started > warmupEnd) {
                            stats.record(started, ok);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "read-" + c);
            t.setDaemon(true);
            t.start();
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println(stats.summary("read " + path + " (" + connections + " connections, " + servers.size()
                + " server(s))", seconds));
    }
}
