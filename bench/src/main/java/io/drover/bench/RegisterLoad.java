package io.drover.bench;

import io.drover.testkit.http.NomadClient;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Job registers per second with many concurrent connections, spread over the given servers. */
@Command(name = "register", description = "Registers distinct jobs from many connections for a while.")
final class RegisterLoad implements Runnable {
    @Mixin
    LoadOptions load;

    @Override
    public void run() {
        List<NomadClient> servers = load.servers();
        String run = UUID.randomUUID().toString().substring(0, 8);
        AtomicLong seq = new AtomicLong();
        Stats stats = TimedLoad.run(load.connections, load.warmupSeconds, load.seconds, c -> SleepJob.register(
                servers.get(c % servers.size()), "bench-" + run + "-" + seq.incrementAndGet()).status() == 200);
        System.out.println(stats.summary("register (" + load.connections + " connections, " + servers.size()
                + " server(s))", load.seconds));
    }
}
