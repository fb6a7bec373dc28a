package io.drover.bench;

import io.drover.testkit.http.NomadClient;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** The options every timed load shares. */
final class LoadOptions {
    @Option(names = "--addr", required = true, description = "host:port of each server's HTTP API, comma-separated")
    String addrs;

    @Option(names = "--connections", defaultValue = "64")
    int connections;

    @Option(names = "--seconds", defaultValue = "20")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "5")
    int warmupSeconds;

    /** One client per server named in {@code --addr}. */
    List<NomadClient> servers() {
        return Stream.of(addrs.split(",")).map(a -> new NomadClient(a, a)).toList();
    }
}
