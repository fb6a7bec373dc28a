package io.drover.bench;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A benchmark's body, which talks to a separate agent and so blocks and does I/O. Picocli runs
 * commands as {@link Runnable}s: {@link #run} lets an interrupt end the benchmark quietly (the
 * user pressed Ctrl-C) and fails it on an I/O error.
 */
@FunctionalInterface
interface Measurement {
    void measure() throws IOException, InterruptedException;

    static void run(Measurement m) {
        try {
            m.measure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
