package io.drover.client;

import io.drover.model.Task;
import io.drover.model.json.GoDuration;
import java.util.Map;

/**
 * How a simulated task behaves: Nomad's mock driver task config ({@code run_for},
 * {@code exit_code}, {@code exit_signal}, {@code exit_err_msg}, {@code start_error},
 * {@code kill_after}, {@code start_error_recoverable}). Durations are Go durations, empty meaning zero, as the mock driver
 * reads them: a mock task without {@code run_for} exits at once.
 *
 * <p>Tasks of the other drivers nodesim advertises (raw_exec, exec) are not run: they stay
 * running until the servers stop them or a test ends them on demand.
 *
 * @param runForNanos how long the task runs before it exits; negative: until stopped
 * @param exitCode the exit code it then reports (non-zero fails the task)
 * @param exitSignal the signal it reports having died of
 * @param exitErrMsg the error it exits with, "" for none
 * @param startError the error starting it fails with, "" for none
 * @param killAfterNanos how long it takes to die once told to stop
 * @param startErrorRecoverable whether the start error is one a restart may get past
 */
public record MockTaskConfig(long runForNanos, int exitCode, int exitSignal, String exitErrMsg, String startError,
        long killAfterNanos, boolean startErrorRecoverable) {
    public static final long UNTIL_STOPPED = -1;

    /** What {@code task} does under nodesim; a config the mock driver would refuse becomes a start error. */
    public static MockTaskConfig of(Task task) {
        if (!"mock_driver".equals(task.driver)) {
            return new MockTaskConfig(UNTIL_STOPPED, 0, 0, "", "", 0, false);
        }
        Map<String, Object> c = task.config == null ? Map.of() : task.config;
        try {
            return new MockTaskConfig(duration(c, "run_for"), integer(c, "exit_code"), integer(c, "exit_signal"),
                    string(c, "exit_err_msg"), string(c, "start_error"), duration(c, "kill_after"),
                    bool(c, "start_error_recoverable"));
        } catch (IllegalArgumentException e) {
            return new MockTaskConfig(0, 0, 0, "", "failed to parse driver config: " + e.getMessage(), 0, false);
        }
    }

    public boolean runsUntilStopped() {
        return runForNanos < 0;
    }

    private static long duration(Map<String, Object> c, String key) {
        String s = string(c, key);
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Math.max(0, GoDuration.parseNanos(s));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " " + s + " not a valid duration");
        }
    }

    private static int integer(Map<String, Object> c, String key) {
        Object v = c.get(key);
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " " + v + " is not a number");
        }
    }

    private static boolean bool(Map<String, Object> c, String key) {
        Object v = c.get(key);
        return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString().trim());
    }

    private static String string(Map<String, Object> c, String key) {
        Object v = c.get(key);
        return v == null ? "" : v.toString();
    }
}
