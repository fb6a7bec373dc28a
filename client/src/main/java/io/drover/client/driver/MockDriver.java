package io.drover.client.driver;

import io.drover.client.ClientTimers;
import io.drover.client.MockTaskConfig;
import io.drover.model.json.GoTime;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Nomad's {@code mock_driver}, with nodesim's semantics ({@link MockTaskConfig}): nothing runs;
 * the task "exits" after {@code run_for} with {@code exit_code}/{@code exit_signal}/
 * {@code exit_err_msg}, fails to start with {@code start_error}, and takes {@code kill_after}
 * to die once killed. Lets every lifecycle path be driven without real processes.
 */
public final class MockDriver implements Driver {
    public static final String NAME = "mock_driver";

    private final ClientTimers timers;

    public MockDriver(ClientTimers timers) {
        this.timers = Objects.requireNonNull(timers, "timers");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TaskHandle start(TaskSpec spec) throws DriverException {
        MockTaskConfig config = MockTaskConfig.of(spec.task());
        if (!config.startError().isEmpty()) {
            throw new DriverException(config.startError(), config.startErrorRecoverable());
        }
        return new MockHandle(config, timers);
    }

    /** A task that only exists as a timer. Confined to the timers' thread. */
    private static final class MockHandle implements TaskHandle {
        private final MockTaskConfig config;
        private final ClientTimers timers;
        private final long startedNanos;
        private final CompletableFuture<ExitResult> exited = new CompletableFuture<>();
        private Future<?> timer;

        MockHandle(MockTaskConfig config, ClientTimers timers) {
            this.config = config;
            this.timers = timers;
            this.startedNanos = GoTime.unixNanos(timers.now());
            if (!config.runsUntilStopped()) {
                timer = timers.schedule(config.runForNanos(), this::exit);
            }
        }

        private void exit() {
            exited.complete(new ExitResult(config.exitCode(), config.exitSignal(), config.exitErrMsg()));
        }

        @Override
        public CompletableFuture<ExitResult> exited() {
            return exited;
        }

        @Override
        public void kill(String signal, long timeoutNanos) {
            if (exited.isDone()) {
                return;
            }
            cancel();
            // A mock task dies after kill_after, or when its run_for ends if that comes first.
            long delay = config.killAfterNanos();
            if (!config.runsUntilStopped()) {
                long ranFor = GoTime.unixNanos(timers.now()) - startedNanos;
                delay = Math.min(delay, Math.max(0, config.runForNanos() - ranFor));
            }
            timer = timers.schedule(Math.min(delay, timeoutNanos), this::exit);
        }

        @Override
        public void destroy() {
            cancel();
        }

        private void cancel() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }
    }
}
