package io.drover.client.driver;

import io.drover.model.Task;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a driver needs to start one task (Nomad's {@code drivers.TaskConfig}).
 *
 * @param allocId the allocation the task belongs to
 * @param task the task as the job defines it ({@code Config} holds the driver's settings)
 * @param env the task's complete environment
 * @param taskDir the task's directory, its working directory
 * @param logs where its standard output and error go, rotated
 */
public record TaskSpec(String allocId, Task task, Map<String, String> env, Path taskDir, TaskLogs logs) {
    public TaskSpec {
        Objects.requireNonNull(allocId, "allocId");
        Objects.requireNonNull(task, "task");
        env = Map.copyOf(env);
        Objects.requireNonNull(taskDir, "taskDir");
        Objects.requireNonNull(logs, "logs");
    }

    public String taskName() {
        return task.name;
    }
}
