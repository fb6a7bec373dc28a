package io.drover.bench;

import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;

/** One thread per connection of a load, each running its loop; the caller waits for them all. */
final class LoadThreads {
    private LoadThreads() {
    }

    /**
     * Runs {@code loop} with each connection number from 0 to {@code connections - 1}, on daemon
     * threads (a load left running does not keep the JVM up), and returns once every loop has
     * ended or the caller is interrupted.
     */
    static void run(int connections, IntConsumer loop) {
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            int connection = c;
            Thread t = new Thread(() -> {
                try {
                    loop.accept(connection);
                } finally {
                    done.countDown();
                }
            }, "load-" + c);
            t.setDaemon(true);
            t.start();
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
