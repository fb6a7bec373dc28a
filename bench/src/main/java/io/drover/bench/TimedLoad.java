package io.drover.bench;

/**
 * Runs one request loop per connection until a deadline, recording each request's latency
 * after a warm-up.
 */
final class TimedLoad {
    /** One request; true if it succeeded. */
    @FunctionalInterface
    interface Request {
        boolean send(int connection) throws Exception;
    }

    private TimedLoad() {
    }

    static Stats run(int connections, int warmupSeconds, int seconds, Request request) {
        Stats stats = new Stats();
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        LoadThreads.run(connections, connection -> {
            while (System.nanoTime() < end) {
                long started = System.nanoTime();
                boolean ok;
                try {
                    ok = request.send(connection);
                } catch (Exception e) {
                    ok = false;
                }
                if (started > warmupEnd) {
                    stats.record(started, ok);
                }
            }
        });
        return stats;
    }
}
