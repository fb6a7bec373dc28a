package io.drover.client.driver;

import io.drover.model.LogConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a task's output goes and how it is rotated (Nomad's {@code LogConfig}): files
 * {@code <dir>/<task>.stdout.N} and {@code .stderr.N}, each at most {@code maxFileBytes}, the
 * newest {@code maxFiles} of each kept. The task writes them through named pipes beside them,
 * {@code <dir>/.<task>.stdout.fifo} and {@code .stderr.fifo} (as Nomad's logmon does), which
 * outlive the agent reading them ({@link TaskOutput}).
 */
public record TaskLogs(Path dir, String task, int maxFiles, long maxFileBytes) {
    private static final long MB = 1024L * 1024L;

    public TaskLogs {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(task, "task");
        if (maxFiles < 1 || maxFileBytes < 1) {
            throw new IllegalArgumentException("log rotation needs at least one file of at least one byte");
        }
    }

    /** The task's {@code LogConfig}, Nomad's defaults (10 files of 10 MB) where it says nothing. */
    public static TaskLogs of(Path dir, String task, LogConfig config) {
        int files = config == null || config.maxFiles == null || config.maxFiles < 1
                ? LogConfig.DEFAULT_MAX_FILES : config.maxFiles;
        int mb = config == null || config.maxFileSizeMb == null || config.maxFileSizeMb < 1
                ? LogConfig.DEFAULT_MAX_FILE_SIZE_MB : config.maxFileSizeMb;
        return new TaskLogs(dir, task, files, mb * MB);
    }

    public FileRotator stdout() {
        return new FileRotator(dir, task + ".stdout", maxFiles, maxFileBytes);
    }

    public FileRotator stderr() {
        return new FileRotator(dir, task + ".stderr", maxFiles, maxFileBytes);
    }

    /** The named pipe the task's stdout goes through. */
    public Path stdoutFifo() {
        return dir.resolve("." + task + ".stdout.fifo");
    }

    /** The named pipe the task's stderr goes through. */
    public Path stderrFifo() {
        return dir.resolve("." + task + ".stderr.fifo");
    }
}
