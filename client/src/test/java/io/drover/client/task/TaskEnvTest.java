package io.drover.client.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.client.driver.FSIsolation;
import io.drover.model.Task;
import io.drover.model.alloc.Allocation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The allocation's directories in a task's environment are named as the task sees them. */
class TaskEnvTest {
    private final Allocation alloc = new Allocation();
    private final Task task = new Task();
    private final AllocDir dir = new AllocDir(Path.of("/var/drover/alloc"), "a1");

    TaskEnvTest() {
        alloc.id = "a1";
        alloc.name = "j.g[0]";
        task.name = "web";
        task.env = Map.of("CONFIG", "${NOMAD_TASK_DIR}/app.conf");
    }

    @Test
    void withoutFileSystemIsolationTheyAreHostPaths() {
        Map<String, String> vars = TaskEnv.of(alloc, task, dir, null, "global", FSIsolation.NONE).vars();

        assertThat(vars).containsEntry("NOMAD_ALLOC_DIR", "/var/drover/alloc/a1/alloc")
                .containsEntry("NOMAD_TASK_DIR", "/var/drover/alloc/a1/web/local")
                .containsEntry("NOMAD_SECRETS_DIR", "/var/drover/alloc/a1/web/secrets")
                .containsEntry("CONFIG", "/var/drover/alloc/a1/web/local/app.conf");
    }

    @Test
    void inAChrootTheyArePathsInsideIt() {
        Map<String, String> vars = TaskEnv.of(alloc, task, dir, null, "global", FSIsolation.CHROOT).vars();

        assertThat(vars).containsEntry("NOMAD_ALLOC_DIR", "/alloc")
                .containsEntry("NOMAD_TASK_DIR", "/local")
                .containsEntry("NOMAD_SECRETS_DIR", "/secrets")
                .containsEntry("CONFIG", "/local/app.conf");
    }
}
