package io.drover.client.driver;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/**
 * Copies one output stream of a task's process into its {@link FileRotator} on a daemon thread
 * of its own (Nomad runs logmon beside the task for the same job): the process never blocks on
 * a full pipe, and the files rotate as they fill. Ends when every holder of the pipe has closed
 * it; {@link #drained()} then completes.
 */
final class LogPump {
    private static final int BUFFER = 32 * 1024;

    private final CompletableFuture<Void> drained = new CompletableFuture<>();

    private LogPump(InputStream in, FileRotator sink, String threadName) {
        Thread t = new Thread(() -> pump(in, sink), threadName);
        t.setDaemon(true);
        t.start();
    }

    static LogPump start(InputStream in, FileRotator sink, String threadName) {
        return new LogPump(in, sink, threadName);
    }

    CompletableFuture<Void> drained() {
        return drained;
    }

    private void pump(InputStream in, FileRotator sink) {
        byte[] buf = new byte[BUFFER];
        boolean sinkBroken = false;
        try (in; sink) {
            try {
                sink.create();
            } catch (IOException e) {
                sinkBroken = true;
            }
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (sinkBroken) {
                    continue;
                }
                try {
                    sink.write(buf, 0, n);
                    // Flushed per read: the files are what `alloc logs` and tests read while it runs.
                    sink.flush();
                } catch (IOException e) {
                    // The disk refused: keep draining so the task never blocks; its output is lost from here.
                    sinkBroken = true;
                }
            }
        } catch (IOException e) {
            // The pipe broke: nothing more will come.
        } finally {
            drained.complete(null);
        }
    }
}
