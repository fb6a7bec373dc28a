package io.drover.bench;

import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Reads per second of one job (or the job list) with many concurrent connections. */
@Command(name = "read", description = "Reads a job (or /v1/jobs) from many connections for a while.")
final class ReadLoad implements Runnable {
    @Mixin
    LoadOptions load;

    @Option(names = "--path", defaultValue = "/v1/job/bench-read")
    String path;

    @Override
    public void run() {
        List<String> servers = Api.split(load.addrs);
        Api api = new Api();
        try {
            api.register(servers.get(0), "bench-read");
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the job to read", e);
        }
        Stats stats = TimedLoad.run(load.connections, load.warmupSeconds, load.seconds,
                c -> api.get(servers.get(c % servers.size()), path, Duration.ofSeconds(30)).statusCode() == 200);
        System.out.println(stats.summary("read " + path + " (" + load.connections + " connections, " + servers.size()
                + " server(s))", load.seconds));
    }
}
