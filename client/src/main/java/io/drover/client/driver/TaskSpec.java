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
 * @param stdout where its standard output goes
 * @param stderr where its standard error goes
 */
public record TaskSpec(String allocId, Task task, Map<String, String> env, Path taskDir, Path stdout, Path stderr) {
    public TaskSpec {
        Objects.requireNonNull(allocId, "allocId");
        Objects.requireNonNull(task, "task");
        env = Map.copyOf(env);
        Objects.requireNonNull(taskDir, "taskDir");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    public String taskName() {
        return task.name;
    }
}
