package io.drover.bench;

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
        List<String> servers = Api.split(load.addrs);
        Api api = new Api();
        String run = UUID.randomUUID().toString().substring(0, 8);
        AtomicLong seq = new AtomicLong();
        Stats stats = TimedLoad.run(load.connections, load.warmupSeconds, load.seconds, c -> api.register(
                servers.get(c % servers.size()), "bench-" + run + "-" + seq.incrementAndGet()).statusCode() == 200);
        System.out.println(stats.summary("register (" + load.connections + " connections, " + servers.size()
                + " server(s))", load.seconds));
    }
}
