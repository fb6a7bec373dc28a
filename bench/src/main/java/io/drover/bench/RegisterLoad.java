package io.drover.bench;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Job registers per second with many concurrent connections, spread over the given servers. */
@Command(name = "register", description = "Registers distinct jobs from many connections for a while.")
final class RegisterLoad implements Runnable {
    @Option(names = "--addr", required = true, description = "host:port of each server's HTTP API, comma-separated")
    String addrs;

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
        String run = UUID.randomUUID().toString().substring(0, 8);
        AtomicLong seq = new AtomicLong();
        Stats[] stats = {new Stats()};
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
                            HttpResponse<String> r = api.register(addr, "bench-" + run + "-" + seq.incrementAndGet());
                            ok = r.statusCode() == 200;
                        } catch (Exception e) {
                            ok = false;
                        }
                        if (started > warmupEnd) {
                            stats[0].record(started, ok);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "register-" + c);
            t.setDaemon(true);
            t.start();
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println(stats[0].summary("register (" + connections + " connections, " + servers.size()
                + " server(s))", seconds));
    }
}
