package io.drover.bench;

import java.util.List;
import java.util.UUID;
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
        Stats stats = TimedLoad.run(connections, warmupSeconds, seconds, c -> api.register(
                servers.get(c % servers.size()), "bench-" + run + "-" + seq.incrementAndGet()).statusCode() == 200);
        System.out.println(stats.summary("register (" + connections + " connections, " + servers.size()
                + " server(s))", seconds));
    }
}
