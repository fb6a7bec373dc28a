package io.drover.bench;

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
}
