package io.drover.bench;

import io.drover.testkit.http.NomadClient;
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
        List<NomadClient> servers = load.servers();
        try {
            SleepJob.register(servers.get(0), "bench-read");
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the job to read", e);
        }
        Stats stats = TimedLoad.run(load.connections, load.warmupSeconds, load.seconds,
                c -> servers.get(c % servers.size()).get(path, Duration.ofSeconds(30)).status() == 200);
        System.out.println(stats.summary("read " + path + " (" + load.connections + " connections, " + servers.size()
                + " server(s))", load.seconds));
    }
}
