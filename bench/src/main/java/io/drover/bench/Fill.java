package io.drover.bench;

import io.drover.testkit.http.NomadClient;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Registers N jobs (e.g. to measure a server's memory holding them). */
@Command(name = "fill", description = "Registers N distinct jobs as fast as the server takes them.")
final class Fill implements Runnable {
    @Option(names = "--addr", required = true)
    String addr;

    @Option(names = "--jobs", defaultValue = "10000")
    int jobs;

    @Option(names = "--connections", defaultValue = "32")
    int connections;

    @Option(names = "--prefix", defaultValue = "fill", description = "job IDs are <prefix>-NNNNNN (default ${DEFAULT-VALUE})")
    String prefix;

    @Override
    public void run() {
        NomadClient api = new NomadClient(addr, addr);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long started = System.nanoTime();
        LoadThreads.run(connections, c -> {
            for (int i; (i = next.getAndIncrement()) < jobs; ) {
                try {
                    if (SleepJob.register(api, String.format("%s-%06d", prefix, i)).status() != 200) {
                        failed.incrementAndGet();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            }
        });
        System.out.printf("fill: %d jobs registered (%d failed) in %.1f s%n", jobs - failed.get(), failed.get(),
                (System.nanoTime() - started) / 1e9);
    }
}
